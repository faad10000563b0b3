"""Instances and source numbers made outside the AWS API: the demo seed and the admin API.

Ids are derived from account, Region and alias, so a seed is reproducible and idempotent.
"""

from __future__ import annotations

import hashlib
import uuid

from connect_local_service.domain.arn_format import build_arn
from connect_local_service.domain.phone_number_generator import new_phone_number
from connect_local_service.domain.records import (
    ContactFlowRecord,
    InstanceRecord,
    SourceNumberRecord,
    TrafficGroupRecord,
)
from connect_local_service.domain.traffic_group_lifecycle import ACTIVE
from connect_local_service.server.service_state import ServiceState
from connect_local_service.wire.api_errors import not_found
from connect_local_service.wire.botocore_models import SMS_VOICE, service_model

_DEMO_NAMESPACE = uuid.UUID("6f1c1e8e-3c1a-4a55-9a51-2f0c6c1f0b7e")


def create_instance(
    state: ServiceState, alias: str, region: str | None = None, account: str | None = None
) -> InstanceRecord:
    """Idempotent per alias: the id is derived from account, Region and alias."""
    region = region or state.settings.region
    account = account or state.settings.account_id
    instance_id = str(uuid.uuid5(_DEMO_NAMESPACE, f"{account}:{region}:instance:{alias}"))
    arn = build_arn("connect", region, account, f"instance/{instance_id}")
    record = InstanceRecord(instance_id, arn, alias, account, region, state.clock.now())
    with state.store.transaction() as tx:
        tx.insert_instance(record, if_absent=True)
    return record


def _check_enum(shape: str, field: str, values: list[str]) -> None:
    """An admin-made source has only values End User Messaging's model allows, so every answer
    that shows it stays in its shape."""
    allowed = service_model(SMS_VOICE).shape_for(shape).metadata["enum"]
    wrong = [value for value in values if value not in allowed]
    if wrong:
        raise ValueError(f"{field}: {wrong} not among {allowed}")


def create_source_number(
    state: ServiceState,
    iso_country: str = "US",
    number_type: str = "TOLL_FREE",
    region: str | None = None,
    account: str | None = None,
    status: str = "ACTIVE",
    phone_number: str | None = None,
    source_id: str | None = None,
    message_type: str = "TRANSACTIONAL",
    capabilities: list[str] | None = None,
    deletion_protection: bool = False,
    two_way_channel_arn: str | None = None,
    two_way_enabled: bool | None = None,
    pool_id: str | None = None,
) -> SourceNumberRecord:
    """A new End User Messaging number; an existing `source_id` is returned unchanged."""
    source_id = source_id or f"phone-{uuid.uuid4().hex}"
    capabilities = capabilities or ["SMS", "VOICE"]
    _check_enum("NumberStatus", "status", [status])
    _check_enum("NumberType", "number_type", [number_type])
    _check_enum("MessageType", "message_type", [message_type])
    _check_enum("NumberCapability", "capabilities", capabilities)
    if not 1 <= len(capabilities) <= 4:
        raise ValueError(f"capabilities: 1 to 4 of them, not {len(capabilities)}")
    with state.store.transaction() as tx:
        existing = tx.source_with_id(source_id)
        if existing is not None:
            return existing
        region = region or state.settings.region
        account = account or state.settings.account_id
        source = SourceNumberRecord(
            id=source_id,
            arn=build_arn("sms-voice", region, account, f"phone-number/{source_id}"),
            phone_number=phone_number or new_phone_number(tx, iso_country, number_type),
            account=account,
            region=region,
            iso_country=iso_country,
            number_type=number_type,
            message_type=message_type,
            capabilities=tuple(capabilities),
            status=status,
            deletion_protection=deletion_protection,
            created_at=state.clock.now(),
            two_way_channel_arn=two_way_channel_arn,
            # Two-way messaging is on when a channel is given, unless said otherwise.
            two_way_enabled=two_way_channel_arn is not None
            if two_way_enabled is None
            else two_way_enabled,
            pool_id=pool_id,
        )
        tx.insert_source(source)
    return source


