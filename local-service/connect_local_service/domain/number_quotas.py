"""The quotas an import must pass: active numbers and the 180-day release rule.

From the ImportPhoneNumber reference: with a quota of Q numbers you may claim or import, and
release, up to 200% of Q in a rolling window; beyond that, imports are refused until the oldest
release leaves the window. Imports and releases are recorded as quota events for that rule.
"""

from __future__ import annotations

from connect_local_service.domain.phone_number_lifecycle import is_active
from connect_local_service.domain.records import QuotaEvent
from connect_local_service.server.request_context import RequestContext
from connect_local_service.wire.api_errors import ApiError

DAY = 86_400.0


def record_quota_event(ctx: RequestContext, kind: str, phone_number_id: str) -> None:
    ctx.tx.add_quota_event(QuotaEvent(kind, phone_number_id, ctx.now, ctx.account, ctx.region))


def check_import_quota(ctx: RequestContext) -> None:
    """Refuses the import (ServiceQuotaExceededException) when a quota is reached."""
    quota = ctx.settings.quota_max_active_numbers
    days = ctx.settings.quota_window_days
    releases = ctx.tx.quota_events(ctx.account, ctx.region, "release", ctx.now - days * DAY)
    if len(releases) >= 2 * quota:
        raise ApiError(
            "ServiceQuotaExceededException",
            f"Phone number release quota exceeded: {len(releases)} phone numbers were released "
            f"in the last {days:g} days, which reaches 200% of the quota of {quota} active phone "
            f"numbers. Claiming and importing are blocked until {days:g} days after the oldest "
            "of those releases.",
        )
    active = sum(1 for n in ctx.tx.numbers(ctx.account, ctx.region) if is_active(n))
    if active >= quota:
        raise ApiError(
            "ServiceQuotaExceededException",
            f"The account already has {active} active phone numbers, the maximum allowed by its "
            f"quota of {quota}.",
        )


def instance_quota_problem(ctx: RequestContext, instance_id: str) -> str | None:
    """Why an import into `instance_id` must end FAILED under "Phone numbers per instance".

    Service Quotas lists this quota per instance. As for claims, Connect does not refuse the
    call: the number is accepted and ends FAILED with this message (at most 255 characters).
    """
    quota = ctx.settings.phone_numbers_per_instance
    if quota is None:
        return None
    held = sum(1 for n in ctx.tx.numbers(instance_id=instance_id) if is_active(n))
    if held < quota:
        return None
    return (
        f"Phone numbers per instance quota reached: instance {instance_id} already has {held} "
        f"phone numbers (quota {quota}). Release one, or request a quota increase in Service "
        "Quotas."
    )
