"""Stack config: the numbers a stack declares, with errors that name the config key."""

from __future__ import annotations

import pytest

from connect_numbers.stack_config import DeclaredNumber, StackConfigError, parse_stack_config

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


def test_missing_instance_names_the_key() -> None:
    with pytest.raises(StackConfigError, match=r"connect-numbers:instanceId is required"):
        parse_stack_config({"numbers": []})


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
