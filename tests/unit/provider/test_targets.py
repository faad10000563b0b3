"""target_arn: an instance or a traffic distribution group, exclusive with instance_id; a number
for a group is imported into the group's instance, then moved; moves happen in place; refresh
reports drift on the target."""

from __future__ import annotations

from typing import Any

import pytest
from pulumi.runtime.rpc import UNKNOWN

from connect_numbers.errors import TargetNotReadyError

from .fakes import (
    ACCOUNT,
    IMPORT_OK,
    IMPORT_PARAMS,
    INSTANCE_ARN,
    INSTANCE_ID,
    NUMBER_ID,
    OTHER_INSTANCE_ARN,
    OTHER_INSTANCE_ID,
    REGION,
    harness,
    inputs,
    outputs,
    summary,
)

GROUP_ID = "99999999-8888-7777-6666-555555555555"
GROUP_ARN = f"arn:aws:connect:{REGION}:{ACCOUNT}:traffic-distribution-group/{GROUP_ID}"
OTHER_GROUP_ARN = GROUP_ARN.replace("99999999", "12121212")
DESCRIBE = {"PhoneNumberId": NUMBER_ID}


def in_group(status: str = "CLAIMED", group_arn: str = GROUP_ARN) -> dict[str, Any]:
    """A DescribePhoneNumber answer for a number in a group (whose own instance is INSTANCE_ID)."""
    answer = summary(status)
    answer["ClaimedPhoneNumberSummary"]["TargetArn"] = group_arn
    return answer


def group(status: str = "ACTIVE") -> dict[str, Any]:
    return {
        "TrafficDistributionGroup": {
            "Id": GROUP_ID,
            "Arn": GROUP_ARN,
            "Name": "resilient",
            "InstanceArn": INSTANCE_ARN,
            "Status": status,
        }
    }


def for_group(target_arn: str = GROUP_ARN, **overrides: Any) -> dict[str, Any]:
    return inputs(instance_id=None, target_arn=target_arn, **overrides)


def failures_for(**news: Any) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for failure in harness().provider.check({}, inputs(**news)).failures:
        found.setdefault(failure.property, []).append(failure.reason)
    return found


# check (at preview)


@pytest.mark.parametrize("target", [GROUP_ARN, INSTANCE_ARN], ids=["group", "instance"])
def test_a_group_or_instance_arn_is_a_valid_target(target: str) -> None:
    assert failures_for(instance_id=None, target_arn=target) == {}


def test_target_arn_and_instance_id_together_fail_on_target_arn() -> None:
    found = failures_for(target_arn=GROUP_ARN)
    assert list(found) == ["target_arn"] and "not both" in found["target_arn"][0]


def test_neither_target_nor_instance_fails_naming_both_stack_config_keys() -> None:
    [reason] = failures_for(instance_id=None)["instance_id"]
    assert "connect-numbers:instanceId" in reason and "connect-numbers:targetArn" in reason


def test_an_arn_of_another_kind_is_no_target() -> None:
    queue = f"arn:aws:connect:{REGION}:{ACCOUNT}:instance/{INSTANCE_ID}/queue/q"
    for bad in (queue, f"arn:aws:connect:{REGION}:{ACCOUNT}:user/u", "tdg-1"):
        assert list(failures_for(instance_id=None, target_arn=bad)) == ["target_arn"], bad


def test_a_group_in_another_region_than_the_source_fails_on_target_arn() -> None:
    found = failures_for(instance_id=None, target_arn=GROUP_ARN.replace(REGION, "eu-west-2"))
    assert list(found) == ["target_arn"] and "same Region" in found["target_arn"][0]


def test_a_target_known_only_after_apply_passes_the_preview() -> None:
    assert failures_for(instance_id=None, target_arn=UNKNOWN) == {}


# diff


def test_an_instance_user_is_unchanged_by_the_instance_arn_the_outputs_report() -> None:
    result = harness().provider.diff(NUMBER_ID, outputs(target_arn=INSTANCE_ARN), inputs())
    assert result.changes is False


def test_an_instance_user_whose_number_sits_in_a_group_moves_back_in_place() -> None:
    drifted = outputs(instance_id=None, target_arn=GROUP_ARN)
    result = harness().provider.diff(NUMBER_ID, drifted, inputs())
    assert result.changes is True and result.replaces == []


def test_moving_from_an_instance_to_a_group_is_an_update_in_place() -> None:
    result = harness().provider.diff(NUMBER_ID, outputs(), for_group())
    assert result.changes is True and result.replaces == []


def test_a_number_in_its_declared_group_is_no_change() -> None:
    in_place = outputs(instance_id=None, target_arn=GROUP_ARN)
    assert harness().provider.diff(NUMBER_ID, in_place, for_group()).changes is False


# create


