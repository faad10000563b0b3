"""Import, update and release move through IN_PROGRESS as Connect's asynchronous calls do."""

from __future__ import annotations

from typing import Any

import pytest


def _import(client: Any, instance: dict[str, Any], source_arn: str, **kw: Any) -> dict[str, Any]:
    result: dict[str, Any] = client.import_phone_number(
        InstanceId=instance["InstanceId"], SourcePhoneNumberArn=source_arn, **kw
    )
    return result


def _status(client: Any, number_id: str) -> dict[str, Any]:
    summary = client.describe_phone_number(PhoneNumberId=number_id)["ClaimedPhoneNumberSummary"]
    status: dict[str, Any] = summary["PhoneNumberStatus"]
    return status


def test_import_is_in_progress_until_the_claim_delay_has_passed(
    local_service: Any, connect_client: Any, instance: Any, source_number: Any
) -> None:
    number = _import(connect_client, instance, source_number()["PhoneNumberArn"])
    local_service.admin.advance_clock(1.9)
    assert _status(connect_client, number["PhoneNumberId"]) == {"Status": "IN_PROGRESS"}
    local_service.admin.advance_clock(0.1)
    assert _status(connect_client, number["PhoneNumberId"]) == {"Status": "CLAIMED"}


def test_import_is_claimed_on_the_nth_describe_in_describe_count_mode(
    local_service: Any, connect_client: Any, instance: Any, source_number: Any
) -> None:
    local_service.admin.set_timing(claim_after_describes=3)
    number = _import(connect_client, instance, source_number()["PhoneNumberArn"])
    seen = [_status(connect_client, number["PhoneNumberId"])["Status"] for _ in range(4)]
    assert seen == ["IN_PROGRESS", "IN_PROGRESS", "CLAIMED", "CLAIMED"]


@pytest.mark.parametrize(
    ("source", "message_part"),
    [
        ({"region": "us-west-2"}, "Region us-west-2"),
        ({"account_id": "210987654321"}, "another account"),
        ({"status": "PENDING"}, "PENDING, not ACTIVE"),
        ({"number_type": "SIMULATOR"}, "SIMULATOR numbers cannot be imported"),
    ],
)
def test_import_of_a_source_that_cannot_be_imported_fails_with_a_message(
    local_service: Any,
    connect_client: Any,
    instance: Any,
    source_number: Any,
    source: dict[str, Any],
    message_part: str,
) -> None:
    number = _import(connect_client, instance, source_number(**source)["PhoneNumberArn"])
    assert _status(connect_client, number["PhoneNumberId"])["Status"] == "IN_PROGRESS"
    local_service.admin.advance_clock(2.0)
    status = _status(connect_client, number["PhoneNumberId"])
    assert status["Status"] == "FAILED"
    assert message_part in status["Message"]


def test_import_of_a_missing_source_fails(
    local_service: Any, connect_client: Any, instance: Any
) -> None:
    missing = "arn:aws:sms-voice:us-east-1:123456789012:phone-number/phone-" + "0" * 32
    number = _import(connect_client, instance, missing)
    local_service.admin.advance_clock(2.0)
    status = _status(connect_client, number["PhoneNumberId"])
    assert status == {
        "Status": "FAILED",
        "Message": f"Source phone number {missing} does not exist",
    }


def test_a_source_that_is_not_an_sms_voice_arn_is_an_invalid_parameter(
    connect_client: Any, instance: Any
) -> None:
    with pytest.raises(connect_client.exceptions.InvalidParameterException) as raised:
        _import(connect_client, instance, "arn:aws:s3:::bucket/key")
    assert "SourcePhoneNumberArn" in raised.value.response["Error"]["Message"]


def test_import_into_a_missing_instance_is_not_found(
    connect_client: Any, source_number: Any
) -> None:
    with pytest.raises(connect_client.exceptions.ResourceNotFoundException):
        connect_client.import_phone_number(
            InstanceId="missing", SourcePhoneNumberArn=source_number()["PhoneNumberArn"]
        )


def test_an_imported_source_cannot_be_imported_again_in_any_instance(
    local_service: Any, connect_client: Any, instance: Any, source_number: Any
) -> None:
    other = local_service.admin.create_instance("other")
    source_arn = source_number()["PhoneNumberArn"]
    first = _import(connect_client, instance, source_arn)
    with pytest.raises(connect_client.exceptions.IdempotencyException) as raised:
        _import(connect_client, other, source_arn)
    message = raised.value.response["Error"]["Message"]
    assert f"{source_arn} is already imported" in message
    assert first["PhoneNumberId"] in message
    assert raised.value.response["ResponseMetadata"]["HTTPStatusCode"] == 409


