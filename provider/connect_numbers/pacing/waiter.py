"""Polling until a condition holds: exponential backoff, jitter, a cap and a deadline.

Why this schedule: the ceiling before poll n is min(cap, first * 2**n) with first=4 s and
cap=10 s, and the delay is drawn in [ceiling/2, ceiling] ("equal jitter"). An import is never
claimed the instant it is requested, so the first look comes after 2-4 s rather than a wasted
look after a fraction of a second; once capped, polls come every 5-10 s (about 8 a minute).

Equal jitter rather than full jitter: at equal call rates a renewal process with delays uniform
in [c/2, c] has a mean residual of 7c/18 against c/3 for [0, c] at a higher rate, so it detects
almost as soon with fewer wasted polls, while still spreading the polls of many numbers created
at once (`jitter="full"` remains available). docs/benchmarks.md compares it with other tools.

A wait may follow another `Schedule` than `Backoff`: the wait after an import aims its first
poll at the claim time learned in this process (see `claim_time`). A schedule may also ask the
waiter to hold (sleep without polling) while it learns what the answer will be.

Time, sleep and randomness are injected, so tests assert the exact schedule without waiting.
The last sleep is shortened so that one final poll happens exactly at the deadline.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Generic, Literal, Protocol, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Step:
    """What a schedule wants next: sleep `seconds`, then poll (or, when holding, ask again)."""

    seconds: float
    poll: bool = True


class Schedule(Protocol):
    def next_step(self, polls: int, now: float, draw: float) -> Step:
        """The step after `polls` polls so far; `draw` in [0, 1) is the jitter source."""
        ...

    def finish(self) -> None:
        """The wait is over, however it ended."""
        ...


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

    def next_step(self, polls: int, now: float, draw: float) -> Step:
        return Step(self.delay(polls, draw))

    def finish(self) -> None:
        return None


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
    timeout: float | None = None,
    deadline: float | None = None,
    clock: Clock | None = None,
    backoff: Backoff | None = None,
    schedule: Schedule | None = None,
    poll_first: bool = False,
    log: WaitLog | None = None,
) -> T:
    """Call `poll` until it returns Done, sleeping by `schedule` (default `backoff`).

    The wait ends at `deadline` (an instant of `clock.now()`) or `timeout` seconds from now,
    whichever comes first; give at least one. `poll_first` polls before the first sleep; use it
    when nothing was just changed (read, delete), and leave it off right after a mutating call,
    whose result is never immediate.
    """
    # One loop, kept whole so the deadline arithmetic reads in one place (hence over 40 lines).
    clock = clock or Clock()
    plan: Schedule = schedule or backoff or Backoff()
    log = log if log is not None else WaitLog()
    start = clock.now()
    ends = [t for t in (deadline, None if timeout is None else start + timeout) if t is not None]
    if not ends:
        raise ValueError("wait_until needs a timeout or a deadline")
    end = min(ends)
    try:
        if poll_first:
            result = poll()
            log.polls += 1
            if isinstance(result, Done):
                return result.value
        last = Pending()
        polls = 0
        while True:
            remaining = end - clock.now()
            if remaining <= 0:
                raise DeadlineExceeded(clock.now() - start, last)
            step = plan.next_step(polls, clock.now(), clock.draw())
            delay = min(step.seconds, remaining)
            clock.sleep(delay)
            if not step.poll and delay < remaining:
                continue  # holding: ask the schedule again, unless this is the final poll
            log.delays.append(delay)
            polls += 1
            result = poll()
            log.polls += 1
            if isinstance(result, Done):
                return result.value
            last = result
    finally:
        plan.finish()
