"""Every AWS response shape the local service answers with, each rendered in one place.

botocore's output shapes are the reference: tests/integration/local_service checks the raw
bodies built here against them (no unknown keys, required keys present, types right).
"""

from __future__ import annotations

from typing import Any

from connect_local_service.domain.arn_format import partition_for
from connect_local_service.domain.contact_flow_operations import content_sha256
from connect_local_service.domain.flow_associations import VOICE_PHONE_NUMBER
from connect_local_service.domain.phone_number_lifecycle import shown_status
from connect_local_service.domain.records import (
    ContactFlowRecord,
    FlowAssociationRecord,
    InstanceRecord,
    PhoneNumberRecord,
    SourceNumberRecord,
    TrafficGroupRecord,
)
from connect_local_service.wire.botocore_models import CONNECT, SMS_VOICE, service_model


def number_ids(number: PhoneNumberRecord) -> dict[str, Any]:
    """ImportPhoneNumber's and UpdatePhoneNumber's answer."""
    return {"PhoneNumberId": number.id, "PhoneNumberArn": number.arn}


def claimed_summary(number: PhoneNumberRecord, tags: dict[str, str]) -> dict[str, Any]:
    """DescribePhoneNumber's ClaimedPhoneNumberSummary."""
    status, message = shown_status(number)
    summary: dict[str, Any] = {
        "PhoneNumberId": number.id,
        "PhoneNumberArn": number.arn,
        "TargetArn": number.target_arn,
        "InstanceId": number.instance_id,
        "Tags": tags,
        "PhoneNumberStatus": {"Status": status}
        if message is None
        else {
            "Status": status,
            "Message": message,
        },
        "SourcePhoneNumberArn": number.source_arn,
    }
    if number.phone_number:
        summary["PhoneNumber"] = number.phone_number
        summary["PhoneNumberCountryCode"] = number.country_code
        summary["PhoneNumberType"] = number.number_type
    if number.description is not None:
        summary["PhoneNumberDescription"] = number.description
    return summary


def list_summary(number: PhoneNumberRecord) -> dict[str, Any]:
    """ListPhoneNumbersV2's ListPhoneNumbersSummary."""
    summary = {
        "PhoneNumberId": number.id,
        "PhoneNumberArn": number.arn,
        "PhoneNumber": number.phone_number,
        "PhoneNumberCountryCode": number.country_code,
        "PhoneNumberType": number.number_type,
        "TargetArn": number.target_arn,
        "InstanceId": number.instance_id,
        "SourcePhoneNumberArn": number.source_arn,
    }
    if number.description is not None:
        summary["PhoneNumberDescription"] = number.description
    return summary


def instance_summary(instance: InstanceRecord) -> dict[str, Any]:
    """ListInstances' InstanceSummary; DescribeInstance adds the tags."""
    return {
        "Id": instance.id,
        "Arn": instance.arn,
        "IdentityManagementType": "CONNECT_MANAGED",
        "InstanceAlias": instance.alias,
        "CreatedTime": instance.created_at,
        "ServiceRole": f"arn:{partition_for(instance.region)}:iam::{instance.account}:role/"
        "aws-service-role/connect.amazonaws.com/AWSServiceRoleForAmazonConnect",
        "InstanceStatus": "ACTIVE",
        "InboundCallsEnabled": True,
        "OutboundCallsEnabled": True,
        "InstanceAccessUrl": f"https://{instance.alias}.my.connect.aws",
    }


def traffic_group_summary(group: TrafficGroupRecord) -> dict[str, Any]:
    """ListTrafficDistributionGroups' TrafficDistributionGroupSummary."""
    return {
        "Id": group.id,
        "Arn": group.arn,
        "Name": group.name,
        "InstanceArn": group.instance_arn,
        "Status": group.status,
        "IsDefault": False,
    }


def traffic_group(group: TrafficGroupRecord, tags: dict[str, str]) -> dict[str, Any]:
    """DescribeTrafficDistributionGroup's TrafficDistributionGroup (Tags only when there are
    some: the model's TagMap has at least one entry)."""
    described = traffic_group_summary(group)
    if group.description is not None:
        described["Description"] = group.description
    if tags:
        described["Tags"] = tags
    return described


