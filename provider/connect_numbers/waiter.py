"""Polling until a condition holds: exponential backoff, jitter, a cap and a deadline.

Why this schedule: the ceiling before poll n is min(cap, first * 2**n) with first=4 s and
cap=10 s, and the delay is drawn in [ceiling/2, ceiling] ("equal jitter"). An import is never
claimed the instant it is requested, so the first look comes after 2-4 s rather than a wasted
look after a fraction of a second; once capped, polls come every 5-10 s (about 8 a minute).

Measured side by side (bench/, claim delays log-uniform from 1 s to 10 min), this detects a claim
about 3.5 s after it happens on average with about 13.5 DescribePhoneNumber calls, against
Terraform's 3.8 s and 16 calls (100 ms doubling to a 10 s cap); full jitter with the same
ceilings detects sooner (3.1 s) but needs about 20 calls, because its short draws are wasted
polls. At equal call rates a renewal process with delays uniform in [c/2, c] has a mean residual
of 7c/18 against c/3 for [0, c] at a higher rate, so equal jitter is the better trade here, while
still spreading the polls of many numbers created at once (`jitter="full"` remains available).

Time, sleep and randomness are injected, so tests assert the exact schedule without waiting.
The last sleep is shortened so that one final poll happens exactly at the deadline.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Generic, Literal, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Backoff:
    first: float = 4.0
    factor: float = 2.0
    cap: float = 10.0
    floor: float = 0.1
    jitter: Literal["equal", "full"] = "equal"

    def ceiling(self, attempt: int) -> float:
        """Upper bound of the delay before poll number `attempt` (0-based)."""
        # Far past the cap anyway; stops factor**attempt from overflowing a float.
        if attempt >= 64:
            return self.cap
        return min(self.cap, self.first * self.factor**attempt)

    def delay(self, attempt: int, draw: float) -> float:
        """`draw` in [0, 1) picks the delay: in [c/2, c] (equal jitter) or [0, c] (full)."""
        ceiling = self.ceiling(attempt)
        share = draw if self.jitter == "full" else 0.5 + 0.5 * draw
        return max(self.floor, share * ceiling)


@dataclass(frozen=True)
class Clock:
    """The waiter's view of time; replace all three in tests."""

    now: Callable[[], float] = time.monotonic
    sleep: Callable[[float], None] = time.sleep
    draw: Callable[[], float] = random.random


@dataclass(frozen=True)
class Done(Generic[T]):
    value: T


@dataclass(frozen=True)
class Pending:
    """Not there yet; `state` names what is awaited, for the timeout message."""

    state: str = "IN_PROGRESS"


class DeadlineExceeded(Exception):
    """Raised by `wait_until` with the time waited and the last pending state."""

    def __init__(self, waited: float, last: Pending) -> None:
        super().__init__(f"still {last.state} after {waited:.1f} s")
        self.waited = waited
        self.last = last


@dataclass
class WaitLog:
    """What a wait did; tests and benchmarks read it."""

    delays: list[float] = field(default_factory=list)
    polls: int = 0


def wait_until(
    poll: Callable[[], Done[T] | Pending],
    *,
    timeout: float,
    clock: Clock | None = None,
    backoff: Backoff | None = None,
    poll_first: bool = False,
    log: WaitLog | None = None,
) -> T:
    """Call `poll` until it returns Done, sleeping by `backoff`, for at most `timeout` seconds.

    `poll_first` polls before the first sleep; use it when nothing was just changed (read,
    delete), and leave it off right after a mutating call, whose result is never immediate.
    """
    clock = clock or Clock()
    backoff = backoff or Backoff()
    log = log if log is not None else WaitLog()
    start = clock.now()
    deadline = start + timeout
    attempt = 0
    if poll_first:
        result = poll()
        log.polls += 1
        if isinstance(result, Done):
            return result.value
    last = Pending()
    while True:
        remaining = deadline - clock.now()
        if remaining <= 0:
            raise DeadlineExceeded(clock.now() - start, last)
        delay = min(backoff.delay(attempt, clock.draw()), remaining)
        log.delays.append(delay)
        clock.sleep(delay)
        attempt += 1
        result = poll()
        log.polls += 1
        if isinstance(result, Done):
            return result.value
        last = result
