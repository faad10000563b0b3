"""End User Messaging SMS/voice v2 operations (JSON 1.0): parameters in, wire shape out."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from connect_local_service.domain import source_number_operations as sources
from connect_local_service.domain.client_tokens import with_client_token
from connect_local_service.server.request_context import RequestContext
from connect_local_service.wire import shapes

Handler = Callable[[RequestContext, dict[str, Any]], dict[str, Any]]


def request_phone_number(ctx: RequestContext, p: dict[str, Any]) -> dict[str, Any]:
    def action() -> dict[str, Any]:
        source = sources.request_number(ctx, p)
        return {**shapes.source_information(source), "Tags": p.get("Tags", [])}

    return with_client_token(ctx, p, action)


def describe_phone_numbers(ctx: RequestContext, p: dict[str, Any]) -> dict[str, Any]:
    page, next_token = sources.describe_sources(
        ctx,
        p.get("PhoneNumberIds"),
        p.get("Filters", []),
        p.get("MaxResults"),
        p.get("NextToken"),
        p.get("Owner"),
    )
    result: dict[str, Any] = {"PhoneNumbers": [shapes.source_information(s) for s in page]}
    if next_token is not None:
        result["NextToken"] = next_token
    return result


def release_phone_number(ctx: RequestContext, p: dict[str, Any]) -> dict[str, Any]:
    return shapes.released_source(sources.release_source(ctx, p["PhoneNumberId"]))


def list_tags_for_resource(ctx: RequestContext, p: dict[str, Any]) -> dict[str, Any]:
    return {"ResourceArn": p["ResourceArn"], "Tags": sources.tags_of(ctx, p["ResourceArn"])}


HANDLERS: dict[str, Handler] = {
    "RequestPhoneNumber": request_phone_number,
    "DescribePhoneNumbers": describe_phone_numbers,
    "ReleasePhoneNumber": release_phone_number,
    "ListTagsForResource": list_tags_for_resource,
}
