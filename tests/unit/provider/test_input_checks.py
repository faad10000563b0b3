"""The per-input checks themselves: values that look almost right are refused, naming the input.

`check` runs them (test_check); these call them directly, for the edge cases of each rule.
"""

from __future__ import annotations

from connect_numbers.inputs import checks as input_checks


def test_an_instance_id_containing_a_slash_is_neither_an_id_nor_an_arn() -> None:
    reasons = input_checks.instance_id("instance/abc")
    assert len(reasons) == 1 and "neither an instance id nor an instance ARN" in reasons[0]


def test_an_instance_id_containing_a_colon_is_neither_an_id_nor_an_arn() -> None:
    reasons = input_checks.instance_id("connect:abc")
    assert len(reasons) == 1 and "neither an instance id nor an instance ARN" in reasons[0]


def test_a_blank_instance_id_is_refused_pointing_to_target_arn() -> None:
    reasons = input_checks.instance_id("   ")
    assert len(reasons) == 1 and "instance_id is required" in reasons[0]
    assert "set target_arn" in reasons[0]


def test_an_empty_target_arn_is_refused_saying_what_a_target_is() -> None:
    assert input_checks.target_arn("") == [
        "target_arn must be an instance ARN or a traffic distribution group ARN"
    ]


def test_a_target_arn_that_is_not_text_is_refused_saying_what_a_target_is() -> None:
    assert input_checks.target_arn(5) == [
        "target_arn must be an instance ARN or a traffic distribution group ARN"
    ]


def test_an_arn_of_another_kind_as_target_is_refused_naming_the_arn() -> None:
    queue = "arn:aws:connect:us-east-1:123456789012:queue/q"
    [reason] = input_checks.target_arn(queue)
    assert reason.startswith(f"'{queue}' is neither")


def test_neither_target_nor_instance_ends_with_both_stack_config_keys() -> None:
    [failure] = input_checks.one_target(None, None)
    assert failure.property == "instance_id"
    assert failure.reason.endswith(
        "(stack config connect-numbers:instanceId or connect-numbers:targetArn)"
    )


def test_an_empty_source_number_arn_is_reported_missing() -> None:
    reasons = input_checks.source_phone_number_arn("")
    assert len(reasons) == 1 and "source_phone_number_arn is required" in reasons[0]


def test_a_source_number_arn_that_is_not_text_is_reported_missing() -> None:
    reasons = input_checks.source_phone_number_arn(42)
    assert len(reasons) == 1 and "source_phone_number_arn is required" in reasons[0]


def test_a_tag_value_that_is_not_text_fails_naming_its_key() -> None:
    assert input_checks.tags({"team": 7}) == ["the value of tag 'team' must be a string"]


def test_a_tag_key_that_is_not_text_fails_naming_the_key() -> None:
    assert input_checks.tags({7: "x"}) == ["tag key 7 must be a string"]


def test_a_bad_key_and_a_bad_value_of_one_tag_are_both_reported() -> None:
    reasons = input_checks.tags({"aws:team": 7})
    assert len(reasons) == 2
    assert "aws:" in reasons[0] and "must be a string" in reasons[1]


def test_every_bad_tag_is_reported_not_just_the_first() -> None:
    reasons = input_checks.tags({"a#": "x", "b#": "y"})
    assert len(reasons) == 2 and "'a#'" in reasons[0] and "'b#'" in reasons[1]


def test_an_empty_owner_is_reported_missing() -> None:
    reasons = input_checks.owner("")
    assert len(reasons) == 1 and "owner is missing" in reasons[0]


def test_an_owner_that_is_not_text_is_reported_missing() -> None:
    reasons = input_checks.owner(None)
    assert len(reasons) == 1 and "owner is missing" in reasons[0]


def test_a_description_that_is_not_text_fails_naming_the_input() -> None:
    reasons = input_checks.description(5)
    assert len(reasons) == 1 and reasons[0].startswith("description")


def test_a_boolean_is_not_a_number_of_seconds() -> None:
    reasons = input_checks.wait_timeout_seconds(True)
    assert len(reasons) == 1 and "wait_timeout_seconds" in reasons[0]


def test_an_infinite_wait_is_not_a_number_of_seconds() -> None:
    reasons = input_checks.wait_timeout_seconds(float("inf"))
    assert len(reasons) == 1 and "number of seconds" in reasons[0]


def test_a_negative_wait_is_refused() -> None:
    reasons = input_checks.wait_timeout_seconds(-1)
    assert len(reasons) == 1 and "above 0" in reasons[0]


def test_no_region_means_the_region_of_the_arns() -> None:
    assert input_checks.region(None) == []


def test_a_region_that_is_not_text_is_refused() -> None:
    assert input_checks.region(5) == ["'5' is not an AWS Region name"]
