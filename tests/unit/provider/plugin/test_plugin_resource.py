"""The program side of the plugin's resource (`engine.plugin.resource`), which the root program
declares with `frontEnd: plugin`: camelCase on the wire, Python names in the program."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pulumi
import pytest

from connect_numbers import ImportedPhoneNumberArgs
from connect_numbers.engine.plugin import resource as plugin

from ..fakes import INSTANCE_ID, SOURCE_ARN
from ..program_mocks import Recorder, recording


@pytest.fixture
def recorder() -> Iterator[Recorder]:
    with recording({"phoneNumberId": "pn-1", "status": "CLAIMED"}) as mocks:
        yield mocks


@pulumi.runtime.test
def test_it_registers_the_plugins_type_with_camel_case_inputs_and_no_owner(
    recorder: Recorder,
) -> Any:
    number = plugin.ImportedPhoneNumber(
        "support",
        ImportedPhoneNumberArgs(
            instance_id=INSTANCE_ID, source_phone_number_arn=SOURCE_ARN, wait_timeout_seconds=30
        ),
    )

    def check(_: Any) -> None:
        [registered] = recorder.resources
        assert registered.typ == "connect-numbers:index:ImportedPhoneNumber"
        assert registered.inputs["sourcePhoneNumberArn"] == SOURCE_ARN
        assert registered.inputs["instanceId"] == INSTANCE_ID
        assert registered.inputs["waitTimeoutSeconds"] == 30
        assert "owner" not in registered.inputs
        assert not any("_" in key for key in registered.inputs)

    return number.phone_number_id.apply(check)


@pulumi.runtime.test
def test_its_outputs_are_the_dynamic_resources_attribute_names(recorder: Recorder) -> Any:
    number = plugin.ImportedPhoneNumber(
        "n", ImportedPhoneNumberArgs(instance_id=INSTANCE_ID, source_phone_number_arn=SOURCE_ARN)
    )
    both = pulumi.Output.all(number.phone_number_id, number.status, number.source_phone_number_arn)
    return both.apply(lambda values: _equal(values, ["pn-1", "CLAIMED", SOURCE_ARN]))


def _equal(actual: list[Any], expected: list[Any]) -> None:
    assert actual == expected
