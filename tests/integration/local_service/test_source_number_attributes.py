"""End User Messaging source numbers' attributes, DescribePhoneNumbers' Filters and Owner, and
their tags, over boto3 and HTTP."""

from __future__ import annotations

from typing import Any

import pytest
from botocore.exceptions import ClientError

from connect_local_service import AdminError

CHANNEL = "arn:aws:sns:us-east-1:123456789012:inbound-sms"


def _described(sms: Any, **kw: Any) -> list[dict[str, Any]]:
    numbers: list[dict[str, Any]] = sms.describe_phone_numbers(**kw)["PhoneNumbers"]
    return numbers


def _ids(sms: Any, *filters: tuple[str, list[str]]) -> list[str]:
    wanted = [{"Name": name, "Values": values} for name, values in filters]
    return [n["PhoneNumberId"] for n in _described(sms, Filters=wanted)]


def test_a_default_source_is_an_active_voice_and_sms_toll_free_number(
    sms_client: Any, source_number: Any
) -> None:
    made = source_number()
    [found] = _described(sms_client, PhoneNumberIds=[made["PhoneNumberId"]])
    assert {
        key: found[key]
        for key in (
            "Status",
            "NumberCapabilities",
            "NumberType",
            "IsoCountryCode",
            "MessageType",
            "TwoWayEnabled",
            "DeletionProtectionEnabled",
        )
    } == {
        "Status": "ACTIVE",
        "NumberCapabilities": ["SMS", "VOICE"],
        "NumberType": "TOLL_FREE",
        "IsoCountryCode": "US",
        "MessageType": "TRANSACTIONAL",
        "TwoWayEnabled": False,
        "DeletionProtectionEnabled": False,
    }
    assert "TwoWayChannelArn" not in found and "PoolId" not in found


def test_describe_phone_numbers_returns_the_attributes_the_admin_helper_was_given(
    sms_client: Any, source_number: Any
) -> None:
    made = source_number(
        iso_country="GB",
        number_type="LONG_CODE",
        status="PENDING",
        capabilities=["SMS", "MMS"],
        message_type="PROMOTIONAL",
        deletion_protection=True,
        two_way_channel_arn=CHANNEL,
        pool_id="pool-0123456789abcdef0123456789abcdef",
    )
    [found] = _described(sms_client, PhoneNumberIds=[made["PhoneNumberArn"]])
    assert found["PhoneNumber"] == made["PhoneNumber"]
    assert {
        key: found[key]
        for key in (
            "Status",
            "NumberCapabilities",
            "NumberType",
            "IsoCountryCode",
            "MessageType",
            "TwoWayEnabled",
            "TwoWayChannelArn",
            "DeletionProtectionEnabled",
            "PoolId",
        )
    } == {
        "Status": "PENDING",
        "NumberCapabilities": ["SMS", "MMS"],
        "NumberType": "LONG_CODE",
        "IsoCountryCode": "GB",
        "MessageType": "PROMOTIONAL",
        "TwoWayEnabled": True,
        "TwoWayChannelArn": CHANNEL,
        "DeletionProtectionEnabled": True,
        "PoolId": "pool-0123456789abcdef0123456789abcdef",
    }


def test_a_two_way_channel_can_be_set_with_two_way_messaging_off(
    sms_client: Any, source_number: Any
) -> None:
    made = source_number(two_way_channel_arn=CHANNEL, two_way_enabled=False)
    [found] = _described(sms_client, PhoneNumberIds=[made["PhoneNumberId"]])
    assert (found["TwoWayEnabled"], found["TwoWayChannelArn"]) == (False, CHANNEL)


def test_the_status_filter_selects_by_status(sms_client: Any, source_number: Any) -> None:
    active = source_number()["PhoneNumberId"]
    pending = source_number(status="PENDING")["PhoneNumberId"]
    assert _ids(sms_client, ("status", ["PENDING"])) == [pending]
    assert _ids(sms_client, ("status", ["ACTIVE", "PENDING"])) == [active, pending]


def test_the_iso_country_code_filter_selects_by_country(
    sms_client: Any, source_number: Any
) -> None:
    source_number()
    british = source_number(iso_country="GB", number_type="LONG_CODE")["PhoneNumberId"]
    assert _ids(sms_client, ("iso-country-code", ["GB"])) == [british]