def test_same_client_token_and_parameters_replays_the_first_result(
    connect_client: Any, instance: Any, source_number: Any
) -> None:
    source_arn = source_number()["PhoneNumberArn"]
    first = _import(connect_client, instance, source_arn, ClientToken="token-1")
    again = _import(connect_client, instance, source_arn, ClientToken="token-1")
    assert (again["PhoneNumberId"], again["PhoneNumberArn"]) == (
        first["PhoneNumberId"],
        first["PhoneNumberArn"],
    )
    assert len(connect_client.list_phone_numbers_v2()["ListPhoneNumbersSummaryList"]) == 1


def test_same_client_token_with_other_parameters_is_an_idempotency_error(
    connect_client: Any, instance: Any, source_number: Any
) -> None:
    _import(connect_client, instance, source_number()["PhoneNumberArn"], ClientToken="t")
    with pytest.raises(connect_client.exceptions.IdempotencyException) as raised:
        _import(connect_client, instance, source_number()["PhoneNumberArn"], ClientToken="t")
    message = raised.value.response["Error"]["Message"]
    assert "ClientToken 't' was already used" in message
    assert "already imported" not in message


def test_client_tokens_are_forgotten_after_their_window(
    local_service: Any, connect_client: Any, instance: Any, source_number: Any
) -> None:
    local_service.admin.set_timing(client_token_ttl=60)
    _import(connect_client, instance, source_number()["PhoneNumberArn"], ClientToken="t")
    local_service.admin.advance_clock(61)
    reused = _import(connect_client, instance, source_number()["PhoneNumberArn"], ClientToken="t")
    assert reused["PhoneNumberId"]


def test_release_is_in_progress_then_not_found(
    local_service: Any, connect_client: Any, instance: Any, source_number: Any
) -> None:
    number = _import(connect_client, instance, source_number()["PhoneNumberArn"])
    local_service.admin.advance_clock(2.0)
    connect_client.release_phone_number(PhoneNumberId=number["PhoneNumberId"])
    assert _status(connect_client, number["PhoneNumberId"]) == {"Status": "IN_PROGRESS"}
    local_service.admin.advance_clock(0.5)
    with pytest.raises(connect_client.exceptions.ResourceNotFoundException):
        _status(connect_client, number["PhoneNumberId"])


def test_release_completes_on_the_nth_describe_in_describe_count_mode(
    local_service: Any, connect_client: Any, instance: Any, source_number: Any
) -> None:
    local_service.admin.set_timing(claim_after_describes=2)
    number = _import(connect_client, instance, source_number()["PhoneNumberArn"])
    _status(connect_client, number["PhoneNumberId"])
    _status(connect_client, number["PhoneNumberId"])
    connect_client.release_phone_number(PhoneNumberId=number["PhoneNumberId"])
    assert _status(connect_client, number["PhoneNumberId"]) == {"Status": "IN_PROGRESS"}
    with pytest.raises(connect_client.exceptions.ResourceNotFoundException):
        _status(connect_client, number["PhoneNumberId"])


@pytest.mark.parametrize("operation", ["release", "update", "metadata"])
def test_changing_an_in_progress_number_is_resource_in_use(
    local_service: Any, connect_client: Any, instance: Any, source_number: Any, operation: str
) -> None:
    number_id = _import(connect_client, instance, source_number()["PhoneNumberArn"])[
        "PhoneNumberId"
    ]
    calls = {
        "release": lambda: connect_client.release_phone_number(PhoneNumberId=number_id),
        "update": lambda: connect_client.update_phone_number(
            PhoneNumberId=number_id, InstanceId=instance["InstanceId"]
        ),
        "metadata": lambda: connect_client.update_phone_number_metadata(
            PhoneNumberId=number_id, PhoneNumberDescription="x"
        ),
    }
    with pytest.raises(connect_client.exceptions.ResourceInUseException) as raised:
        calls[operation]()
    assert raised.value.response["ResponseMetadata"]["HTTPStatusCode"] == 409


