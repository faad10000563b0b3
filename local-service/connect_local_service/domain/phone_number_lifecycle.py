"""The phone-number state machine: every status a number has and every move between them.

    import ──> IN_PROGRESS ──(claim time)──> CLAIMED or FAILED (decided at import)
    CLAIMED ──move──> IN_PROGRESS ──(claim time)──> CLAIMED
    CLAIMED or FAILED ──metadata update──> IN_PROGRESS ──(metadata delay)──> as it was
    CLAIMED or FAILED ──release──> RELEASING (shown as IN_PROGRESS) ──> gone (404)

A transition settles when its time on the service clock has come (`settle_due`, run before
every request) or, in describe-count mode, on the N-th DescribePhoneNumber (`observe`). Only
this module writes a number's status fields; operations call it and never set them.
"""

from __future__ import annotations

import dataclasses
import random

from connect_local_service.domain.records import PhoneNumberRecord
from connect_local_service.server.request_context import RequestContext
from connect_local_service.server.service_settings import LocalServiceSettings
from connect_local_service.store import Transaction
from connect_local_service.wire.api_errors import ApiError, invalid_parameter

IN_PROGRESS = "IN_PROGRESS"
CLAIMED = "CLAIMED"
FAILED = "FAILED"
# Stored while a release completes; Connect shows it as IN_PROGRESS.
RELEASING = "RELEASING"


def claim_time(settings: LocalServiceSettings) -> float:
    """How long this import or move takes: the configured delay, spread by the jitter."""
    spread = random.uniform(-settings.claim_jitter, settings.claim_jitter)
    return max(0.0, settings.claim_delay + spread)


def _pending(ctx: RequestContext, delay: float) -> tuple[float, int | None]:
    """(settle_at, describes_left) of a transition that starts now and takes `delay`."""
    return ctx.now + delay, ctx.settings.claim_after_describes


def is_active(number: PhoneNumberRecord) -> bool:
    """Claimed or on its way: holds its source, counts against quotas, is listed."""
    return number.status == CLAIMED or (number.status == IN_PROGRESS and number.outcome == CLAIMED)


def is_settled(number: PhoneNumberRecord) -> bool:
    return number.status not in (IN_PROGRESS, RELEASING)


def shown_status(number: PhoneNumberRecord) -> tuple[str, str | None]:
    """The status and message DescribePhoneNumber shows (a message only for FAILED)."""
    status = IN_PROGRESS if number.status == RELEASING else number.status
    return status, (number.message or None) if status == FAILED else None


def ensure_settled(number: PhoneNumberRecord, doing: str) -> None:
    if not is_settled(number):
        raise ApiError(
            "ResourceInUseException",
            f"Phone number {number.id} is IN_PROGRESS and cannot be {doing} until it settles",
            ResourceType="PHONE_NUMBER",
            ResourceId=number.id,
        )


def begin_import(
    ctx: RequestContext, number: PhoneNumberRecord, problem: str | None
) -> PhoneNumberRecord:
    """Stores a new number, IN_PROGRESS until it becomes FAILED (with `problem`) or CLAIMED."""
    settle_at, describes = _pending(ctx, claim_time(ctx.settings))
    started = dataclasses.replace(
        number,
        status=IN_PROGRESS,
        message=None,
        outcome=FAILED if problem else CLAIMED,
        outcome_message=problem,
        settle_at=settle_at,
        describes_left=describes,
    )
    return ctx.tx.insert_number(started)


def begin_move(
    ctx: RequestContext, number: PhoneNumberRecord, instance_id: str, target_arn: str
) -> PhoneNumberRecord:
    ensure_settled(number, "updated")
    if number.status == FAILED:
        raise invalid_parameter("PhoneNumberId", f"phone number {number.id} failed to import")
    settle_at, describes = _pending(ctx, claim_time(ctx.settings))
    moved = dataclasses.replace(
        number,
        instance_id=instance_id,
        target_arn=target_arn,
        status=IN_PROGRESS,
        message=None,
        outcome=CLAIMED,
        outcome_message=None,
        settle_at=settle_at,
        describes_left=describes,
    )
    ctx.tx.save_number(moved)
    return moved


def begin_metadata_update(
    ctx: RequestContext, number: PhoneNumberRecord, description: str | None
) -> PhoneNumberRecord:
    """IN_PROGRESS for `metadata_update_delay`, then back to the status it had.

    The API reference says a metadata update leaves the number IN_PROGRESS until it completes.
    The new description (`None`: unchanged) is stored at once, so it reads back during the
    update and after it.
    """
    ensure_settled(number, "updated")
    settle_at, describes = _pending(ctx, ctx.settings.metadata_update_delay)
    updated = dataclasses.replace(
        number,
        description=number.description if description is None else description,
        status=IN_PROGRESS,
        outcome=number.status,
        outcome_message=number.message,
        settle_at=settle_at,
        describes_left=describes,
    )
    ctx.tx.save_number(updated)
    return updated


def begin_release(ctx: RequestContext, number: PhoneNumberRecord) -> None:
    """RELEASING for `release_delay` (or N describes); with no delay at all, gone at once."""
    ensure_settled(number, "released")
    settle_at, describes = _pending(ctx, ctx.settings.release_delay)
    if describes is None and ctx.settings.release_delay <= 0:
        ctx.tx.delete_number(number.arn)
        return
    releasing = dataclasses.replace(
        number, status=RELEASING, settle_at=settle_at, describes_left=describes
    )
    ctx.tx.save_number(releasing)


def _settle(tx: Transaction, number: PhoneNumberRecord) -> PhoneNumberRecord | None:
    """Completes the number's transition; None when that was a release (it is gone)."""
    if number.status == RELEASING:
        tx.delete_number(number.arn)
        return None
    settled = dataclasses.replace(
        number,
        status=number.outcome or CLAIMED,
        message=number.outcome_message,
        settle_at=None,
        describes_left=None,
    )
    tx.save_number(settled)
    return settled


def settle_due(tx: Transaction, now: float) -> None:
    """Applies every clock-timed transition that is due; describe-counted ones wait for describes.

    Callers run it in a transaction of its own: a transition that is due has happened, whatever
    becomes of the request that noticed it (an error answer rolls back only the request's work).
    """
    for number in tx.numbers_settling_by(now):
        if not is_settled(number):
            _settle(tx, number)


def observe(tx: Transaction, number: PhoneNumberRecord) -> PhoneNumberRecord | None:
    """A DescribePhoneNumber of `number`: counts down a describe-counted transition.

    None when this describe completed a release (the caller answers 404).
    """
    if is_settled(number) or number.describes_left is None:
        return number
    left = number.describes_left - 1
    if left > 0:
        counted = dataclasses.replace(number, describes_left=left)
        tx.save_number(counted)
        return counted
    return _settle(tx, number)
