"""Polling until a condition holds: exponential backoff, full jitter, a cap and a deadline.

Why this schedule: the delay before poll n is uniform in [0, min(cap, first * 2**n)] (full
jitter) with first=2 s and cap=15 s. The first check then comes after about 1 s on average, so a
number that is claimed quickly is seen quickly; the ceiling doubles so a slow import costs few
DescribePhoneNumber calls (about 8 a minute once capped, against Terraform's 100 ms doubling to
10 s, which spends many early calls, and CloudFormation's constant 30 s, which adds up to 30 s of
detection delay). Jitter spreads the polls of many numbers created in parallel, which share one
client and one Connect rate limit, instead of polling in lockstep. A small floor avoids busy
loops when the random draw is near zero. The last sleep is shortened so that one final poll
happens exactly at the deadline.

Time, sleep and randomness are injected, so tests assert the exact schedule without waiting.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Backoff:
    first: float = 2.0
    factor: float = 2.0
    cap: float = 15.0
    floor: float = 0.1

    def ceiling(self, attempt: int) -> float:
        """Upper bound of the delay before poll number `attempt` (0-based)."""
        # Far past the cap anyway; stops factor**attempt from overflowing a float.
        if attempt >= 64:
            return self.cap
        return min(self.cap, self.first * self.factor**attempt)

    def delay(self, attempt: int, draw: float) -> float:
        """Full jitter: `draw` in [0, 1) scales the ceiling."""
        return max(self.floor, draw * self.ceiling(attempt))


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