def test_a_number_for_a_group_is_imported_into_the_groups_instance_then_moved_to_it() -> None:
    h = harness()
    h.stub.add_response(
        "describe_traffic_distribution_group", group(), {"TrafficDistributionGroupId": GROUP_ARN}
    )
    h.stub.add_response("import_phone_number", IMPORT_OK, IMPORT_PARAMS)
    h.stub.add_response("describe_phone_number", summary(), DESCRIBE)
    h.stub.add_response(
        "update_phone_number",
        {},
        {"PhoneNumberId": NUMBER_ID, "TargetArn": GROUP_ARN, "ClientToken": "token-2"},
    )
    h.stub.add_response("describe_phone_number", in_group("IN_PROGRESS"), DESCRIBE)
    h.stub.add_response("describe_phone_number", in_group(), DESCRIBE)
    with h.stub:
        result = h.provider.create(for_group())
    h.stub.assert_no_pending_responses()
    assert result.outs is not None
    assert result.outs["target_arn"] == GROUP_ARN and result.outs["instance_id"] is None


def test_a_group_that_is_not_active_fails_before_anything_is_imported() -> None:
    h = harness()
    h.stub.add_response("describe_traffic_distribution_group", group("CREATION_IN_PROGRESS"))
    with h.stub, pytest.raises(TargetNotReadyError, match=r"CREATION_IN_PROGRESS.*ACTIVE"):
        h.provider.create(for_group())
    h.stub.assert_no_pending_responses()  # no ImportPhoneNumber


def test_an_instance_arn_as_target_imports_into_that_instance_and_moves_nothing() -> None:
    h = harness()
    h.stub.add_response("import_phone_number", IMPORT_OK, IMPORT_PARAMS)
    h.stub.add_response("describe_phone_number", summary(), DESCRIBE)
    with h.stub:
        result = h.provider.create(inputs(instance_id=None, target_arn=INSTANCE_ARN))
    h.stub.assert_no_pending_responses()
    assert result.outs is not None and result.outs["target_arn"] == INSTANCE_ARN


# update


def _moved(h: Any, params: dict[str, str], after: dict[str, Any]) -> None:
    h.stub.add_response(
        "update_phone_number", {}, {"PhoneNumberId": NUMBER_ID, **params, "ClientToken": "token-1"}
    )
    h.stub.add_response("describe_phone_number", after, DESCRIBE)


def test_a_number_moves_from_its_instance_to_a_group_in_place() -> None:
    h = harness()
    h.stub.add_response("describe_phone_number", summary(), DESCRIBE)
    _moved(h, {"TargetArn": GROUP_ARN}, in_group())
    with h.stub:
        result = h.provider.update(NUMBER_ID, outputs(), for_group())
    h.stub.assert_no_pending_responses()
    assert result.outs is not None and result.outs["target_arn"] == GROUP_ARN


def test_a_number_moves_from_a_group_to_a_declared_instance_id_in_place() -> None:
    h = harness()
    h.stub.add_response("describe_phone_number", in_group(), DESCRIBE)
    _moved(h, {"InstanceId": INSTANCE_ID}, summary())
    with h.stub:
        h.provider.update(NUMBER_ID, outputs(instance_id=None, target_arn=GROUP_ARN), inputs())
    h.stub.assert_no_pending_responses()


def test_a_number_moves_between_groups_and_to_an_instance_arn_target() -> None:
    h = harness()
    h.stub.add_response("describe_phone_number", in_group(), DESCRIBE)
    _moved(h, {"TargetArn": OTHER_GROUP_ARN}, in_group(group_arn=OTHER_GROUP_ARN))
    with h.stub:
        h.provider.update(NUMBER_ID, outputs(), for_group(target_arn=OTHER_GROUP_ARN))
    h.stub.assert_no_pending_responses()

    h = harness()
    h.stub.add_response("describe_phone_number", in_group(), DESCRIBE)
    _moved(h, {"TargetArn": OTHER_INSTANCE_ARN}, summary(instance_id=OTHER_INSTANCE_ID))
    with h.stub:
        h.provider.update(NUMBER_ID, outputs(), for_group(target_arn=OTHER_INSTANCE_ARN))
    h.stub.assert_no_pending_responses()


# refresh


def test_refresh_reports_an_instance_users_number_moved_to_a_group_as_target_drift() -> None:
    h = harness()
    h.stub.add_response("describe_phone_number", in_group(), DESCRIBE)
    with h.stub:
        result = h.provider.read(NUMBER_ID, outputs())
    assert result.inputs is not None
    assert result.inputs["instance_id"] is None and result.inputs["target_arn"] == GROUP_ARN


def test_refresh_reports_a_group_users_number_moved_to_an_instance_as_target_drift() -> None:
    h = harness()
    h.stub.add_response("describe_phone_number", summary(), DESCRIBE)
    with h.stub:
        result = h.provider.read(NUMBER_ID, outputs(instance_id=None, target_arn=GROUP_ARN))
    assert result.inputs is not None
    assert result.inputs["instance_id"] is None and result.inputs["target_arn"] == INSTANCE_ARN


def test_refresh_of_an_instance_user_in_place_reports_no_target() -> None:
    h = harness()
    h.stub.add_response("describe_phone_number", summary(), DESCRIBE)
    with h.stub:
        result = h.provider.read(NUMBER_ID, outputs())
    assert result.inputs is not None and result.outs is not None
    assert result.inputs["instance_id"] == INSTANCE_ID and result.inputs["target_arn"] is None
    assert result.outs["target_arn"] == INSTANCE_ARN  # the output keeps the live target
