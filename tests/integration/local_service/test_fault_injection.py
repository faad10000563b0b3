"""Throttling, injected errors, dropped connections and the IAM allow-list."""

from __future__ import annotations

from typing import Any

import pytest


def test_an_operation_beyond_its_token_bucket_is_throttled(
    local_service: Any, make_client: Any
) -> None:
    client = make_client("connect", retries={"mode": "standard", "total_max_attempts": 1})
    local_service.admin.set_throttle("ListInstances", rate=0.0, burst=2)
    client.list_instances()
    client.list_instances()
    with pytest.raises(client.exceptions.ThrottlingException) as raised:
        client.list_instances()
    assert raised.value.response["ResponseMetadata"]["HTTPStatusCode"] == 429
    # Other operations keep their own budget.
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.describe_instance(InstanceId="x")


def test_standard_retries_ride_over_injected_server_errors(
    local_service: Any, connect_client: Any
) -> None:
    local_service.admin.set_faults(operation="ListInstances", status=503, count=2)
    response = connect_client.list_instances()
    assert response["ResponseMetadata"]["RetryAttempts"] == 2
    assert [e["status"] for e in local_service.admin.request_log()] == [503, 503, 200]


def test_injected_500_is_an_internal_service_exception(
    local_service: Any, make_client: Any
) -> None:
    client = make_client("connect", retries={"mode": "standard", "total_max_attempts": 1})
    local_service.admin.set_faults(status=500, count=1)
    with pytest.raises(client.exceptions.InternalServiceException):
        client.list_instances()
    assert client.list_instances()["InstanceSummaryList"] == []


def test_a_lost_response_is_retried_and_the_client_token_replays_the_result(
    local_service: Any, connect_client: Any, instance: Any, source_number: Any
) -> None:
    local_service.admin.set_faults(operation="ImportPhoneNumber", reset="after", count=1)
    imported = connect_client.import_phone_number(
        InstanceId=instance["InstanceId"], SourcePhoneNumberArn=source_number()["PhoneNumberArn"]
    )
    assert imported["ResponseMetadata"]["RetryAttempts"] == 1
    assert [n["PhoneNumberId"] for n in local_service.admin.numbers()] == [
        imported["PhoneNumberId"]
    ]


def test_a_connection_reset_before_the_call_changes_nothing(
    local_service: Any, make_client: Any, instance: Any, source_number: Any
) -> None:
    client = make_client("connect", retries={"mode": "standard", "total_max_attempts": 1})
    local_service.admin.set_faults(operation="ImportPhoneNumber", reset="before", count=1)
    with pytest.raises(Exception, match="onnection"):
        client.import_phone_number(
            InstanceId=instance["InstanceId"],
            SourcePhoneNumberArn=source_number()["PhoneNumberArn"],
        )
    assert local_service.admin.numbers() == []


def test_latency_faults_delay_but_do_not_fail(local_service: Any, connect_client: Any) -> None:
    local_service.admin.set_faults(latency=0.01, count=1)
    assert connect_client.list_instances()["InstanceSummaryList"] == []
    assert local_service.admin.request_log()[0]["status"] == 200


def test_cleared_faults_no_longer_apply(local_service: Any, make_client: Any) -> None:
    client = make_client("connect", retries={"mode": "standard", "total_max_attempts": 1})
    local_service.admin.set_faults(status=500)
    local_service.admin.clear_faults()
    assert client.list_instances()["InstanceSummaryList"] == []


def test_actions_outside_the_allow_list_are_access_denied_like_iam(
    local_service: Any, connect_client: Any, instance: Any, source_number: Any
) -> None:
    local_service.admin.set_allowed_actions(["connect:DescribePhoneNumber"])
    with pytest.raises(connect_client.exceptions.AccessDeniedException) as raised:
        connect_client.import_phone_number(
            InstanceId=instance["InstanceId"],
            SourcePhoneNumberArn=source_number()["PhoneNumberArn"],
        )
    message = raised.value.response["Error"]["Message"]
    assert message.startswith(
        "User: arn:aws:iam::123456789012:user/local-service is not authorized to perform: "
        f"connect:ImportPhoneNumber on resource: {instance['Arn']}"
    )
    assert raised.value.response["ResponseMetadata"]["HTTPStatusCode"] == 403
    assert raised.value.response["ResponseMetadata"]["RetryAttempts"] == 0
    local_service.admin.set_allowed_actions(None)
    assert connect_client.list_instances()


def test_reset_restores_a_fresh_service(local_service: Any, connect_client: Any) -> None:
    local_service.admin.create_instance("x")
    local_service.admin.set_faults(status=500)
    local_service.admin.advance_clock(100)
    local_service.admin.reset()
    assert connect_client.list_instances()["InstanceSummaryList"] == []
    assert local_service.admin.now() == pytest.approx(1_704_067_200.0)
