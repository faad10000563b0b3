"""Behaviours AWS documents, each with its source (also beside it in docs/local-service.md)."""

from __future__ import annotations

from typing import Any

import pytest


def _import(client: Any, instance: dict[str, Any], source_arn: str) -> str:
    answer = client.import_phone_number(
        InstanceId=instance["InstanceId"], SourcePhoneNumberArn=source_arn
    )
    return str(answer["PhoneNumberId"])


def _summary(client: Any, number_id: str) -> dict[str, Any]:
    described = client.describe_phone_number(PhoneNumberId=number_id)
    summary: dict[str, Any] = described["ClaimedPhoneNumberSummary"]
    return summary


def test_import_without_its_dependent_action_sms_voice_describe_phone_numbers_is_denied(
    local_service: Any, connect_client: Any, instance: Any, source_number: Any
) -> None:
    """IAM Service Authorization Reference, Amazon Connect, ImportPhoneNumber: dependent actions."""
    source_arn = source_number()["PhoneNumberArn"]
    local_service.admin.set_allowed_actions(["connect:ImportPhoneNumber"])
    with pytest.raises(connect_client.exceptions.AccessDeniedException) as raised:
        _import(connect_client, instance, source_arn)
    message = raised.value.response["Error"]["Message"]
    assert (
        f"not authorized to perform: sms-voice:DescribePhoneNumbers on resource: {source_arn} "
        "(a dependent action of connect:ImportPhoneNumber)"
    ) in message
    assert local_service.admin.numbers() == []
    local_service.admin.set_allowed_actions(
        ["connect:ImportPhoneNumber", "sms-voice:DescribePhoneNumbers"]
    )
    assert _import(connect_client, instance, source_arn)


def test_an_import_beyond_the_phone_numbers_per_instance_quota_is_accepted_then_fails(
    local_service: Any, connect_client: Any, instance: Any, source_number: Any
) -> None:
    """Service Quotas: "Phone numbers per instance"; Connect API reference: a claim at the
    limit ends FAILED with a message rather than being refused."""
    local_service.admin.set_settings(phone_numbers_per_instance=1)
    first = _import(connect_client, instance, source_number()["PhoneNumberArn"])
    second = _import(connect_client, instance, source_number()["PhoneNumberArn"])
    assert _summary(connect_client, second)["PhoneNumberStatus"] == {"Status": "IN_PROGRESS"}
    local_service.admin.advance_clock(2.0)
    assert _summary(connect_client, first)["PhoneNumberStatus"] == {"Status": "CLAIMED"}
    status = _summary(connect_client, second)["PhoneNumberStatus"]
    assert status["Status"] == "FAILED"
    assert status["Message"].startswith("Phone numbers per instance quota reached: instance ")
    assert "(quota 1)" in status["Message"] and len(status["Message"]) <= 255


def test_the_phone_numbers_quota_counts_each_instance_on_its_own(
    local_service: Any, connect_client: Any, instance: Any, source_number: Any
) -> None:
    """Service Quotas lists "Phone numbers per instance" per instance, not per account."""
    local_service.admin.set_settings(phone_numbers_per_instance=1)
    other = local_service.admin.create_instance("other")
    _import(connect_client, instance, source_number()["PhoneNumberArn"])
    elsewhere = _import(connect_client, other, source_number()["PhoneNumberArn"])
    local_service.admin.advance_clock(2.0)
    assert _summary(connect_client, elsewhere)["PhoneNumberStatus"] == {"Status": "CLAIMED"}


def test_a_short_code_source_imports_as_a_short_code(
    local_service: Any, connect_client: Any, instance: Any, source_number: Any
) -> None:
    """Connect's PhoneNumberType lists SHORT_CODE; Connect's SMS guide says short codes work."""
    source = source_number(number_type="SHORT_CODE")
    number_id = _import(connect_client, instance, source["PhoneNumberArn"])
    local_service.admin.advance_clock(2.0)
    summary = _summary(connect_client, number_id)
    assert (summary["PhoneNumberStatus"], summary["PhoneNumberType"]) == (
        {"Status": "CLAIMED"},
        "SHORT_CODE",
    )


