"""Traffic distribution groups (Connect Global Resiliency) and phone numbers that target them."""

from __future__ import annotations

from typing import Any

import pytest

GROUP_DELAY = 2.0  # the default traffic_distribution_group_delay


def _group(client: Any, instance: dict[str, Any], name: str = "tdg", **kw: Any) -> dict[str, Any]:
    created: dict[str, Any] = client.create_traffic_distribution_group(
        Name=name, InstanceId=instance["InstanceId"], **kw
    )
    return created


def _described(client: Any, group_id: str) -> dict[str, Any]:
    found = client.describe_traffic_distribution_group(TrafficDistributionGroupId=group_id)
    group: dict[str, Any] = found["TrafficDistributionGroup"]
    return group


def _claimed_number(local_service: Any, client: Any, instance: Any, source_number: Any) -> str:
    number_id = str(
        client.import_phone_number(
            InstanceId=instance["InstanceId"],
            SourcePhoneNumberArn=source_number()["PhoneNumberArn"],
        )["PhoneNumberId"]
    )
    local_service.admin.advance_clock(2.0)
    return number_id


def _summary(client: Any, number_id: str) -> dict[str, Any]:
    described = client.describe_phone_number(PhoneNumberId=number_id)
    summary: dict[str, Any] = described["ClaimedPhoneNumberSummary"]
    return summary


def test_a_new_group_is_creation_in_progress_then_active(
    local_service: Any, connect_client: Any, instance: dict[str, Any]
) -> None:
    created = _group(connect_client, instance, Description="second Region", Tags={"k": "v"})
    assert created["Arn"].endswith(f":traffic-distribution-group/{created['Id']}")
    assert _described(connect_client, created["Id"])["Status"] == "CREATION_IN_PROGRESS"
    local_service.admin.advance_clock(GROUP_DELAY)
    assert _described(connect_client, created["Arn"]) == {
        "Id": created["Id"],
        "Arn": created["Arn"],
        "Name": "tdg",
        "Description": "second Region",
        "InstanceArn": instance["Arn"],
        "Status": "ACTIVE",
        "IsDefault": False,
        "Tags": {"k": "v"},
    }


def test_a_deleted_group_is_pending_deletion_then_not_found(
    local_service: Any, connect_client: Any, instance: dict[str, Any]
) -> None:
    group_id = _group(connect_client, instance)["Id"]
    local_service.admin.advance_clock(GROUP_DELAY)
    connect_client.delete_traffic_distribution_group(TrafficDistributionGroupId=group_id)
    assert _described(connect_client, group_id)["Status"] == "PENDING_DELETION"
    local_service.admin.advance_clock(GROUP_DELAY)
    with pytest.raises(connect_client.exceptions.ResourceNotFoundException):
        _described(connect_client, group_id)


def test_a_group_still_being_created_cannot_be_deleted(
    connect_client: Any, instance: dict[str, Any]
) -> None:
    group_id = _group(connect_client, instance)["Id"]
    with pytest.raises(connect_client.exceptions.InvalidRequestException):
        connect_client.delete_traffic_distribution_group(TrafficDistributionGroupId=group_id)


def test_groups_are_listed_by_instance_a_page_at_a_time(
    local_service: Any, connect_client: Any, instance: dict[str, Any]
) -> None:
    other = local_service.admin.create_instance("other")
    mine = {_group(connect_client, instance, f"mine-{n}")["Id"] for n in range(3)}
    _group(connect_client, other, "theirs")
    first = connect_client.list_traffic_distribution_groups(
        InstanceId=instance["InstanceId"], MaxResults=2
    )
    second = connect_client.list_traffic_distribution_groups(
        InstanceId=instance["InstanceId"], MaxResults=2, NextToken=first["NextToken"]
    )
    assert "NextToken" not in second
    listed = (
        first["TrafficDistributionGroupSummaryList"] + second["TrafficDistributionGroupSummaryList"]
    )
    assert {g["Id"] for g in listed} == mine
    assert {g["Status"] for g in listed} == {"CREATION_IN_PROGRESS"}
    everything = connect_client.get_paginator("list_traffic_distribution_groups").paginate()
    assert sum(len(p["TrafficDistributionGroupSummaryList"]) for p in everything) == 4


def test_group_names_are_unique_in_a_region(connect_client: Any, instance: dict[str, Any]) -> None:
    _group(connect_client, instance, "same")
    with pytest.raises(connect_client.exceptions.ResourceConflictException):
        _group(connect_client, instance, "same")


