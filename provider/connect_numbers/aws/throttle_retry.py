"""Riding out throttling until a resource's deadline, past botocore's own retries."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from connect_numbers.errors import ThrottledError
from connect_numbers.pacing.budgets import PacedPastDeadlineError
from connect_numbers.pacing.call_plan import deadline_of_calls
from connect_numbers.pacing.waiter import (
    Backoff,
    Clock,
    DeadlineExceeded,
    Done,
    Pending,
    wait_until,
)

# How long one call keeps going through throttling after botocore's own retries give up, when
# the caller gives no deadline of its own.
DEFAULT_RETRY_SECONDS = 300.0

T = TypeVar("T")


@dataclass(frozen=True)
class ThrottleRetry:
    """Calls again while Connect throttles, until a deadline, and hands the deadline to pacing.

    Why: botocore's retry quota is shared by the whole client, so when hundreds of numbers are
    refreshed or imported at once the quota can run dry and a throttled call fails at once. Our
    calls are idempotent (reads, or writes with a ClientToken that the retry reuses), so waiting
    with backoff and calling again is safe; only a call still throttled at the deadline fails.
    The deadline is the resource's: `deadline` if given, else `timeout` seconds after the call
    starts. Pacing (`call_plan`) does not send a call whose turn comes after it.
    """

    clock: Clock = field(default_factory=Clock)
    backoff: Backoff = field(default_factory=Backoff)
    timeout: float = DEFAULT_RETRY_SECONDS
    deadline: float | None = None

    def run(self, call: Callable[[], T]) -> T:
        last: list[ThrottledError] = []
        start = self.clock.now()
        ends = [start + self.timeout] + ([self.deadline] if self.deadline is not None else [])
        deadline = min(ends)
        # timeout 0, no deadline: one call (botocore retries only), sent whenever its turn comes.
        turn_by = None if self.timeout <= 0 and self.deadline is None else deadline

        def attempt() -> Done[T] | Pending:
            try:
                with deadline_of_calls(turn_by, self.clock.now):
                    return Done(call())
            except PacedPastDeadlineError:
                raise  # waiting longer cannot help
            except ThrottledError as err:
                last.append(err)
                return Pending("throttled")

        try:
            return wait_until(
                attempt, deadline=deadline, clock=self.clock, backoff=self.backoff, poll_first=True
            )
        except DeadlineExceeded:
            raise last[-1] from None