def test_a_metadata_update_is_in_progress_before_claimed_and_keeps_the_new_description(
    local_service: Any, connect_client: Any, instance: Any, source_number: Any
) -> None:
    """UpdatePhoneNumberMetadata / PhoneNumberStatus reference: IN_PROGRESS while it runs."""
    number_id = _import(connect_client, instance, source_number()["PhoneNumberArn"])
    local_service.admin.advance_clock(2.0)
    connect_client.update_phone_number_metadata(
        PhoneNumberId=number_id, PhoneNumberDescription="front desk"
    )
    during = _summary(connect_client, number_id)
    assert during["PhoneNumberStatus"] == {"Status": "IN_PROGRESS"}
    local_service.admin.advance_clock(0.5)
    after = _summary(connect_client, number_id)
    assert (after["PhoneNumberStatus"], after["PhoneNumberDescription"]) == (
        {"Status": "CLAIMED"},
        "front desk",
    )


def test_a_metadata_update_of_a_failed_number_settles_back_to_failed(
    local_service: Any, connect_client: Any, instance: Any, source_number: Any
) -> None:
    number_id = _import(connect_client, instance, source_number(status="PENDING")["PhoneNumberArn"])
    local_service.admin.advance_clock(2.0)
    connect_client.update_phone_number_metadata(PhoneNumberId=number_id, PhoneNumberDescription="x")
    local_service.admin.advance_clock(0.5)
    status = _summary(connect_client, number_id)["PhoneNumberStatus"]
    assert status["Status"] == "FAILED" and "PENDING" in status["Message"]


def test_list_instances_honours_max_results_and_next_token(
    local_service: Any, connect_client: Any
) -> None:
    """ListInstances reference: MaxResults 1-10, NextToken for the next page."""
    made = [local_service.admin.create_instance(f"i{n:02d}")["InstanceId"] for n in range(12)]
    first = connect_client.list_instances(MaxResults=5)
    second = connect_client.list_instances(MaxResults=5, NextToken=first["NextToken"])
    third = connect_client.list_instances(MaxResults=5, NextToken=second["NextToken"])
    pages = [first, second, third]
    assert [len(p["InstanceSummaryList"]) for p in pages] == [5, 5, 2]
    assert "NextToken" not in third
    listed = [s["Id"] for p in pages for s in p["InstanceSummaryList"]]
    assert sorted(listed) == sorted(made)
    paginated = connect_client.get_paginator("list_instances").paginate()
    assert [len(p["InstanceSummaryList"]) for p in paginated] == [10, 2]


def test_list_instances_refuses_more_than_ten_results_per_page(connect_client: Any) -> None:
    # ListInstances declares InvalidRequestException, not InvalidParameterException.
    with pytest.raises(connect_client.exceptions.InvalidRequestException) as raised:
        connect_client.list_instances(MaxResults=11)
    assert raised.value.response["Error"]["Message"] == "MaxResults: must be at most 10"


@pytest.mark.parametrize(
    ("call", "reason"),
    [
        (
            lambda c: c.request_phone_number(
                IsoCountryCode="ZZ",
                MessageType="TRANSACTIONAL",
                NumberCapabilities=["SMS"],
                NumberType="TOLL_FREE",
            ),
            "INVALID_PARAMETER",
        ),
        (lambda c: c.describe_phone_numbers(MaxResults=1000), "FIELD_VALIDATION_FAILED"),
        (lambda c: c.describe_phone_numbers(NextToken="%%%"), "INVALID_NEXT_TOKEN"),
        (lambda c: c.release_phone_number(PhoneNumberId="arn:aws:s3:::b/k"), "INVALID_ARN"),
        (lambda c: c.describe_pools(), "UNKNOWN_OPERATION"),
    ],
)
def test_validation_exceptions_from_end_user_messaging_carry_a_reason(
    sms_client: Any, call: Any, reason: str
) -> None:
    """End User Messaging SMS/voice v2 reference: ValidationException has a Reason."""
    with pytest.raises(sms_client.exceptions.ValidationException) as raised:
        call(sms_client)
    assert raised.value.response["Reason"] == reason