def create_traffic_group(state: ServiceState, name: str, instance_id: str) -> TrafficGroupRecord:
    """An ACTIVE group of an existing instance at once; idempotent per name."""
    with state.store.transaction() as tx:
        instances = [
            i
            for i in tx.instances(state.settings.account_id, state.settings.region)
            if i.id == instance_id or i.arn == instance_id
        ]
        if not instances:
            raise not_found(f"Instance {instance_id}")
        instance = instances[0]
        existing = tx.traffic_groups(instance.account, instance.region, name=name)
        if existing:
            return existing[0]
        key = f"{instance.account}:{instance.region}:traffic-distribution-group:{name}"
        group_id = str(uuid.uuid5(_DEMO_NAMESPACE, key))
        resource = f"traffic-distribution-group/{group_id}"
        group = TrafficGroupRecord(
            id=group_id,
            arn=build_arn("connect", instance.region, instance.account, resource),
            name=name,
            description=None,
            instance_id=instance.id,
            instance_arn=instance.arn,
            account=instance.account,
            region=instance.region,
            status=ACTIVE,
            settle_at=None,
            created_at=state.clock.now(),
        )
        tx.insert_traffic_group(group)
    return group


# The smallest flow the Flow language accepts: one action that ends the contact.
MINIMAL_FLOW_CONTENT = (
    '{"Version": "2019-10-30", "StartAction": "end", "Actions": '
    '[{"Identifier": "end", "Type": "DisconnectParticipant", "Parameters": {}, '
    '"Transitions": {}}]}'
)


def create_contact_flow(
    state: ServiceState,
    instance_id: str,
    name: str,
    flow_type: str = "CONTACT_FLOW",
    content: str | None = None,
) -> ContactFlowRecord:
    """A PUBLISHED flow of an existing instance (id or ARN); idempotent per name."""
    with state.store.transaction() as tx:
        instances = [
            i
            for i in tx.instances(state.settings.account_id, state.settings.region)
            if instance_id in (i.id, i.arn)
        ]
        if not instances:
            raise not_found(f"Instance {instance_id}")
        instance = instances[0]
        existing = tx.contact_flows(instance_id=instance.id, name=name)
        if existing:
            return existing[0]
        key = f"{instance.account}:{instance.region}:{instance.id}:contact-flow:{name}"
        flow_id = str(uuid.uuid5(_DEMO_NAMESPACE, key))
        resource = f"instance/{instance.id}/contact-flow/{flow_id}"
        flow = ContactFlowRecord(
            id=flow_id,
            arn=build_arn("connect", instance.region, instance.account, resource),
            instance_id=instance.id,
            account=instance.account,
            region=instance.region,
            name=name,
            type=flow_type,
            description=None,
            content=content or MINIMAL_FLOW_CONTENT,
            status="PUBLISHED",
            created_at=state.clock.now(),
        )
        return tx.insert_contact_flow(flow)


def set_source_status(state: ServiceState, arn: str, status: str) -> None:
    _check_enum("NumberStatus", "status", [status])
    with state.store.transaction() as tx:
        if not tx.set_source_status(arn, status):
            raise not_found(f"source number {arn}")


def seed(
    state: ServiceState, alias: str, sources: int
) -> tuple[InstanceRecord, list[SourceNumberRecord]]:
    instance = create_instance(state, alias)
    region, account = state.settings.region, state.settings.account_id
    numbers = []
    for index in range(1, sources + 1):
        digest = hashlib.sha256(f"{account}:{region}:{alias}:source:{index}".encode())
        numbers.append(
            create_source_number(
                state,
                source_id=f"phone-{digest.hexdigest()[:32]}",
                # Fixed numbers only for "demo", so other seeds never share a number with it.
                phone_number=f"+1833555{index:04d}" if alias == "demo" else None,
            )
        )
    return instance, numbers


def seed_demo(state: ServiceState) -> None:
    """Only into empty state, so restarting with --seed-demo never duplicates anything."""
    with state.store.transaction() as tx:
        empty = tx.holds_nothing()
    if empty:
        seed(state, "demo", 3)
