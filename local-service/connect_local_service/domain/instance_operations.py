"""Connect instances through the API: just enough for users who make their own in tests."""

from __future__ import annotations

import uuid

from connect_local_service.domain.arn_format import build_arn
from connect_local_service.domain.records import InstanceRecord
from connect_local_service.domain.resource_lookup import find_instance
from connect_local_service.domain.resource_tags import add_tags
from connect_local_service.server.request_context import RequestContext
from connect_local_service.wire.api_errors import ApiError
from connect_local_service.wire.botocore_models import CONNECT, max_page_size
from connect_local_service.wire.page_tokens import decode_page_token, encode_page_token


def create_instance(
    ctx: RequestContext, alias: str | None, tags: dict[str, str] | None
) -> InstanceRecord:
    alias = alias or f"instance-{uuid.uuid4().hex[:12]}"
    if ctx.tx.instance_with_alias(alias, ctx.account, ctx.region) is not None:
        raise ApiError("InvalidRequestException", f"Instance alias {alias} is already in use")
    instance_id = str(uuid.uuid4())
    arn = build_arn("connect", ctx.region, ctx.account, f"instance/{instance_id}")
    instance = InstanceRecord(instance_id, arn, alias, ctx.account, ctx.region, ctx.now)
    ctx.tx.insert_instance(instance)
    if tags:
        add_tags(ctx, arn, tags)
    return instance


def delete_instance(ctx: RequestContext, ref: str) -> None:
    instance = find_instance(ctx, "InstanceId", ref)
    if ctx.tx.numbers(instance_id=instance.id):
        raise ApiError("InvalidRequestException", "Release the instance's phone numbers first")
    if ctx.tx.traffic_groups(instance_id=instance.id):
        raise ApiError(
            "InvalidRequestException", "Delete the instance's traffic distribution groups first"
        )
    ctx.tx.delete_instance_flows(instance.id)
    ctx.tx.delete_instance(instance)


def list_instances(
    ctx: RequestContext, page_size: int | None, token: str | None
) -> tuple[list[InstanceRecord], str | None]:
    """A page of instances and the next page's token; the model allows 1-10 per page."""
    start = 0 if token is None else decode_page_token(token)
    if start is None:
        raise ApiError("InvalidRequestException", "NextToken: is not a token this service issued")
    listed = ctx.tx.instances(ctx.account, ctx.region)
    end = start + (page_size or max_page_size(CONNECT, "ListInstances"))
    return listed[start:end], encode_page_token(end) if end < len(listed) else None