def test_the_number_type_filter_selects_by_type(sms_client: Any, source_number: Any) -> None:
    source_number()
    ten_dlc = source_number(number_type="TEN_DLC")["PhoneNumberId"]
    assert _ids(sms_client, ("number-type", ["TEN_DLC"])) == [ten_dlc]


def test_the_message_type_filter_selects_by_message_type(
    sms_client: Any, source_number: Any
) -> None:
    source_number()
    promotional = source_number(message_type="PROMOTIONAL")["PhoneNumberId"]
    assert _ids(sms_client, ("message-type", ["PROMOTIONAL"])) == [promotional]


def test_the_number_capability_filter_selects_numbers_with_any_of_the_capabilities(
    sms_client: Any, source_number: Any
) -> None:
    both = source_number()["PhoneNumberId"]
    sms_only = source_number(capabilities=["SMS"])["PhoneNumberId"]
    mms = source_number(capabilities=["MMS"])["PhoneNumberId"]
    assert _ids(sms_client, ("number-capability", ["VOICE"])) == [both]
    assert _ids(sms_client, ("number-capability", ["SMS"])) == [both, sms_only]
    assert _ids(sms_client, ("number-capability", ["VOICE", "MMS"])) == [both, mms]


def test_the_deletion_protection_filter_selects_protected_numbers(
    sms_client: Any, source_number: Any
) -> None:
    unprotected = source_number()["PhoneNumberId"]
    protected = source_number(deletion_protection=True)["PhoneNumberId"]
    assert _ids(sms_client, ("deletion-protection-enabled", ["true"])) == [protected]
    assert _ids(sms_client, ("deletion-protection-enabled", ["FALSE"])) == [unprotected]


def test_the_two_way_filters_select_by_flag_and_by_channel(
    sms_client: Any, source_number: Any
) -> None:
    source_number()
    two_way = source_number(two_way_channel_arn=CHANNEL)["PhoneNumberId"]
    assert _ids(sms_client, ("two-way-enabled", ["true"])) == [two_way]
    assert _ids(sms_client, ("two-way-channel-arn", [CHANNEL])) == [two_way]


def test_the_opt_out_filters_match_the_default_opt_out_list(
    sms_client: Any, source_number: Any
) -> None:
    made = source_number()["PhoneNumberId"]
    assert _ids(sms_client, ("opt-out-list-name", ["Default"])) == [made]
    assert _ids(sms_client, ("self-managed-opt-outs-enabled", ["true"])) == []


def test_every_filter_must_match(sms_client: Any, source_number: Any) -> None:
    source_number(iso_country="GB", number_type="LONG_CODE")
    source_number(status="PENDING")
    wanted = source_number(iso_country="GB", number_type="LONG_CODE", status="PENDING")
    assert _ids(sms_client, ("status", ["PENDING"]), ("iso-country-code", ["GB"])) == [
        wanted["PhoneNumberId"]
    ]


def test_an_unknown_filter_name_is_a_validation_exception(sms_client: Any) -> None:
    with pytest.raises(ClientError) as raised:
        sms_client.describe_phone_numbers(Filters=[{"Name": "pool-id", "Values": ["p"]}])
    assert raised.value.response["Error"]["Code"] == "ValidationException"
    assert raised.value.response["Reason"] == "FIELD_VALIDATION_FAILED"


def test_filters_apply_to_named_numbers_too(sms_client: Any, source_number: Any) -> None:
    active = source_number()["PhoneNumberId"]
    pending = source_number(status="PENDING")["PhoneNumberId"]
    found = _described(
        sms_client,
        PhoneNumberIds=[active, pending],
        Filters=[{"Name": "status", "Values": ["ACTIVE"]}],
    )
    assert [n["PhoneNumberId"] for n in found] == [active]


def test_owner_self_lists_the_accounts_numbers_and_shared_lists_none(
    sms_client: Any, source_number: Any
) -> None:
    made = source_number()["PhoneNumberId"]
    assert [n["PhoneNumberId"] for n in _described(sms_client, Owner="SELF")] == [made]
    assert _described(sms_client, Owner="SHARED") == []


def test_owner_and_phone_number_ids_together_are_a_validation_exception(
    sms_client: Any, source_number: Any
) -> None:
    made = source_number()["PhoneNumberId"]
    with pytest.raises(ClientError) as raised:
        sms_client.describe_phone_numbers(PhoneNumberIds=[made], Owner="SELF")
    assert raised.value.response["Error"]["Code"] == "ValidationException"
    assert raised.value.response["Reason"] == "PARAMETERS_CANNOT_BE_USED_TOGETHER"


