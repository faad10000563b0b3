"""Tags of Connect resources, with the per-resource limit read from botocore's model."""

from __future__ import annotations

from connect_local_service.server.request_context import RequestContext
from connect_local_service.wire.api_errors import invalid_parameter
from connect_local_service.wire.botocore_models import max_tags_per_resource


def add_tags(ctx: RequestContext, arn: str, tags: dict[str, str]) -> None:
    """Adds or replaces `tags`; the resource may end with at most the model's TagMap maximum."""
    limit = max_tags_per_resource()
    if len({**ctx.tx.tags(arn), **tags}) > limit:
        raise invalid_parameter("tags", f"a resource can have at most {limit} tags")
    ctx.tx.put_tags(arn, tags)
