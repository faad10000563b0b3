"""End User Messaging SMS/voice v2 source numbers: request, describe, tag and release them."""

from __future__ import annotations

import base64
import binascii
import uuid
from typing import Any

from connect_local_service.domain.arn_format import build_arn, parse_arn
from connect_local_service.domain.phone_number_generator import new_phone_number
from connect_local_service.domain.phone_number_lifecycle import is_active
from connect_local_service.domain.records import SourceNumberRecord
from connect_local_service.domain.source_filters import matching
from connect_local_service.server.request_context import RequestContext
from connect_local_service.wire.api_errors import ApiError, validation_exception

DEFAULT_PAGE_SIZE = 100

# DescribePhoneNumbers' Owner: numbers the account owns, or numbers shared with it (sharing
# through AWS RAM is not modelled, so there are none).
OWNER_SELF = "SELF"


def find_source(ctx: RequestContext, value: str) -> SourceNumberRecord:
    if value.startswith("arn:"):
        parsed = parse_arn(value)
        if parsed is None or parsed.service != "sms-voice":
            raise validation_exception(
                f"PhoneNumberId: '{value}' is not a phone number ARN", "INVALID_ARN"
            )
        source = ctx.tx.source_with_arn(value)
    else:
        source = ctx.tx.source_with_id(value)
    if source is None or source.region != ctx.region or source.account != ctx.account:
        raise ApiError(
            "ResourceNotFoundException",
            f"Phone number {value} not found",
            ResourceType="phone-number",
            ResourceId=value,
        )
    return source


def request_number(ctx: RequestContext, params: dict[str, Any]) -> SourceNumberRecord:
    source_id = f"phone-{uuid.uuid4().hex}"
    source = SourceNumberRecord(
        id=source_id,
        arn=build_arn("sms-voice", ctx.region, ctx.account, f"phone-number/{source_id}"),
        phone_number=new_phone_number(ctx.tx, params["IsoCountryCode"], params["NumberType"]),
        account=ctx.account,
        region=ctx.region,
        iso_country=params["IsoCountryCode"],
        number_type=params["NumberType"],
        message_type=params["MessageType"],
        capabilities=tuple(params["NumberCapabilities"]),
        status="ACTIVE",
        deletion_protection=bool(params.get("DeletionProtectionEnabled", False)),
        created_at=ctx.now,
    )
    ctx.tx.insert_source(source)
    tags = params.get("Tags") or []
    if tags:
        ctx.tx.put_tags(source.arn, {tag["Key"]: tag["Value"] for tag in tags})
    return source


def describe_sources(
    ctx: RequestContext,
    refs: list[str] | None,
    filters: list[dict[str, Any]],
    page_size: int | None,
    token: str | None,
    owner: str | None = None,
) -> tuple[list[SourceNumberRecord], str | None]:
    """DescribePhoneNumbers: the numbers named (or all), those meeting every filter, a page."""
    if refs and owner is not None:
        # The API reference: "The Owner and PhoneNumberIds parameters can't be used at the
        # same time."
        raise validation_exception(
            "Owner: cannot be used together with PhoneNumberIds",
            "PARAMETERS_CANNOT_BE_USED_TOGETHER",
        )
    if refs:
        sources = [find_source(ctx, ref) for ref in refs]
    elif owner in (None, OWNER_SELF):
        sources = ctx.tx.sources(ctx.account, ctx.region)
    else:
        sources = []
    sources = matching(sources, filters)
    start = 0
    if token is not None:
        try:
            start = int(base64.urlsafe_b64decode(token.encode()).decode())
        except (ValueError, UnicodeDecodeError, binascii.Error) as exc:
            raise validation_exception("NextToken: invalid", "INVALID_NEXT_TOKEN") from exc
    limit = page_size or DEFAULT_PAGE_SIZE
    more = start + limit < len(sources)
    next_token = base64.urlsafe_b64encode(str(start + limit).encode()).decode() if more else None
    return sources[start : start + limit], next_token


def tags_of(ctx: RequestContext, resource_arn: str) -> list[dict[str, str]]:
    """ListTagsForResource of a phone number (the only End User Messaging resource here)."""
    parsed = parse_arn(resource_arn)
    if parsed is None or parsed.service != "sms-voice":
        raise validation_exception(
            f"ResourceArn: '{resource_arn}' is not an End User Messaging ARN", "INVALID_ARN"
        )
    if parsed.resource_type != "phone-number":
        raise ApiError(
            "ResourceNotFoundException",
            f"Resource {resource_arn} not found",
            ResourceType=parsed.resource_type,
            ResourceId=parsed.resource_id,
        )
    source = find_source(ctx, resource_arn)
    tags = ctx.tx.tags(source.arn)
    return [{"Key": key, "Value": value} for key, value in sorted(tags.items())]


def release_source(ctx: RequestContext, ref: str) -> SourceNumberRecord:
    source = find_source(ctx, ref)
    if source.deletion_protection:
        raise ApiError(
            "ConflictException",
            f"Phone number {source.id} has deletion protection enabled",
            Reason="DELETION_PROTECTION_ENABLED",
            ResourceType="phone-number",
            ResourceId=source.id,
        )
    holder = next((n for n in ctx.tx.numbers(source_arn=source.arn) if is_active(n)), None)
    if holder is not None:
        raise ApiError(
            "ConflictException",
            f"Phone number {source.id} is imported into Amazon Connect as {holder.id}; "
            "release it there first",
            Reason="RESOURCE_DELETION_NOT_ALLOWED",
            ResourceType="phone-number",
            ResourceId=source.id,
        )
    ctx.tx.delete_source(source.id)
    return source
