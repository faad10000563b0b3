"""Raw response bodies of every implemented operation match botocore's shapes (wire_check.py)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import botocore.session
import pytest
from botocore.exceptions import ClientError
from wire_check import RawAnswers, answer_problems

from connect_local_service.wire.connect_handlers import HANDLERS as CONNECT_HANDLERS
from connect_local_service.wire.sms_voice_handlers import HANDLERS as SMS_HANDLERS

_SESSION = botocore.session.get_session()
MODELS = {name: _SESSION.get_service_model(name) for name in ("connect", "pinpoint-sms-voice-v2")}


@pytest.fixture
def raw() -> RawAnswers:
    return RawAnswers()


@pytest.fixture
def connect(raw: RawAnswers, make_client: Callable[..., Any]) -> Any:
    return raw.attach(make_client("connect"), "connect")


@pytest.fixture
def sms(raw: RawAnswers, make_client: Callable[..., Any]) -> Any:
    return raw.attach(make_client("pinpoint-sms-voice-v2"), "pinpoint-sms-voice-v2")


def _problems(raw: RawAnswers) -> list[str]:
    return [p for answer in raw.answers for p in answer_problems(MODELS[answer.service], answer)]


def _connect_numbers(local_service: Any, connect: Any, instance: Any) -> None:
    """Every phone-number operation, with every optional answer field filled somewhere."""
    admin = local_service.admin
    sources = [admin.create_source_number()["PhoneNumberArn"] for _ in range(2)]
    failing = admin.create_source_number(status="PENDING")["PhoneNumberArn"]
    ids = [
        connect.import_phone_number(
            InstanceId=instance["InstanceId"],
            SourcePhoneNumberArn=arn,
            PhoneNumberDescription="desk",
            Tags={"team": "a"},
        )["PhoneNumberId"]
        for arn in [*sources, failing]
    ]
    connect.describe_phone_number(PhoneNumberId=ids[0])  # IN_PROGRESS
    admin.advance_clock(2.0)
    for number_id in ids:  # CLAIMED, CLAIMED, FAILED with its message
        connect.describe_phone_number(PhoneNumberId=number_id)
    connect.update_phone_number_metadata(PhoneNumberId=ids[0], PhoneNumberDescription="front")
    page = connect.list_phone_numbers_v2(MaxResults=1)
    connect.list_phone_numbers_v2(MaxResults=1, NextToken=page["NextToken"])
    arn = connect.describe_phone_number(PhoneNumberId=ids[1])["ClaimedPhoneNumberSummary"][
        "PhoneNumberArn"
    ]
    connect.tag_resource(resourceArn=arn, tags={"env": "dev"})
    connect.list_tags_for_resource(resourceArn=arn)
    connect.untag_resource(resourceArn=arn, tagKeys=["env"])
    group = admin.create_traffic_distribution_group("ready", instance["InstanceId"])
    connect.update_phone_number(PhoneNumberId=ids[1], TargetArn=group["Arn"])
    admin.advance_clock(2.0)
    connect.describe_phone_number(PhoneNumberId=ids[1])
    connect.release_phone_number(PhoneNumberId=ids[1])


def _connect_resources(local_service: Any, connect: Any, instance: Any) -> None:
    """Every instance and traffic distribution group operation."""
    made = connect.create_instance(
        IdentityManagementType="CONNECT_MANAGED",
        InstanceAlias="wire",
        InboundCallsEnabled=True,
        OutboundCallsEnabled=True,
        Tags={"k": "v"},
    )
    connect.describe_instance(InstanceId=made["Id"])
    first = connect.list_instances(MaxResults=1)
    connect.list_instances(MaxResults=1, NextToken=first["NextToken"])
    group = connect.create_traffic_distribution_group(
        Name="wire", InstanceId=instance["InstanceId"], Description="d", Tags={"k": "v"}
    )
    connect.create_traffic_distribution_group(Name="other", InstanceId=instance["InstanceId"])
    local_service.admin.advance_clock(2.0)
    connect.describe_traffic_distribution_group(TrafficDistributionGroupId=group["Id"])
    listed = connect.list_traffic_distribution_groups(MaxResults=1)
    connect.list_traffic_distribution_groups(MaxResults=1, NextToken=listed["NextToken"])
    connect.delete_traffic_distribution_group(TrafficDistributionGroupId=group["Id"])
    connect.delete_instance(InstanceId=made["Id"])


def _connect_flows(local_service: Any, connect: Any, instance: Any) -> None:
    """Every contact flow and flow association operation, every optional field filled."""
    admin = local_service.admin
    content = '{"Version": "2019-10-30", "StartAction": "a", "Actions": []}'
    made = connect.create_contact_flow(
        InstanceId=instance["InstanceId"],
        Name="wire",
        Type="CONTACT_FLOW",
        Content=content,
        Description="d",
        Tags={"k": "v"},
    )
    connect.create_contact_flow(
        InstanceId=instance["InstanceId"], Name="second", Type="CUSTOMER_QUEUE", Content=content
    )
    connect.describe_contact_flow(
        InstanceId=instance["InstanceId"], ContactFlowId=made["ContactFlowId"]
    )
    page = connect.list_contact_flows(InstanceId=instance["InstanceId"], MaxResults=1)
    connect.list_contact_flows(
        InstanceId=instance["InstanceId"], MaxResults=1, NextToken=page["NextToken"]
    )
    numbers = [
        connect.import_phone_number(
            InstanceId=instance["InstanceId"],
            SourcePhoneNumberArn=admin.create_source_number()["PhoneNumberArn"],
        )["PhoneNumberId"]
        for _ in range(2)
    ]
    admin.advance_clock(2.0)
    for number_id in numbers:
        connect.associate_phone_number_contact_flow(
            PhoneNumberId=number_id,
            InstanceId=instance["InstanceId"],
            ContactFlowId=made["ContactFlowId"],
        )
    listed = connect.list_flow_associations(
        InstanceId=instance["InstanceId"], ResourceType="VOICE_PHONE_NUMBER", MaxResults=1
    )
    connect.list_flow_associations(
        InstanceId=instance["InstanceId"], MaxResults=1, NextToken=listed["NextToken"]
    )
    connect.disassociate_phone_number_contact_flow(
        PhoneNumberId=numbers[0], InstanceId=instance["InstanceId"]
    )


def _sms_voice(local_service: Any, sms: Any) -> None:
    paired = local_service.admin.create_source_number(
        two_way_channel_arn="arn:aws:sns:us-east-1:123456789012:inbound",
        pool_id="pool-0123456789abcdef0123456789abcdef",
    )
    requested = [
        sms.request_phone_number(
            IsoCountryCode="US",
            MessageType="TRANSACTIONAL",
            NumberCapabilities=["SMS", "VOICE"],
            NumberType="TOLL_FREE",
            Tags=[{"Key": "k", "Value": "v"}],
        )
        for _ in range(2)
    ]
    page = sms.describe_phone_numbers(MaxResults=1)
    sms.describe_phone_numbers(MaxResults=1, NextToken=page["NextToken"])
    sms.describe_phone_numbers(PhoneNumberIds=[paired["PhoneNumberId"]])  # two-way, pooled
    sms.list_tags_for_resource(ResourceArn=requested[0]["PhoneNumberArn"])
    sms.release_phone_number(PhoneNumberId=requested[0]["PhoneNumberId"])


def test_every_implemented_operation_answers_raw_json_in_its_output_shape(
    local_service: Any, raw: RawAnswers, connect: Any, sms: Any, instance: Any
) -> None:
    _connect_numbers(local_service, connect, instance)
    _connect_resources(local_service, connect, instance)
    _connect_flows(local_service, connect, instance)
    _sms_voice(local_service, sms)
    answered = {(a.service, a.operation.name) for a in raw.answers if a.status == 200}
    implemented = {("connect", op) for op in CONNECT_HANDLERS} | {
        ("pinpoint-sms-voice-v2", op) for op in SMS_HANDLERS
    }
    assert answered == implemented
    assert _problems(raw) == []


ERRORS: list[tuple[str, Callable[[Any, Any, Any], Any]]] = [
    ("ResourceNotFoundException", lambda c, s, i: c.describe_phone_number(PhoneNumberId="x")),
    (
        "InvalidParameterException",
        lambda c, s, i: c.list_phone_numbers_v2(PhoneNumberTypes=["NOT_A_TYPE"]),
    ),
    (
        "InvalidRequestException",
        lambda c, s, i: c.list_instances(NextToken="not-ours"),
    ),
    (
        "ResourceConflictException",
        lambda c, s, i: [
            c.create_traffic_distribution_group(Name="n", InstanceId=i["InstanceId"])
            for _ in range(2)
        ],
    ),
    ("ResourceNotFoundException", lambda c, s, i: s.describe_phone_numbers(PhoneNumberIds=["p"])),
    ("ValidationException", lambda c, s, i: s.describe_phone_numbers(MaxResults=1000)),
]


@pytest.mark.parametrize(("code", "call"), ERRORS)
def test_error_bodies_are_raw_json_in_their_error_shapes(
    raw: RawAnswers, connect: Any, sms: Any, instance: Any, code: str, call: Any
) -> None:
    with pytest.raises(Exception, match=code):
        call(connect, sms, instance)
    assert raw.answers[-1].status >= 400
    assert _problems(raw) == []


def test_in_use_idempotency_quota_and_access_errors_are_in_their_shapes(
    local_service: Any, raw: RawAnswers, connect: Any, sms: Any, instance: Any
) -> None:
    source = local_service.admin.create_source_number()
    imported = connect.import_phone_number(
        InstanceId=instance["InstanceId"], SourcePhoneNumberArn=source["PhoneNumberArn"]
    )
    calls: list[tuple[str, Callable[[], Any]]] = [
        (
            "ResourceInUseException",
            lambda: connect.release_phone_number(PhoneNumberId=imported["PhoneNumberId"]),
        ),
        (
            "IdempotencyException",
            lambda: connect.import_phone_number(
                InstanceId=instance["InstanceId"], SourcePhoneNumberArn=source["PhoneNumberArn"]
            ),
        ),
        (
            "ConflictException",
            lambda: sms.release_phone_number(PhoneNumberId=source["PhoneNumberId"]),
        ),
    ]
    for code, call in calls:
        with pytest.raises(ClientError) as raised:
            call()
        assert raised.value.response["Error"]["Code"] == code
    local_service.admin.set_quota(0)
    # ImportPhoneNumber declares no quota error: the refusal is an InvalidParameterException.
    with pytest.raises(Exception, match=r"InvalidParameterException.*quota"):
        connect.import_phone_number(
            InstanceId=instance["InstanceId"],
            SourcePhoneNumberArn=local_service.admin.create_source_number()["PhoneNumberArn"],
        )
    local_service.admin.set_allowed_actions([])
    with pytest.raises(Exception, match="AccessDenied"):
        connect.list_instances()
    assert [a.status for a in raw.answers[1:]] == [409, 409, 409, 400, 403]
    assert _problems(raw) == []