def _in_output(operation: str, answer: dict[str, Any], member: str | None = None) -> dict[str, Any]:
    """The members of `answer` that the installed model's output (or its `member`) has: older
    botocore models (the supported range starts at 1.35) lack newer ones such as
    FlowContentSha256."""
    shape: Any = service_model(CONNECT).operation_model(operation).output_shape
    if member is not None:
        shape = shape.members[member]
    return {key: value for key, value in answer.items() if key in shape.members}


def contact_flow_ids(flow: ContactFlowRecord) -> dict[str, Any]:
    """CreateContactFlow's answer."""
    answer = {
        "ContactFlowId": flow.id,
        "ContactFlowArn": flow.arn,
        "FlowContentSha256": content_sha256(flow),
    }
    return _in_output("CreateContactFlow", answer)


def contact_flow(flow: ContactFlowRecord, tags: dict[str, str]) -> dict[str, Any]:
    """DescribeContactFlow's ContactFlow (Tags only when there are some: TagMap's min is 1)."""
    described: dict[str, Any] = {
        "Arn": flow.arn,
        "Id": flow.id,
        "Name": flow.name,
        "Type": flow.type,
        "State": "ACTIVE",
        "Status": flow.status,
        "Content": flow.content,
        "FlowContentSha256": content_sha256(flow),
        "LastModifiedTime": flow.created_at,
        "LastModifiedRegion": flow.region,
    }
    if flow.description is not None:
        described["Description"] = flow.description
    if tags:
        described["Tags"] = tags
    return _in_output("DescribeContactFlow", described, "ContactFlow")


def contact_flow_summary(flow: ContactFlowRecord) -> dict[str, Any]:
    """ListContactFlows' ContactFlowSummary."""
    return {
        "Id": flow.id,
        "Arn": flow.arn,
        "Name": flow.name,
        "ContactFlowType": flow.type,
        "ContactFlowState": "ACTIVE",
        "ContactFlowStatus": flow.status,
    }


def flow_association_summary(association: FlowAssociationRecord) -> dict[str, Any]:
    """ListFlowAssociations' FlowAssociationSummary: the model types ResourceId and FlowId as
    ARNs, so both are ARNs (the phone number's and the flow's)."""
    return {
        "ResourceId": association.phone_number_arn,
        "FlowId": association.flow_arn,
        "ResourceType": VOICE_PHONE_NUMBER,
    }


def source_information(source: SourceNumberRecord, status: str | None = None) -> dict[str, Any]:
    """End User Messaging's PhoneNumberInformation (RequestPhoneNumber adds the tags); the
    optional TwoWayChannelArn and PoolId only when the number has them."""
    information: dict[str, Any] = {
        "PhoneNumberArn": source.arn,
        "PhoneNumberId": source.id,
        "PhoneNumber": source.phone_number,
        "Status": status or source.status,
        "IsoCountryCode": source.iso_country,
        "MessageType": source.message_type,
        "NumberCapabilities": list(source.capabilities),
        "NumberType": source.number_type,
        "MonthlyLeasingPrice": "2.00",
        "TwoWayEnabled": source.two_way_enabled,
        "SelfManagedOptOutsEnabled": False,
        "OptOutListName": "Default",
        "InternationalSendingEnabled": False,
        "DeletionProtectionEnabled": source.deletion_protection,
        "CreatedTimestamp": source.created_at,
    }
    if source.two_way_channel_arn is not None:
        information["TwoWayChannelArn"] = source.two_way_channel_arn
    if source.pool_id is not None:
        information["PoolId"] = source.pool_id
    return information


def released_source(source: SourceNumberRecord) -> dict[str, Any]:
    """End User Messaging ReleasePhoneNumber's answer: the members its output shape has."""
    shape = service_model(SMS_VOICE).operation_model("ReleasePhoneNumber").output_shape
    members = shape.members if shape is not None else {}
    return {k: v for k, v in source_information(source, "DELETED").items() if k in members}
