"""Connect instances through the API: just enough for users who make their own in tests."""

from __future__ import annotations

import uuid

from .api_errors import ApiError
from .arn_format import build_arn
from .records import InstanceRecord
from .request_context import RequestContext
from .resource_lookup import find_instance
from .resource_tags import add_tags


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
    ctx.tx.delete_instance(instance)
