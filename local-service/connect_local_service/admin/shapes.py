"""The admin interface's answers: resources as the service holds them, not as AWS shows them."""

from __future__ import annotations

from typing import Any

from connect_local_service.domain.records import (
    ContactFlowRecord,
    InstanceRecord,
    PhoneNumberRecord,
    QuotaEvent,
    SourceNumberRecord,
    TrafficGroupRecord,
)


def admin_instance(instance: InstanceRecord) -> dict[str, Any]:
    return {"InstanceId": instance.id, "Arn": instance.arn, "InstanceAlias": instance.alias}


def admin_source(source: SourceNumberRecord) -> dict[str, Any]:
    return {
        "PhoneNumberArn": source.arn,
        "PhoneNumber": source.phone_number,
        "PhoneNumberId": source.id,
    }


def admin_number(number: PhoneNumberRecord, tags: dict[str, str]) -> dict[str, Any]:
    """A number as the service holds it, internal status included (RELEASING)."""
    return {
        "PhoneNumberId": number.id,
        "PhoneNumberArn": number.arn,
        "PhoneNumber": number.phone_number,
        "Status": number.status,
        "Message": number.message,
        "SourcePhoneNumberArn": number.source_arn,
        "InstanceId": number.instance_id,
        "TargetArn": number.target_arn,
        "Description": number.description,
        "Region": number.region,
        "AccountId": number.account,
        "Tags": tags,
    }


def admin_quota_event(event: QuotaEvent) -> dict[str, Any]:
    return {
        "kind": event.kind,
        "PhoneNumberId": event.phone_number_id,
        "at": event.at,
        "region": event.region,
        "account_id": event.account,
    }


def admin_traffic_group(group: TrafficGroupRecord) -> dict[str, Any]:
    return {
        "Id": group.id,
        "Arn": group.arn,
        "Name": group.name,
        "InstanceId": group.instance_id,
        "InstanceArn": group.instance_arn,
        "Status": group.status,
    }


def admin_contact_flow(flow: ContactFlowRecord) -> dict[str, Any]:
    return {
        "ContactFlowId": flow.id,
        "ContactFlowArn": flow.arn,
        "Name": flow.name,
        "Type": flow.type,
        "InstanceId": flow.instance_id,
    }
