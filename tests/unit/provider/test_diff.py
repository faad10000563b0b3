"""diff: precise changes; only a new source number replaces, and preview says it releases."""

from __future__ import annotations

from pulumi.runtime.rpc import UNKNOWN

from connect_numbers.inputs.diff import release_warning

from .fakes import (
    INSTANCE_ARN,
    NUMBER_ID,
    OTHER_INSTANCE_ID,
    OTHER_SOURCE_ARN,
    OWNER,
    SOURCE_ARN,
    harness,
    inputs,
    outputs,
)


def test_identical_inputs_are_no_change() -> None:
    result = harness().provider.diff(NUMBER_ID, outputs(), inputs())
    assert result.changes is False and result.replaces == []


def test_a_new_serialized_provider_alone_is_no_change() -> None:
    result = harness().provider.diff(
        NUMBER_ID, outputs(__provider="old-bytes"), inputs(__provider="new-bytes")
    )
    assert result.changes is False


def test_an_instance_arn_naming_the_same_instance_is_no_change() -> None:
    result = harness().provider.diff(NUMBER_ID, outputs(), inputs(instance_id=INSTANCE_ARN))
    assert result.changes is False


def test_description_tags_and_instance_change_in_place() -> None:
    result = harness().provider.diff(
        NUMBER_ID,
        outputs(),
        inputs(description="new", tags={"team": "ops"}, instance_id=OTHER_INSTANCE_ID),
    )
    assert result.changes is True
    assert result.replaces == []


def test_tag_order_does_not_matter() -> None:
    olds = outputs(tags={"a": "1", "b": "2"})
    result = harness().provider.diff(NUMBER_ID, olds, inputs(tags={"b": "2", "a": "1"}))
    assert result.changes is False


def test_a_missing_description_equals_an_empty_one() -> None:
    result = harness().provider.diff(NUMBER_ID, outputs(description=""), inputs(description=None))
    assert result.changes is False


def test_a_new_source_number_replaces_importing_the_new_number_first() -> None:
    result = harness().provider.diff(
        NUMBER_ID, outputs(), inputs(source_phone_number_arn=OTHER_SOURCE_ARN)
    )
    assert result.changes is True
    assert result.replaces == ["source_phone_number_arn"]
    assert result.delete_before_replace is False


def test_a_replacement_warns_in_the_preview_that_the_number_is_released() -> None:
    h = harness()
    h.provider.diff(NUMBER_ID, outputs(), inputs(source_phone_number_arn=OTHER_SOURCE_ARN))
    assert len(h.notices) == 1
    notice = h.notices[0]
    assert "RELEASES" in notice and "+18005550100" in notice and NUMBER_ID in notice
    assert "180 days" in notice and "200%" in notice


def test_an_in_place_change_prints_no_warning() -> None:
    h = harness()
    h.provider.diff(NUMBER_ID, outputs(), inputs(description="x"))
    assert h.notices == []


def test_an_unknown_source_during_preview_is_a_replacement() -> None:
    result = harness().provider.diff(NUMBER_ID, outputs(), inputs(source_phone_number_arn=UNKNOWN))
    assert result.replaces == ["source_phone_number_arn"]


def test_an_unknown_instance_during_preview_is_an_update() -> None:
    result = harness().provider.diff(NUMBER_ID, outputs(), inputs(instance_id=UNKNOWN))
    assert result.changes is True and result.replaces == []


def test_an_unknown_tag_value_during_preview_is_an_update() -> None:
    result = harness().provider.diff(NUMBER_ID, outputs(), inputs(tags={"team": UNKNOWN}))
    assert result.changes is True and result.replaces == []


def test_a_changed_owner_is_retagged_in_place() -> None:
    result = harness().provider.diff(NUMBER_ID, outputs(), inputs(owner="phones/dev/renamed"))
    assert result.changes is True and result.replaces == []


def test_a_state_without_an_instance_sees_the_declared_instance_as_a_change() -> None:
    olds = outputs()
    del olds["instance_id"]
    result = harness().provider.diff(NUMBER_ID, olds, inputs())
    assert result.changes is True and result.replaces == []


def test_the_release_warning_names_the_resource_and_both_source_numbers() -> None:
    warning = release_warning(
        NUMBER_ID, outputs(), inputs(source_phone_number_arn=OTHER_SOURCE_ARN)
    )
    assert warning.startswith(f"connect-numbers WARNING: {OWNER}: ")
    assert f"from {SOURCE_ARN} to {OTHER_SOURCE_ARN}." in warning


def test_a_release_warning_for_a_state_without_owner_names_the_number_id() -> None:
    olds = outputs()
    del olds["owner"]
    warning = release_warning(NUMBER_ID, olds, inputs(source_phone_number_arn=OTHER_SOURCE_ARN))
    assert warning.startswith(f"connect-numbers WARNING: {NUMBER_ID}: ")


def test_a_release_warning_for_an_unknown_new_source_says_it_is_known_only_after_apply() -> None:
    warning = release_warning(NUMBER_ID, outputs(), inputs(source_phone_number_arn=UNKNOWN))
    assert "to a value known only after apply." in warning


def test_the_release_warning_ends_with_how_to_keep_the_number() -> None:
    warning = release_warning(
        NUMBER_ID, outputs(), inputs(source_phone_number_arn=OTHER_SOURCE_ARN)
    )
    assert warning.endswith(" Revert source_phone_number_arn to keep the number.")
