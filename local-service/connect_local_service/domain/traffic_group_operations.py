"""Traffic distribution groups: create, describe, list and delete, as Connect Global
Resiliency users see them. Replication of the instance into a second Region is not modelled;
a group is made from any instance of the Region.
"""

from __future__ import annotations

import uuid

from connect_local_service.domain.arn_format import build_arn
from connect_local_service.domain.records import TrafficGroupRecord
from connect_local_service.domain.resource_lookup import find_instance, find_traffic_group
from connect_local_service.domain.resource_tags import add_tags
from connect_local_service.domain.traffic_group_lifecycle import begin_creation, begin_deletion
from connect_local_service.server.request_context import RequestContext
from connect_local_service.wire.api_errors import ApiError
from connect_local_service.wire.botocore_models import CONNECT, max_page_size
from connect_local_service.wire.page_tokens import decode_page_token, encode_page_token


def create_traffic_group(
    ctx: RequestContext,
    name: str,
    description: str | None,
    instance_ref: str,
    tags: dict[str, str] | None,
) -> TrafficGroupRecord:
    instance = find_instance(ctx, "InstanceId", instance_ref)
    if ctx.tx.traffic_groups(ctx.account, ctx.region, name=name):
        raise ApiError(
            "ResourceConflictException", f"A traffic distribution group named {name} exists"
        )
    group_id = str(uuid.uuid4())
    arn = build_arn("connect", ctx.region, ctx.account, f"traffic-distribution-group/{group_id}")
    group = TrafficGroupRecord(
        id=group_id,
        arn=arn,
        name=name,
        description=description,
        instance_id=instance.id,
        instance_arn=instance.arn,
        account=ctx.account,
        region=ctx.region,
        status="",
        settle_at=None,
        created_at=ctx.now,
    )
    created = begin_creation(ctx, group)
    if tags:
        add_tags(ctx, arn, tags)
    return created


def delete_traffic_group(ctx: RequestContext, ref: str) -> None:
    """Refused (ResourceInUseException) while phone numbers target the group."""
    group = find_traffic_group(ctx, "TrafficDistributionGroupId", ref)
    if any(n.target_arn == group.arn for n in ctx.tx.numbers(ctx.account, ctx.region)):
        raise ApiError(
            "ResourceInUseException",
            f"Traffic distribution group {group.id} still has phone numbers; move or release "
            "them first",
        )
    begin_deletion(ctx, group)


def list_traffic_groups(
    ctx: RequestContext, instance_ref: str | None, page_size: int | None, token: str | None
) -> tuple[list[TrafficGroupRecord], str | None]:
    """A page of the Region's groups (of one instance, if given) and the next page's token."""
    instance_id = (
        None if instance_ref is None else find_instance(ctx, "InstanceId", instance_ref).id
    )
    start = 0 if token is None else decode_page_token(token)
    if start is None:
        raise ApiError("InvalidRequestException", "NextToken: is not a token this service issued")
    groups = ctx.tx.traffic_groups(ctx.account, ctx.region, instance_id=instance_id)
    end = start + (page_size or max_page_size(CONNECT, "ListTrafficDistributionGroups"))
    return groups[start:end], encode_page_token(end) if end < len(groups) else None