def test_a_number_moved_to_a_group_targets_it_and_keeps_the_group_instance(
    local_service: Any, connect_client: Any, instance: dict[str, Any], source_number: Any
) -> None:
    group = local_service.admin.create_traffic_distribution_group("tdg", instance["InstanceId"])
    number_id = _claimed_number(local_service, connect_client, instance, source_number)
    connect_client.update_phone_number(PhoneNumberId=number_id, TargetArn=group["Arn"])
    assert _summary(connect_client, number_id)["PhoneNumberStatus"] == {"Status": "IN_PROGRESS"}
    local_service.admin.advance_clock(2.0)
    summary = _summary(connect_client, number_id)
    assert (summary["PhoneNumberStatus"], summary["TargetArn"], summary["InstanceId"]) == (
        {"Status": "CLAIMED"},
        group["Arn"],
        instance["InstanceId"],
    )


def test_a_number_moves_back_from_a_group_to_an_instance(
    local_service: Any, connect_client: Any, instance: dict[str, Any], source_number: Any
) -> None:
    group = local_service.admin.create_traffic_distribution_group("tdg", instance["InstanceId"])
    number_id = _claimed_number(local_service, connect_client, instance, source_number)
    connect_client.update_phone_number(PhoneNumberId=number_id, TargetArn=group["Arn"])
    local_service.admin.advance_clock(2.0)
    connect_client.update_phone_number(PhoneNumberId=number_id, TargetArn=instance["Arn"])
    local_service.admin.advance_clock(2.0)
    assert _summary(connect_client, number_id)["TargetArn"] == instance["Arn"]


def test_list_phone_numbers_filters_by_a_group_target(
    local_service: Any, connect_client: Any, instance: dict[str, Any], source_number: Any
) -> None:
    group = local_service.admin.create_traffic_distribution_group("tdg", instance["InstanceId"])
    in_group = _claimed_number(local_service, connect_client, instance, source_number)
    in_instance = _claimed_number(local_service, connect_client, instance, source_number)
    connect_client.update_phone_number(PhoneNumberId=in_group, TargetArn=group["Arn"])

    def ids(**filters: Any) -> set[str]:
        listed = connect_client.list_phone_numbers_v2(**filters)["ListPhoneNumbersSummaryList"]
        return {s["PhoneNumberId"] for s in listed}

    assert ids(TargetArn=group["Arn"]) == {in_group}
    assert ids(TargetArn=instance["Arn"]) == {in_instance}
    assert ids(InstanceId=instance["InstanceId"]) == {in_group, in_instance}


def test_a_group_that_numbers_target_cannot_be_deleted(
    local_service: Any, connect_client: Any, instance: dict[str, Any], source_number: Any
) -> None:
    group = local_service.admin.create_traffic_distribution_group("tdg", instance["InstanceId"])
    number_id = _claimed_number(local_service, connect_client, instance, source_number)
    connect_client.update_phone_number(PhoneNumberId=number_id, TargetArn=group["Arn"])
    with pytest.raises(connect_client.exceptions.ResourceInUseException):
        connect_client.delete_traffic_distribution_group(TrafficDistributionGroupId=group["Id"])


def test_a_group_still_being_created_takes_no_numbers(
    local_service: Any, connect_client: Any, instance: dict[str, Any], source_number: Any
) -> None:
    number_id = _claimed_number(local_service, connect_client, instance, source_number)
    fresh = _group(connect_client, instance)
    with pytest.raises(connect_client.exceptions.InvalidParameterException) as raised:
        connect_client.update_phone_number(PhoneNumberId=number_id, TargetArn=fresh["Arn"])
    assert "CREATION_IN_PROGRESS, not ACTIVE" in raised.value.response["Error"]["Message"]


def test_a_group_can_be_tagged_and_untagged(
    local_service: Any, connect_client: Any, instance: dict[str, Any]
) -> None:
    arn = local_service.admin.create_traffic_distribution_group("tdg", instance["Arn"])["Arn"]
    connect_client.tag_resource(resourceArn=arn, tags={"a": "1", "b": "2"})
    connect_client.untag_resource(resourceArn=arn, tagKeys=["b"])
    assert connect_client.list_tags_for_resource(resourceArn=arn)["tags"] == {"a": "1"}


def test_the_admin_api_makes_an_active_group_once_per_name(
    local_service: Any, connect_client: Any, instance: dict[str, Any]
) -> None:
    made = local_service.admin.create_traffic_distribution_group("tdg", instance["InstanceId"])
    again = local_service.admin.create_traffic_distribution_group("tdg", instance["InstanceId"])
    assert made == again and made["Status"] == "ACTIVE"
    assert _described(connect_client, made["Id"])["InstanceArn"] == instance["Arn"]
