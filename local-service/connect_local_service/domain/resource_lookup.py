"""Finding a resource from the id or ARN a request names, in the request's account and Region."""

from __future__ import annotations

from connect_local_service.domain.arn_format import parse_arn
from connect_local_service.domain.records import (
    ContactFlowRecord,
    InstanceRecord,
    PhoneNumberRecord,
    TrafficGroupRecord,
)
from connect_local_service.server.request_context import RequestContext
from connect_local_service.wire.api_errors import ApiError, invalid_parameter, not_found


def id_from(ctx: RequestContext, field: str, value: str, resource_type: str) -> str:
    """Accepts a bare id or the resource's ARN; an ARN elsewhere names nothing here."""
    if not value.startswith("arn:"):
        return value
    arn = parse_arn(value)
    if arn is None or arn.service != "connect" or arn.resource_type != resource_type:
        raise invalid_parameter(field, f"'{value}' is not a Connect {resource_type} ARN")
    if arn.region != ctx.region or arn.account != ctx.account:
        raise not_found(f"{resource_type} {value}")
    return arn.resource_id


def find_instance(ctx: RequestContext, field: str, value: str) -> InstanceRecord:
    instance_id = id_from(ctx, field, value, "instance")
    instance = ctx.tx.instance(instance_id, ctx.account, ctx.region)
    if instance is None:
        raise not_found(f"Instance {value}")
    return instance


def find_number(ctx: RequestContext, value: str) -> PhoneNumberRecord:
    number_id = id_from(ctx, "PhoneNumberId", value, "phone-number")
    number = ctx.tx.number(number_id, ctx.account, ctx.region)
    if number is None:
        raise not_found(f"Phone number {value}")
    return number


def find_traffic_group(ctx: RequestContext, field: str, value: str) -> TrafficGroupRecord:
    group_id = id_from(ctx, field, value, "traffic-distribution-group")
    found = ctx.tx.traffic_groups(ctx.account, ctx.region, group_id=group_id)
    if not found:
        raise not_found(f"Traffic distribution group {value}")
    return found[0]


def _flow_id(ctx: RequestContext, instance: InstanceRecord, value: str) -> str | None:
    """The flow id a ContactFlowId names in `instance`: a bare id, or the flow's ARN
    (`arn:...:instance/<instance id>/contact-flow/<flow id>`); None when an ARN names a flow of
    another instance, Region or account."""
    if not value.startswith("arn:"):
        return value
    arn = parse_arn(value)
    if arn is None or arn.service != "connect" or arn.resource_type != "instance":
        raise invalid_parameter("ContactFlowId", f"'{value}' is not a Connect contact flow ARN")
    owner, _, flow_id = arn.resource_id.partition("/contact-flow/")
    if not flow_id or "/" in flow_id:
        raise invalid_parameter("ContactFlowId", f"'{value}' is not a Connect contact flow ARN")
    if arn.region != ctx.region or arn.account != ctx.account or owner != instance.id:
        return None
    return flow_id


def find_contact_flow(
    ctx: RequestContext, instance: InstanceRecord, value: str
) -> ContactFlowRecord:
    """A flow of `instance`; a flow of another instance is not found here, as the API reference
    addresses every flow through its instance (`/contact-flows/{InstanceId}/{ContactFlowId}`)."""
    flow_id = _flow_id(ctx, instance, value)
    found = (
        []
        if flow_id is None
        else ctx.tx.contact_flows(ctx.account, ctx.region, instance_id=instance.id, flow_id=flow_id)
    )
    if not found:
        raise not_found(f"Contact flow {value} in instance {instance.id}")
    return found[0]


def find_tagged_arn(ctx: RequestContext, arn: str) -> str:
    """The ARN of the taggable resource `arn` names (numbers, instances, traffic groups)."""
    parsed = parse_arn(arn)
    if parsed is None or parsed.service != "connect":
        raise invalid_parameter("resourceArn", f"'{arn}' is not a Connect ARN")
    if parsed.resource_type == "phone-number":
        return find_number(ctx, arn).arn
    if parsed.resource_type == "instance" and "/contact-flow/" in parsed.resource_id:
        instance_id = parsed.resource_id.split("/", 1)[0]
        instance = find_instance(ctx, "resourceArn", instance_id)
        return find_contact_flow(ctx, instance, arn).arn
    if parsed.resource_type == "instance":
        return find_instance(ctx, "resourceArn", arn).arn
    if parsed.resource_type == "traffic-distribution-group":
        return find_traffic_group(ctx, "resourceArn", arn).arn
    raise ApiError("ResourceNotFoundException", f"Resource {arn} not found")
