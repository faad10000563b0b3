"""Validation enforces the model's constraints that botocore leaves to the service."""

from __future__ import annotations

from typing import Any

import pytest

from connect_local_service.wire.botocore_models import CONNECT, service_model
from connect_local_service.wire.model_constraints import (
    ValidationFailure,
    compile_pattern,
    validate,
)


def _input(operation: str) -> Any:
    return service_model(CONNECT).operation_model(operation).input_shape


def _problem(operation: str, params: dict[str, Any]) -> str:
    with pytest.raises(ValidationFailure) as raised:
        validate(_input(operation), params)
    return str(raised.value)


def test_missing_required_member_is_named() -> None:
    assert _problem("ImportPhoneNumber", {"InstanceId": "i"}) == "SourcePhoneNumberArn: is required"


def test_max_length_is_enforced() -> None:
    params = {"InstanceId": "i", "SourcePhoneNumberArn": "a", "PhoneNumberDescription": "d" * 501}
    assert _problem("ImportPhoneNumber", params).startswith(
        "PhoneNumberDescription: must have at most 500"
    )


def test_enum_is_enforced_inside_lists() -> None:
    assert _problem("ListPhoneNumbersV2", {"PhoneNumberTypes": ["MOBILE"]}).startswith(
        "PhoneNumberTypes[0]: must be one of"
    )


def test_tag_keys_must_not_start_with_aws() -> None:
    params = {"InstanceId": "i", "SourcePhoneNumberArn": "a", "Tags": {"aws:x": "v"}}
    assert "Tags key 'aws:x': must match the pattern" in _problem("ImportPhoneNumber", params)


def test_tag_keys_accept_unicode_letters_spaces_and_symbols() -> None:
    params = {
        "InstanceId": "i",
        "SourcePhoneNumberArn": "a",
        "Tags": {"Équipe de nuit_.:/=+-@": ""},
    }
    assert validate(_input("ImportPhoneNumber"), params) == params


def test_integers_are_range_checked_and_bools_are_not_integers() -> None:
    assert (
        _problem("ListPhoneNumbersV2", {"MaxResults": 1001}) == "MaxResults: must be at most 1000"
    )
    assert _problem("ListPhoneNumbersV2", {"MaxResults": True}) == "MaxResults: must be an integer"


def test_wrong_types_are_refused() -> None:
    assert _problem("ImportPhoneNumber", {"InstanceId": 5, "SourcePhoneNumberArn": "a"}) == (
        "InstanceId: must be a string"
    )


def test_unknown_members_are_dropped() -> None:
    params = {"InstanceId": "i", "SourcePhoneNumberArn": "a", "Surprise": 1}
    assert validate(_input("ImportPhoneNumber"), params) == {
        "InstanceId": "i",
        "SourcePhoneNumberArn": "a",
    }


def test_the_phone_number_prefix_pattern_accepts_real_prefixes() -> None:
    pattern = _input("ListPhoneNumbersV2").members["PhoneNumberPrefix"].metadata["pattern"]
    assert compile_pattern(pattern).search("+1833")
    assert compile_pattern(pattern).search("44")
    assert not compile_pattern(pattern).search("+1-833")