def test_update_moves_the_number_and_waits_again(
    local_service: Any, connect_client: Any, instance: Any, source_number: Any
) -> None:
    other = local_service.admin.create_instance("other")
    number_id = _import(connect_client, instance, source_number()["PhoneNumberArn"])[
        "PhoneNumberId"
    ]
    local_service.admin.advance_clock(2.0)
    connect_client.update_phone_number(PhoneNumberId=number_id, TargetArn=other["Arn"])
    summary = connect_client.describe_phone_number(PhoneNumberId=number_id)[
        "ClaimedPhoneNumberSummary"
    ]
    assert (summary["InstanceId"], summary["PhoneNumberStatus"]["Status"]) == (
        other["InstanceId"],
        "IN_PROGRESS",
    )
    local_service.admin.advance_clock(2.0)
    assert _status(connect_client, number_id) == {"Status": "CLAIMED"}


def test_update_needs_exactly_one_of_target_and_instance(
    local_service: Any, connect_client: Any, instance: Any, source_number: Any
) -> None:
    number_id = _import(connect_client, instance, source_number()["PhoneNumberArn"])[
        "PhoneNumberId"
    ]
    with pytest.raises(connect_client.exceptions.InvalidParameterException):
        connect_client.update_phone_number(
            PhoneNumberId=number_id, InstanceId=instance["InstanceId"], TargetArn=instance["Arn"]
        )


def test_a_released_source_can_be_imported_again_at_once(
    local_service: Any, connect_client: Any, sms_client: Any, instance: Any, source_number: Any
) -> None:
    source_arn = source_number()["PhoneNumberArn"]
    number_id = _import(connect_client, instance, source_arn)["PhoneNumberId"]
    local_service.admin.advance_clock(2.0)
    connect_client.release_phone_number(PhoneNumberId=number_id)
    described = sms_client.describe_phone_numbers(PhoneNumberIds=[source_arn])["PhoneNumbers"]
    assert described[0]["Status"] == "ACTIVE"
    assert _import(connect_client, instance, source_arn)["PhoneNumberId"] != number_id


def test_an_imported_source_cannot_be_released_in_sms_voice(
    connect_client: Any, sms_client: Any, instance: Any, source_number: Any
) -> None:
    source = source_number()
    _import(connect_client, instance, source["PhoneNumberArn"])
    with pytest.raises(sms_client.exceptions.ConflictException):
        sms_client.release_phone_number(PhoneNumberId=source["PhoneNumberId"])


def test_tags_can_be_added_replaced_and_removed(
    connect_client: Any, instance: Any, source_number: Any
) -> None:
    arn = _import(connect_client, instance, source_number()["PhoneNumberArn"], Tags={"a": "1"})[
        "PhoneNumberArn"
    ]
    connect_client.tag_resource(resourceArn=arn, tags={"a": "2", "b": "3"})
    connect_client.untag_resource(resourceArn=arn, tagKeys=["b", "never-there"])
    assert connect_client.list_tags_for_resource(resourceArn=arn)["tags"] == {"a": "2"}


def test_a_resource_holds_at_most_fifty_tags(
    connect_client: Any, instance: Any, source_number: Any
) -> None:
    arn = _import(connect_client, instance, source_number()["PhoneNumberArn"])["PhoneNumberArn"]
    connect_client.tag_resource(resourceArn=arn, tags={f"k{i}": "v" for i in range(50)})
    with pytest.raises(connect_client.exceptions.InvalidParameterException):
        connect_client.tag_resource(resourceArn=arn, tags={"one-more": "v"})


def test_request_log_records_operation_params_and_status(
    local_service: Any, connect_client: Any
) -> None:
    with pytest.raises(connect_client.exceptions.ResourceNotFoundException):
        connect_client.describe_phone_number(PhoneNumberId="abc")
    [entry] = local_service.admin.request_log()
    assert (entry["operation"], entry["params"], entry["status"], entry["error_code"]) == (
        "DescribePhoneNumber",
        {"PhoneNumberId": "abc"},
        404,
        "ResourceNotFoundException",
    )
    local_service.admin.clear_request_log()
    assert local_service.admin.request_log() == []


def test_admin_numbers_lists_every_number_with_its_state(
    local_service: Any, connect_client: Any, instance: Any, source_number: Any
) -> None:
    source_arn = source_number()["PhoneNumberArn"]
    number = _import(connect_client, instance, source_arn, Tags={"t": "1"})
    [listed] = local_service.admin.numbers()
    assert listed["PhoneNumberId"] == number["PhoneNumberId"]
    assert (listed["Status"], listed["SourcePhoneNumberArn"], listed["Tags"]) == (
        "IN_PROGRESS",
        source_arn,
        {"t": "1"},
    )
