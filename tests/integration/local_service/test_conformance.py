"""Real boto3 (standard retries) over HTTP cannot tell the local service from Connect.

The shapes of raw answers are checked in test_wire_conformance.py.
"""

from __future__ import annotations

from typing import Any

import pytest


def _import(connect_client: Any, instance: dict[str, Any], source_arn: str, **kw: Any) -> Any:
    return connect_client.import_phone_number(
        InstanceId=instance["InstanceId"], SourcePhoneNumberArn=source_arn, **kw
    )


def _claim(local_service: Any) -> None:
    local_service.admin.advance_clock(2.0)


def test_create_and_delete_instance_round_trip(connect_client: Any) -> None:
    created = connect_client.create_instance(
        IdentityManagementType="CONNECT_MANAGED",
        InstanceAlias="made-by-api",
        InboundCallsEnabled=True,
        OutboundCallsEnabled=True,
    )
    described = connect_client.describe_instance(InstanceId=created["Arn"])
    assert described["Instance"]["InstanceAlias"] == "made-by-api"
    connect_client.delete_instance(InstanceId=created["Id"])
    with pytest.raises(connect_client.exceptions.ResourceNotFoundException):
        connect_client.describe_instance(InstanceId=created["Id"])


def test_requested_sms_voice_numbers_have_the_documented_arn_and_id_forms(sms_client: Any) -> None:
    requested = sms_client.request_phone_number(
        IsoCountryCode="US",
        MessageType="TRANSACTIONAL",
        NumberCapabilities=["SMS", "VOICE"],
        NumberType="TOLL_FREE",
    )
    assert requested["PhoneNumberArn"].startswith("arn:aws:sms-voice:us-east-1:123456789012:")
    assert requested["PhoneNumberId"].startswith("phone-")
    released = sms_client.release_phone_number(PhoneNumberId=requested["PhoneNumberId"])
    assert released["Status"] == "DELETED"


def test_describe_shows_every_documented_field_of_a_claimed_number(
    local_service: Any, connect_client: Any, instance: dict[str, Any], source_number: Any
) -> None:
    source = source_number()
    imported = _import(
        connect_client,
        instance,
        source["PhoneNumberArn"],
        PhoneNumberDescription="d",
        Tags={"k": "v"},
    )
    _claim(local_service)
    summary = connect_client.describe_phone_number(PhoneNumberId=imported["PhoneNumberId"])[
        "ClaimedPhoneNumberSummary"
    ]
    assert summary == {
        "PhoneNumberId": imported["PhoneNumberId"],
        "PhoneNumberArn": imported["PhoneNumberArn"],
        "PhoneNumber": source["PhoneNumber"],
        "PhoneNumberCountryCode": "US",
        "PhoneNumberType": "TOLL_FREE",
        "PhoneNumberDescription": "d",
        "TargetArn": instance["Arn"],
        "InstanceId": instance["InstanceId"],
        "Tags": {"k": "v"},
        "PhoneNumberStatus": {"Status": "CLAIMED"},
        "SourcePhoneNumberArn": source["PhoneNumberArn"],
    }


@pytest.mark.parametrize(
    ("call", "exception", "status"),
    [
        (lambda c: c.describe_phone_number(PhoneNumberId="nope"), "ResourceNotFoundException", 404),
        (
            lambda c: c.update_phone_number_metadata(
                PhoneNumberId="x", PhoneNumberDescription="d" * 501
            ),
            "InvalidParameterException",
            400,
        ),
        (
            lambda c: c.tag_resource(resourceArn="not-an-arn", tags={"a": "b"}),
            "InvalidParameterException",
            400,
        ),
        (
            lambda c: c.list_phone_numbers_v2(PhoneNumberTypes=["NOT_A_TYPE"]),
            "InvalidParameterException",
            400,
        ),
        (lambda c: c.describe_instance(InstanceId="missing"), "ResourceNotFoundException", 404),
    ],
)
def test_errors_arrive_as_modeled_exceptions_with_their_status(
    connect_client: Any, call: Any, exception: str, status: int
) -> None:
    with pytest.raises(getattr(connect_client.exceptions, exception)) as raised:
        call(connect_client)
    metadata = raised.value.response["ResponseMetadata"]
    assert metadata["HTTPStatusCode"] == status
    assert metadata["HTTPHeaders"]["x-amzn-errortype"] == exception
    assert metadata["RequestId"]


