"""Tags of Connect resources, with the per-resource limit read from botocore's model."""

from __future__ import annotations

from .api_errors import invalid_parameter
from .botocore_models import max_tags_per_resource
from .request_context import RequestContext


def add_tags(ctx: RequestContext, arn: str, tags: dict[str, str]) -> None:
    """Adds or replaces `tags`; the resource may end with at most the model's TagMap maximum."""
    limit = max_tags_per_resource()
    if len({**ctx.tx.tags(arn), **tags}) > limit:
        raise invalid_parameter("tags", f"a resource can have at most {limit} tags")
    ctx.tx.put_tags(arn, tags)
