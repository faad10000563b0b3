"""Waiting for a phone number: the one place that polls DescribePhoneNumber.

Why: an import, a move and a release all finish some time after Connect accepts them, and a
number met IN_PROGRESS (an interrupted earlier change) must settle before it is changed again.
Every such wait is `wait_for_number` with a `Wait` that says what ends it (settled; settled or
gone; gone), whether to look before the first sleep, and what to tell the user at the deadline.
The schedule (backoff, jitter, deadline) is `waiter.wait_until`'s.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from connect_numbers.errors import (
    ConnectNumbersError,
    NotFoundError,
    ReleaseTimeoutError,
    ThrottledError,
    WaitTimeoutError,
)
from connect_numbers.pacing.waiter import DeadlineExceeded, Done, Pending, wait_until
from connect_numbers.workflows.context import WorkflowContext
from connect_numbers.workflows.phone_number import PhoneNumber, Status

T = TypeVar("T")


@dataclass(frozen=True)
class Wait(Generic[T]):
    """What one wait is for.

    `outcome` turns each answer (the number, or None once Connect no longer knows it) into Done
    or Pending; `timeout_error` is raised at the deadline. `poll_first` looks before the first
    sleep, for changes Connect applies at once (description, tags); after an import or a move
    the first answer is never final.
    """

    purpose: str
    outcome: Callable[[str, PhoneNumber | None], Done[T] | Pending]
    timeout_error: Callable[[str, float], ConnectNumbersError]
    poll_first: bool = False


def wait_for_number(ctx: WorkflowContext, phone_number_id: str, wait: Wait[T]) -> T:
    """Poll DescribePhoneNumber until `wait.outcome` is Done, or raise at the deadline."""

    def poll() -> Done[T] | Pending:
        try:
            number = ctx.api.describe(phone_number_id)
        except ThrottledError:
            # botocore already retried; one throttled poll must not abort a long wait.
            return Pending("throttled")
        return wait.outcome(phone_number_id, number)

    try:
        return wait_until(
            poll,
            timeout=ctx.timeout,
            deadline=ctx.deadline,
            clock=ctx.clock,
            backoff=ctx.backoff,
            # Right after an import, the first poll is aimed at the claim time learned so far.
            schedule=ctx.api.claim_schedule(phone_number_id) if wait.purpose == "import" else None,
            poll_first=wait.poll_first,
        )
    except DeadlineExceeded as timeout:
        raise wait.timeout_error(phone_number_id, timeout.waited) from None


def until_settled(
    purpose: str, activity: str, resume: str, *, poll_first: bool = False
) -> Wait[PhoneNumber]:
    """CLAIMED or FAILED; a number that disappears meanwhile is a NotFoundError."""

    def outcome(phone_number_id: str, number: PhoneNumber | None) -> Done[PhoneNumber] | Pending:
        if number is None:
            raise NotFoundError(
                "DescribePhoneNumber",
                "ResourceNotFoundException",
                f"phone number {phone_number_id} disappeared while {activity}",
            )
        return Pending(number.status.value) if number.status is Status.IN_PROGRESS else Done(number)

    return Wait(purpose, outcome, _timeout(activity, resume), poll_first)


def until_settled_or_gone(purpose: str, activity: str, resume: str) -> Wait[PhoneNumber | None]:
    """CLAIMED or FAILED, or None once gone (an interrupted release that has finished)."""

    def outcome(_: str, number: PhoneNumber | None) -> Done[PhoneNumber | None] | Pending:
        if number is not None and number.status is Status.IN_PROGRESS:
            return Pending(number.status.value)
        return Done(number)

    return Wait(purpose, outcome, _timeout(activity, resume))


def until_gone(purpose: str) -> Wait[None]:
    """Gone: DescribePhoneNumber no longer finds the number (after ReleasePhoneNumber)."""

    def outcome(_: str, number: PhoneNumber | None) -> Done[None] | Pending:
        return Done(None) if number is None else Pending("releasing")

    return Wait(purpose, outcome, ReleaseTimeoutError)


def _timeout(activity: str, resume: str) -> Callable[[str, float], ConnectNumbersError]:
    def error(phone_number_id: str, waited: float) -> ConnectNumbersError:
        return WaitTimeoutError(phone_number_id, activity, waited, resume)

    return error


def settled_or_gone(
    ctx: WorkflowContext, phone_number_id: str, wait: Wait[PhoneNumber | None]
) -> PhoneNumber | None:
    """The number once no change is in flight: described now, waited for only if IN_PROGRESS."""
    number = ctx.api.describe(phone_number_id)
    if number is None or number.status is not Status.IN_PROGRESS:
        return number
    return wait_for_number(ctx, phone_number_id, wait)
