"""Every mutating operation's effect is read back through the API that shows it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from connect_local_service.wire.connect_handlers import HANDLERS as CONNECT_HANDLERS
from connect_local_service.wire.sms_voice_handlers import HANDLERS as SMS_HANDLERS

CONNECT = "connect"
SMS = "pinpoint-sms-voice-v2"


class World:
    """The clients and fixtures one read-back needs."""

    def __init__(self, local_service: Any, connect: Any, sms: Any, instance: Any) -> None:
        self.admin = local_service.admin
        self.connect = connect
        self.sms = sms
        self.instance = instance

    def claimed_number(self, **kw: Any) -> dict[str, Any]:
        source = self.admin.create_source_number()["PhoneNumberArn"]
        imported: dict[str, Any] = self.connect.import_phone_number(
            InstanceId=self.instance["InstanceId"], SourcePhoneNumberArn=source, **kw
        )
        self.admin.advance_clock(2.0)
        return imported

    def summary(self, number_id: str) -> dict[str, Any]:
        described = self.connect.describe_phone_number(PhoneNumberId=number_id)
        summary: dict[str, Any] = described["ClaimedPhoneNumberSummary"]
        return summary


def import_phone_number(w: World) -> None:
    imported = w.claimed_number(PhoneNumberDescription="d", Tags={"k": "v"})
    summary = w.summary(imported["PhoneNumberId"])
    assert (summary["PhoneNumberDescription"], summary["Tags"]) == ("d", {"k": "v"})
    assert summary["InstanceId"] == w.instance["InstanceId"]


def update_phone_number_metadata(w: World) -> None:
    number_id = w.claimed_number(PhoneNumberDescription="before")["PhoneNumberId"]
    w.connect.update_phone_number_metadata(PhoneNumberId=number_id, PhoneNumberDescription="after")
    w.admin.advance_clock(0.5)
    assert w.summary(number_id)["PhoneNumberDescription"] == "after"
    listed = w.connect.list_phone_numbers_v2()["ListPhoneNumbersSummaryList"]
    assert [s["PhoneNumberDescription"] for s in listed] == ["after"]


def update_phone_number(w: World) -> None:
    number_id = w.claimed_number()["PhoneNumberId"]
    other = w.admin.create_instance("other")
    w.connect.update_phone_number(PhoneNumberId=number_id, InstanceId=other["InstanceId"])
    w.admin.advance_clock(2.0)
    summary = w.summary(number_id)
    assert (summary["InstanceId"], summary["TargetArn"]) == (other["InstanceId"], other["Arn"])


def release_phone_number(w: World) -> None:
    number_id = w.claimed_number()["PhoneNumberId"]
    w.connect.release_phone_number(PhoneNumberId=number_id)
    w.admin.advance_clock(0.5)
    with pytest.raises(w.connect.exceptions.ResourceNotFoundException):
        w.summary(number_id)


def tag_resource(w: World) -> None:
    arn = w.claimed_number()["PhoneNumberArn"]
    w.connect.tag_resource(resourceArn=arn, tags={"a": "1"})
    assert w.connect.list_tags_for_resource(resourceArn=arn)["tags"] == {"a": "1"}


def untag_resource(w: World) -> None:
    arn = w.claimed_number(Tags={"a": "1", "b": "2"})["PhoneNumberArn"]
    w.connect.untag_resource(resourceArn=arn, tagKeys=["a"])
    assert w.connect.list_tags_for_resource(resourceArn=arn)["tags"] == {"b": "2"}


def create_instance(w: World) -> None:
    made = w.connect.create_instance(
        IdentityManagementType="CONNECT_MANAGED",
        InstanceAlias="made",
        InboundCallsEnabled=True,
        OutboundCallsEnabled=True,
    )
    assert w.connect.describe_instance(InstanceId=made["Id"])["Instance"]["InstanceAlias"] == "made"


def delete_instance(w: World) -> None:
    w.connect.delete_instance(InstanceId=w.instance["InstanceId"])
    assert w.connect.list_instances()["InstanceSummaryList"] == []


def create_traffic_distribution_group(w: World) -> None:
    made = w.connect.create_traffic_distribution_group(
        Name="g", InstanceId=w.instance["InstanceId"]
    )
    listed = w.connect.list_traffic_distribution_groups()["TrafficDistributionGroupSummaryList"]
    assert [(g["Id"], g["Name"]) for g in listed] == [(made["Id"], "g")]


def delete_traffic_distribution_group(w: World) -> None:
    group = w.admin.create_traffic_distribution_group("g", w.instance["InstanceId"])
    w.connect.delete_traffic_distribution_group(TrafficDistributionGroupId=group["Id"])
    w.admin.advance_clock(2.0)
    assert w.connect.list_traffic_distribution_groups()["TrafficDistributionGroupSummaryList"] == []


def request_phone_number(w: World) -> None:
    requested = w.sms.request_phone_number(
        IsoCountryCode="GB",
        MessageType="PROMOTIONAL",
        NumberCapabilities=["VOICE"],
        NumberType="LONG_CODE",
    )
    [found] = w.sms.describe_phone_numbers(PhoneNumberIds=[requested["PhoneNumberId"]])[
        "PhoneNumbers"
    ]
    assert (found["IsoCountryCode"], found["NumberType"], found["Status"]) == (
        "GB",
        "LONG_CODE",
        "ACTIVE",
    )


def release_source_number(w: World) -> None:
    source = w.admin.create_source_number()
    w.sms.release_phone_number(PhoneNumberId=source["PhoneNumberId"])
    with pytest.raises(w.sms.exceptions.ResourceNotFoundException):
        w.sms.describe_phone_numbers(PhoneNumberIds=[source["PhoneNumberId"]])


def create_contact_flow(w: World) -> None:
    made = w.connect.create_contact_flow(
        InstanceId=w.instance["InstanceId"], Name="f", Type="CONTACT_FLOW", Content="{}"
    )
    listed = w.connect.list_contact_flows(InstanceId=w.instance["InstanceId"])
    assert [(f["Id"], f["Name"]) for f in listed["ContactFlowSummaryList"]] == [
        (made["ContactFlowId"], "f")
    ]


def _associated_number(w: World) -> tuple[str, dict[str, Any]]:
    number = w.claimed_number()
    flow = w.admin.create_contact_flow(w.instance["InstanceId"], name="Inbound")
    w.connect.associate_phone_number_contact_flow(
        PhoneNumberId=number["PhoneNumberId"],
        InstanceId=w.instance["InstanceId"],
        ContactFlowId=flow["ContactFlowId"],
    )
    return str(number["PhoneNumberArn"]), flow


def _flow_associations(w: World) -> list[tuple[str, str]]:
    listed = w.connect.list_flow_associations(
        InstanceId=w.instance["InstanceId"], ResourceType="VOICE_PHONE_NUMBER"
    )
    return [(a["ResourceId"], a["FlowId"]) for a in listed["FlowAssociationSummaryList"]]


def associate_phone_number_contact_flow(w: World) -> None:
    number_arn, flow = _associated_number(w)
    assert _flow_associations(w) == [(number_arn, flow["ContactFlowArn"])]


def disassociate_phone_number_contact_flow(w: World) -> None:
    number_arn, _ = _associated_number(w)
    w.connect.disassociate_phone_number_contact_flow(
        PhoneNumberId=number_arn, InstanceId=w.instance["InstanceId"]
    )
    assert _flow_associations(w) == []


READ_BACKS: dict[tuple[str, str], Callable[[World], None]] = {
    (CONNECT, "ImportPhoneNumber"): import_phone_number,
    (CONNECT, "UpdatePhoneNumberMetadata"): update_phone_number_metadata,
    (CONNECT, "UpdatePhoneNumber"): update_phone_number,
    (CONNECT, "ReleasePhoneNumber"): release_phone_number,
    (CONNECT, "TagResource"): tag_resource,
    (CONNECT, "UntagResource"): untag_resource,
    (CONNECT, "CreateInstance"): create_instance,
    (CONNECT, "DeleteInstance"): delete_instance,
    (CONNECT, "CreateTrafficDistributionGroup"): create_traffic_distribution_group,
    (CONNECT, "DeleteTrafficDistributionGroup"): delete_traffic_distribution_group,
    (CONNECT, "CreateContactFlow"): create_contact_flow,
    (CONNECT, "AssociatePhoneNumberContactFlow"): associate_phone_number_contact_flow,
    (CONNECT, "DisassociatePhoneNumberContactFlow"): disassociate_phone_number_contact_flow,
    (SMS, "RequestPhoneNumber"): request_phone_number,
    (SMS, "ReleasePhoneNumber"): release_source_number,
}


def test_every_mutating_operation_has_a_read_back() -> None:
    implemented = {(CONNECT, op) for op in CONNECT_HANDLERS} | {(SMS, op) for op in SMS_HANDLERS}
    mutating = {key for key in implemented if not key[1].startswith(("Describe", "List"))}
    assert set(READ_BACKS) == mutating


@pytest.mark.parametrize("operation", sorted(READ_BACKS), ids=lambda key: f"{key[0]}:{key[1]}")
def test_the_effect_of_each_mutating_operation_reads_back(
    local_service: Any, connect_client: Any, sms_client: Any, instance: Any, operation: Any
) -> None:
    READ_BACKS[operation](World(local_service, connect_client, sms_client, instance))
