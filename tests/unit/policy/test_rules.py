"""The policy pack's rules as plain functions: no CLI, no `pulumi-policy` server."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tests.support.plugin import TYPE as PLUGIN_TYPE

PACK = Path(__file__).resolve().parents[3] / "policy"
DYNAMIC_TYPE = "pulumi-python:dynamic/connect_numbers:ImportedPhoneNumber"
OTHER_TYPE = "aws:connect/phoneNumber:PhoneNumber"


def _load() -> ModuleType:
    """The pack's own module, from its folder: the pack is not a package of the repo."""
    spec = importlib.util.spec_from_file_location(
        "connect_numbers_rules", PACK / "connect_numbers_rules.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("connect_numbers_rules", module)
    spec.loader.exec_module(module)
    return module


rules: Any = _load()


def test_both_front_ends_are_phone_numbers_and_nothing_else_is() -> None:
    assert rules.DYNAMIC_TYPE == DYNAMIC_TYPE
    assert rules.PLUGIN_TYPE == PLUGIN_TYPE
    assert rules.is_phone_number(DYNAMIC_TYPE) and rules.is_phone_number(PLUGIN_TYPE)
    assert not rules.is_phone_number(OTHER_TYPE)


@pytest.mark.parametrize("resource_type", [DYNAMIC_TYPE, PLUGIN_TYPE])
def test_an_unprotected_number_is_named_with_both_fixes_and_the_opt_out(
    resource_type: str,
) -> None:
    message = rules.unprotected_message("support", resource_type, False, {})
    assert message is not None
    assert "'support'" in message and resource_type in message
    assert "protect: true" in message
    assert "opts=pulumi.ResourceOptions(protect=True)" in message
    assert "pulumi config set connect-numbers:allowUnprotected true" in message


@pytest.mark.parametrize("resource_type", [DYNAMIC_TYPE, PLUGIN_TYPE])
def test_a_protected_number_passes(resource_type: str) -> None:
    assert rules.unprotected_message("support", resource_type, True, {}) is None


def test_a_number_of_a_selection_passes_unprotected_because_it_is_retained() -> None:
    chain = f"connect-numbers:selection:SelectedPhoneNumbers${DYNAMIC_TYPE}"
    urn = f"urn:pulumi:dev::phones::{chain}::care-phone-0123"
    assert rules.unprotected_message("care-phone-0123", DYNAMIC_TYPE, False, {}, urn) is None
    alone = f"urn:pulumi:dev::phones::{DYNAMIC_TYPE}::support"
    assert rules.unprotected_message("support", DYNAMIC_TYPE, False, {}, alone) is not None


def test_other_resources_are_never_judged() -> None:
    assert rules.unprotected_message("x", OTHER_TYPE, False, {}) is None
    assert rules.undescribed_message("x", OTHER_TYPE, {}) is None
    assert rules.unrouted_message("x", OTHER_TYPE, {}) is None


@pytest.mark.parametrize("value", ["true", "True", " yes ", "1", "on", True])
def test_the_opt_out_accepts_true_values(value: object) -> None:
    config = {"connect-numbers:allowUnprotected": value}
    assert rules.opted_out(config)
    assert rules.unprotected_message("support", PLUGIN_TYPE, False, config) is None


@pytest.mark.parametrize("value", ["false", "", "no", "0", False, None, 1])
def test_anything_else_is_no_opt_out(value: object) -> None:
    config = {"connect-numbers:allowUnprotected": value}
    assert not rules.opted_out(config)
    assert rules.unprotected_message("support", PLUGIN_TYPE, False, config) is not None


def test_the_opt_out_key_is_exact() -> None:
    assert not rules.opted_out({"allowUnprotected": "true"})
    assert not rules.opted_out({"connect-numbers:allowunprotected": "true"})


@pytest.mark.parametrize(
    "props", [{}, {"description": None}, {"description": ""}, {"description": "  "}]
)
def test_a_number_without_a_description_is_reported(props: dict[str, Any]) -> None:
    message = rules.undescribed_message("support", PLUGIN_TYPE, props)
    assert message is not None and "'support'" in message


def test_a_described_number_passes() -> None:
    assert rules.undescribed_message("support", DYNAMIC_TYPE, {"description": "Care"}) is None


@pytest.mark.parametrize(
    ("resource_type", "key"), [(PLUGIN_TYPE, "contactFlowId"), (DYNAMIC_TYPE, "contact_flow_id")]
)
def test_the_contact_flow_is_read_under_each_front_ends_name(resource_type: str, key: str) -> None:
    for absent in ({}, {key: None}, {key: ""}):
        message = rules.unrouted_message("support", resource_type, absent)
        assert message is not None and f"`{key}`" in message
    assert rules.unrouted_message("support", resource_type, {key: "flow-1"}) is None


def test_the_other_front_ends_flow_name_does_not_count() -> None:
    assert rules.unrouted_message("s", PLUGIN_TYPE, {"contact_flow_id": "flow-1"}) is not None
    assert rules.unrouted_message("s", DYNAMIC_TYPE, {"contactFlowId": "flow-1"}) is not None
