"""ListPhoneNumbersV2: which numbers a request sees, in creation order, a page at a time."""

from __future__ import annotations

from dataclasses import dataclass

from connect_local_service.domain.phone_number_lifecycle import is_active
from connect_local_service.domain.records import PhoneNumberRecord
from connect_local_service.domain.resource_lookup import find_instance
from connect_local_service.server.request_context import RequestContext
from connect_local_service.wire.api_errors import invalid_parameter
from connect_local_service.wire.page_tokens import decode_page_token, encode_page_token

DEFAULT_PAGE_SIZE = 100


@dataclass(frozen=True)
class NumberFilter:
    target_arn: str | None = None
    instance_ref: str | None = None
    country_codes: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    prefix: str | None = None


def _matches(number: PhoneNumberRecord, wanted: NumberFilter, instance_id: str | None) -> bool:
    if not is_active(number):
        return False
    if instance_id is not None and number.instance_id != instance_id:
        return False
    if wanted.target_arn is not None and number.target_arn != wanted.target_arn:
        return False
    if wanted.country_codes and number.country_code not in wanted.country_codes:
        return False
    if wanted.types and number.number_type not in wanted.types:
        return False
    if wanted.prefix:
        prefix = wanted.prefix if wanted.prefix.startswith("+") else "+" + wanted.prefix
        return number.phone_number.startswith(prefix)
    return True


def list_numbers(
    ctx: RequestContext, wanted: NumberFilter, page_size: int | None, token: str | None
) -> tuple[list[PhoneNumberRecord], str | None]:
    """One page of active numbers and the token of the next page (None on the last)."""
    if wanted.target_arn is not None and wanted.instance_ref is not None:
        raise invalid_parameter("TargetArn", "specify at most one of TargetArn and InstanceId")
    instance_id = None
    if wanted.instance_ref is not None:
        instance_id = find_instance(ctx, "InstanceId", wanted.instance_ref).id
    after = 0 if token is None else decode_page_token(token)
    if after is None:
        raise invalid_parameter("NextToken", "is not a token this service issued")
    limit = page_size or DEFAULT_PAGE_SIZE
    numbers = [
        number
        for number in ctx.tx.numbers(ctx.account, ctx.region)
        if number.seq > after and _matches(number, wanted, instance_id)
    ]
    page = numbers[:limit]
    more = len(numbers) > limit
    return page, encode_page_token(page[-1].seq) if more else None