def test_invalid_parameter_message_names_the_field(connect_client: Any, instance: Any) -> None:
    with pytest.raises(connect_client.exceptions.InvalidParameterException) as raised:
        connect_client.import_phone_number(
            InstanceId=instance["InstanceId"],
            SourcePhoneNumberArn="arn:aws:sms-voice:us-east-1:123456789012:phone-number/phone-1",
            Tags={"aws:reserved": "x"},
        )
    assert "Tags key 'aws:reserved'" in raised.value.response["Error"]["Message"]


def test_sms_voice_errors_use_json_1_0_type(sms_client: Any) -> None:
    with pytest.raises(sms_client.exceptions.ResourceNotFoundException):
        sms_client.describe_phone_numbers(PhoneNumberIds=["phone-0123"])
    with pytest.raises(sms_client.exceptions.ValidationException) as raised:
        sms_client.describe_phone_numbers(MaxResults=1000)
    assert raised.value.response["Error"]["Message"].startswith("MaxResults")


def test_paginator_walks_every_page(
    local_service: Any, connect_client: Any, instance: dict[str, Any], source_number: Any
) -> None:
    local_service.admin.set_quota(20)
    imported = {
        _import(connect_client, instance, source_number()["PhoneNumberArn"])["PhoneNumberId"]
        for _ in range(7)
    }
    pages = list(
        connect_client.get_paginator("list_phone_numbers_v2").paginate(
            InstanceId=instance["InstanceId"], PaginationConfig={"PageSize": 3}
        )
    )
    assert [len(p["ListPhoneNumbersSummaryList"]) for p in pages] == [3, 3, 1]
    listed = {s["PhoneNumberId"] for p in pages for s in p["ListPhoneNumbersSummaryList"]}
    assert listed == imported


def test_list_summaries_carry_the_source_arn(
    connect_client: Any, instance: dict[str, Any], source_number: Any
) -> None:
    source = source_number()
    _import(connect_client, instance, source["PhoneNumberArn"])
    summaries = connect_client.list_phone_numbers_v2()["ListPhoneNumbersSummaryList"]
    assert [s["SourcePhoneNumberArn"] for s in summaries] == [source["PhoneNumberArn"]]


def test_list_filters_by_instance_target_country_type_and_prefix(
    local_service: Any, connect_client: Any, instance: dict[str, Any], source_number: Any
) -> None:
    other = local_service.admin.create_instance("other")
    mine = _import(
        connect_client, instance, source_number(phone_number="+18335550001")["PhoneNumberArn"]
    )
    connect_client.import_phone_number(
        InstanceId=other["InstanceId"],
        SourcePhoneNumberArn=source_number(number_type="LONG_CODE", phone_number="+12065550002")[
            "PhoneNumberArn"
        ],
    )

    def ids(**filters: Any) -> list[str]:
        listed = connect_client.list_phone_numbers_v2(**filters)["ListPhoneNumbersSummaryList"]
        return [s["PhoneNumberId"] for s in listed]

    assert ids(InstanceId=instance["Arn"]) == [mine["PhoneNumberId"]]
    assert ids(TargetArn=instance["Arn"]) == [mine["PhoneNumberId"]]
    assert ids(PhoneNumberTypes=["TOLL_FREE"]) == [mine["PhoneNumberId"]]
    assert ids(PhoneNumberPrefix="+1833") == [mine["PhoneNumberId"]]
    assert len(ids(PhoneNumberCountryCodes=["US"])) == 2
    assert ids(PhoneNumberCountryCodes=["GB"]) == []