def test_filtered_results_page_with_max_results_and_next_token(
    sms_client: Any, source_number: Any
) -> None:
    made = [source_number(status="PENDING")["PhoneNumberId"] for _ in range(3)]
    source_number()
    wanted = [{"Name": "status", "Values": ["PENDING"]}]
    first = sms_client.describe_phone_numbers(Filters=wanted, MaxResults=2)
    second = sms_client.describe_phone_numbers(
        Filters=wanted, MaxResults=2, NextToken=first["NextToken"]
    )
    pages = first["PhoneNumbers"] + second["PhoneNumbers"]
    assert [n["PhoneNumberId"] for n in pages] == made
    assert "NextToken" not in second


def test_a_requested_numbers_tags_are_listed_by_list_tags_for_resource(sms_client: Any) -> None:
    requested = sms_client.request_phone_number(
        IsoCountryCode="US",
        MessageType="TRANSACTIONAL",
        NumberCapabilities=["VOICE"],
        NumberType="TOLL_FREE",
        DeletionProtectionEnabled=True,
        Tags=[{"Key": "team", "Value": "support"}, {"Key": "env", "Value": "dev"}],
    )
    listed = sms_client.list_tags_for_resource(ResourceArn=requested["PhoneNumberArn"])
    assert listed["ResourceArn"] == requested["PhoneNumberArn"]
    assert listed["Tags"] == [
        {"Key": "env", "Value": "dev"},
        {"Key": "team", "Value": "support"},
    ]
    [found] = _described(sms_client, PhoneNumberIds=[requested["PhoneNumberId"]])
    assert (found["NumberCapabilities"], found["DeletionProtectionEnabled"]) == (["VOICE"], True)


def test_list_tags_for_resource_of_an_untagged_number_is_empty(
    sms_client: Any, source_number: Any
) -> None:
    made = source_number()
    assert sms_client.list_tags_for_resource(ResourceArn=made["PhoneNumberArn"])["Tags"] == []


def test_list_tags_for_resource_of_an_unknown_number_is_not_found(sms_client: Any) -> None:
    arn = "arn:aws:sms-voice:us-east-1:123456789012:phone-number/phone-00000000000000000000"
    with pytest.raises(ClientError) as raised:
        sms_client.list_tags_for_resource(ResourceArn=arn)
    assert raised.value.response["Error"]["Code"] == "ResourceNotFoundException"


def test_a_pending_source_still_imports_as_a_failed_number(
    local_service: Any, connect_client: Any, instance: Any, source_number: Any
) -> None:
    # source_eligibility.py: a source that is not ACTIVE ends FAILED (kept as before).
    pending = source_number(status="PENDING")
    number_id = connect_client.import_phone_number(
        InstanceId=instance["InstanceId"], SourcePhoneNumberArn=pending["PhoneNumberArn"]
    )["PhoneNumberId"]
    local_service.admin.advance_clock(2.0)
    summary = connect_client.describe_phone_number(PhoneNumberId=number_id)
    status = summary["ClaimedPhoneNumberSummary"]["PhoneNumberStatus"]
    assert status["Status"] == "FAILED" and "is PENDING, not ACTIVE" in status["Message"]


def test_an_sms_only_source_imports_as_before(
    local_service: Any, connect_client: Any, instance: Any, source_number: Any
) -> None:
    # No voice-capability check on import: AWS documents none (docs/local-service.md).
    sms_only = source_number(capabilities=["SMS"])
    number_id = connect_client.import_phone_number(
        InstanceId=instance["InstanceId"], SourcePhoneNumberArn=sms_only["PhoneNumberArn"]
    )["PhoneNumberId"]
    local_service.admin.advance_clock(2.0)
    summary = connect_client.describe_phone_number(PhoneNumberId=number_id)
    assert summary["ClaimedPhoneNumberSummary"]["PhoneNumberStatus"]["Status"] == "CLAIMED"


def test_the_admin_helper_refuses_attributes_the_model_does_not_allow(local_service: Any) -> None:
    for bad in ({"status": "CLAIMED"}, {"capabilities": ["FAX"]}, {"number_type": "MOBILE"}):
        with pytest.raises(AdminError, match="not among"):
            local_service.admin.create_source_number(**bad)
