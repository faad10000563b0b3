"""Stack config: the numbers a stack declares, with errors that name the config key."""

from __future__ import annotations

from typing import Any

import pytest

from connect_numbers import ImportedPhoneNumberArgs
from connect_numbers.inputs.stack_config import (
    DeclaredNumber,
    StackConfigError,
    parse_stack_config,
    read_stack_config,
)

SOURCE = (
    "arn:aws:sms-voice:us-east-1:123456789012:phone-number/phone-0123456789abcdef0123456789abcdef"
)


def test_a_full_entry_is_read_with_every_field() -> None:
    declared = parse_stack_config(
        {
            "instanceId": "inst-1",
            "numbers": [
                {
                    "name": "support",
                    "sourcePhoneNumberArn": SOURCE,
                    "description": "Support line",
                    "tags": {"team": "support"},
                    "adopt": True,
                    "waitTimeoutSeconds": 120,
                }
            ],
        }
    )
    assert declared.shared == {"instance_id": "inst-1"}
    assert declared.numbers == (
        DeclaredNumber(
            "support",
            {
                "source_phone_number_arn": SOURCE,
                "description": "Support line",
                "tags": {"team": "support"},
                "adopt": True,
                "wait_timeout_seconds": 120.0,
            },
        ),
    )


def test_no_numbers_is_an_empty_stack() -> None:
    assert parse_stack_config({"instanceId": "inst-1"}).numbers == ()


def test_missing_source_names_the_entry() -> None:
    with pytest.raises(StackConfigError, match=r"numbers\[0\]\.sourcePhoneNumberArn is required"):
        parse_stack_config({"instanceId": "inst-1", "numbers": [{"name": "a"}]})


def test_unknown_key_is_rejected_to_catch_typos() -> None:
    with pytest.raises(StackConfigError, match=r"numbers\[0\] has unknown keys: descripton"):
        parse_stack_config(
            {
                "instanceId": "inst-1",
                "numbers": [{"name": "a", "sourcePhoneNumberArn": SOURCE, "descripton": "x"}],
            }
        )


def test_non_string_tag_value_names_the_tag() -> None:
    with pytest.raises(StackConfigError, match=r"numbers\[0\]\.tags\.cost must be a string"):
        parse_stack_config(
            {
                "instanceId": "inst-1",
                "numbers": [{"name": "a", "sourcePhoneNumberArn": SOURCE, "tags": {"cost": 5}}],
            }
        )


def test_adopt_must_be_a_boolean() -> None:
    with pytest.raises(StackConfigError, match=r"numbers\[0\]\.adopt must be true or false"):
        parse_stack_config(
            {
                "instanceId": "inst-1",
                "numbers": [{"name": "a", "sourcePhoneNumberArn": SOURCE, "adopt": "yes"}],
            }
        )


def test_duplicate_names_are_rejected() -> None:
    entry = {"name": "a", "sourcePhoneNumberArn": SOURCE}
    with pytest.raises(StackConfigError, match=r"numbers\[1\]\.name 'a' is used twice"):
        parse_stack_config({"instanceId": "inst-1", "numbers": [entry, entry]})


def test_numbers_must_be_a_list() -> None:
    with pytest.raises(StackConfigError, match=r"connect-numbers:numbers must be a list"):
        parse_stack_config({"instanceId": "inst-1", "numbers": "not-a-list"})


def test_a_declared_number_gives_the_keyword_arguments_of_the_resource_args() -> None:
    declared = parse_stack_config(
        {
            "instanceId": "inst-1",
            "numbers": [{"name": "a", "sourcePhoneNumberArn": SOURCE, "waitTimeoutSeconds": 60}],
        }
    )
    [number] = declared.numbers
    args = ImportedPhoneNumberArgs(**declared.shared, **number.inputs)
    assert args.instance_id == "inst-1" and args.source_phone_number_arn == SOURCE
    assert args.wait_timeout_seconds == 60.0 and args.description is None


class FakeConfig:
    """`pulumi.Config`: text values through get, structured ones through get_object."""

    def __init__(self, values: dict[str, Any]) -> None:
        self.values = values

    def get(self, key: str) -> str | None:
        value = self.values.get(key)
        assert value is None or isinstance(value, str), f"{key} read as text"
        return value

    def get_object(self, key: str) -> Any:
        return self.values.get(key)


def test_a_pulumi_config_is_read_for_the_stack_wide_keys_and_the_numbers() -> None:
    config = FakeConfig(
        {"instanceId": "inst-1", "numbers": [{"name": "a", "sourcePhoneNumberArn": SOURCE}]}
    )
    declared = read_stack_config(config)
    assert declared.shared == {"instance_id": "inst-1"}
    assert [number.name for number in declared.numbers] == ["a"]


def test_the_front_end_is_the_dynamic_resource_unless_config_says_plugin() -> None:
    assert parse_stack_config({}).front_end == "dynamic"
    assert parse_stack_config({"frontEnd": "plugin"}).front_end == "plugin"


def test_an_unknown_front_end_names_the_key_and_the_choices() -> None:
    with pytest.raises(
        StackConfigError, match=r"^connect-numbers:frontEnd must be one of dynamic, plugin"
    ):
        parse_stack_config({"frontEnd": "terraform"})