def test_an_arn_works_wherever_an_id_does(
    local_service: Any, connect_client: Any, instance: dict[str, Any], source_number: Any
) -> None:
    other = local_service.admin.create_instance("other")
    arn = _import(connect_client, instance, source_number()["PhoneNumberArn"])["PhoneNumberArn"]
    _claim(local_service)
    described = connect_client.describe_phone_number(PhoneNumberId=arn)
    assert described["ClaimedPhoneNumberSummary"]["PhoneNumberArn"] == arn
    connect_client.update_phone_number_metadata(PhoneNumberId=arn, PhoneNumberDescription="x")
    _claim(local_service)
    connect_client.update_phone_number(PhoneNumberId=arn, InstanceId=other["Arn"])
    _claim(local_service)
    connect_client.update_phone_number(PhoneNumberId=arn, TargetArn=instance["Arn"])
    _claim(local_service)
    assert connect_client.describe_instance(InstanceId=instance["Arn"])["Instance"]["Id"]
    assert connect_client.list_phone_numbers_v2(InstanceId=instance["Arn"])[
        "ListPhoneNumbersSummaryList"
    ]
    connect_client.release_phone_number(PhoneNumberId=arn)


def test_an_arn_of_another_region_names_nothing(
    local_service: Any, connect_client: Any, instance: dict[str, Any], source_number: Any
) -> None:
    arn = _import(connect_client, instance, source_number()["PhoneNumberArn"])["PhoneNumberArn"]
    with pytest.raises(connect_client.exceptions.ResourceNotFoundException):
        connect_client.describe_phone_number(PhoneNumberId=arn.replace("us-east-1", "us-west-2"))


def test_clients_of_another_region_see_only_that_region(
    make_client: Any, connect_client: Any, instance: dict[str, Any], source_number: Any
) -> None:
    imported = _import(connect_client, instance, source_number()["PhoneNumberArn"])
    west = make_client("connect", region_name="us-west-2")
    assert west.list_phone_numbers_v2()["ListPhoneNumbersSummaryList"] == []
    with pytest.raises(west.exceptions.ResourceNotFoundException):
        west.describe_phone_number(PhoneNumberId=imported["PhoneNumberId"])


def test_arns_follow_the_partition_of_the_region(local_service: Any, make_client: Any) -> None:
    gov = local_service.admin.create_instance("gov", region="us-gov-west-1")
    china = local_service.admin.create_instance("china", region="cn-north-1")
    assert gov["Arn"].startswith("arn:aws-us-gov:connect:us-gov-west-1:")
    assert china["Arn"].startswith("arn:aws-cn:connect:cn-north-1:")
    sms = make_client("pinpoint-sms-voice-v2", region_name="us-gov-west-1")
    requested = sms.request_phone_number(
        IsoCountryCode="US",
        MessageType="TRANSACTIONAL",
        NumberCapabilities=["VOICE"],
        NumberType="TOLL_FREE",
    )
    assert requested["PhoneNumberArn"].startswith("arn:aws-us-gov:sms-voice:us-gov-west-1:")


def test_endpoint_can_come_from_the_environment(
    local_service: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import boto3

    monkeypatch.setenv("AWS_ENDPOINT_URL_CONNECT", local_service.endpoint_url)
    monkeypatch.setenv("AWS_ENDPOINT_URL_PINPOINT_SMS_VOICE_V2", local_service.endpoint_url)
    session = boto3.session.Session(
        aws_access_key_id="any", aws_secret_access_key="any", region_name="us-east-1"
    )
    assert session.client("connect").list_instances()["InstanceSummaryList"] == []
    assert session.client("pinpoint-sms-voice-v2").describe_phone_numbers()["PhoneNumbers"] == []
