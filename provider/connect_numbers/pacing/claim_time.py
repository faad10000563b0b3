"""How long imports take to be claimed, learned from the numbers this process already imported.

Why: an import is never claimed at once, and a poll before the claim is a wasted call from the
DescribePhoneNumber budget that every number of the run shares. The numbers of one `pulumi up`
go to the same account, Region and instance, so the first claims tell when the next ones will
be done. Each number's first poll is aimed at that estimate.

- No sample yet: the oldest waiting number polls on the waiter's usual schedule and the others
  hold their polls, so one number pays for what everyone needs to know (a follower polls anyway
  once it has waited HOLD_LIMIT seconds, should the oldest one be stuck).
- First sample: the time from the import's answer to the first answer that showed it CLAIMED.
- After that the estimate tracks the QUANTILE of claim times: it shrinks a little (by a factor
  exp(-STEP * (1 - QUANTILE))) each time an aimed poll finds the number claimed, and grows
  (by exp(STEP * QUANTILE)) each time an aimed poll finds it still in progress. In balance, about
  QUANTILE of the aimed polls find the number claimed. Answers that carry no news change
  nothing: a claim seen more than ON_TIME after the aim (the poll queued behind the budget), a
  miss at an older aim that the estimate has already passed.
- A missed aim is followed up soon, then less often (`follow_up`), until the deadline.
"""

from __future__ import annotations

import math
import threading
from dataclasses import dataclass

from connect_numbers.pacing.waiter import Backoff, Clock, Step
from connect_numbers.workflows.phone_number import Status

QUANTILE = 0.95
STEP = 0.2
HOLD_CHECK = 0.2
HOLD_LIMIT = 60.0
# An aimed poll answered this late after its aim still counts as made at the aim.
ON_TIME = 0.5
FIRST_SCHEDULE = Backoff()


def follow_up(estimate: float) -> Backoff:
    """The schedule after a missed aim: the next look after a quarter of the estimate or so."""
    return Backoff(first=max(1.0, estimate / 4))


@dataclass
class _Import:
    imported_at: float
    waiting: bool = False  # a wait follows this number now
    settled: bool = False
    aim: float | None = None  # the estimate its aimed poll used
    polls_at_aim: int = 0
    aim_answered: bool = False


class ClaimTimes:
    """The shared estimate, and the numbers of this process that wait for their claim.

    Instants come from the callers (the waiter's and the API's clock, one clock in a process);
    `clock` serves callers that give none.
    """

    def __init__(self, clock: Clock | None = None) -> None:
        self.clock = clock or Clock()
        self._lock = threading.Lock()
        self._estimate: float | None = None
        self._numbers: dict[str, _Import] = {}

    @property
    def estimate(self) -> float | None:
        return self._estimate

    def imported(self, phone_number_id: str, now: float | None = None) -> None:
        """ImportPhoneNumber answered with this id (at `now`, an instant of the caller's clock)."""
        with self._lock:
            self._numbers[phone_number_id] = _Import(self.clock.now() if now is None else now)

    def schedule(self, phone_number_id: str) -> ClaimSchedule:
        """The schedule of the wait for this number's claim (ends with `finish`)."""
        with self._lock:
            number = self._numbers.get(phone_number_id)
            if number is not None:
                number.waiting = True
        return ClaimSchedule(self, phone_number_id)

    def answered(
        self, phone_number_id: str, status: Status | None, now: float | None = None
    ) -> None:
        """DescribePhoneNumber answered `status` (None: the number is gone) at `now`."""
        with self._lock:
            number = self._numbers.get(phone_number_id)
            if number is None or number.settled:
                return
            elapsed = (self.clock.now() if now is None else now) - number.imported_at
            aimed = number.aim is not None and not number.aim_answered
            if aimed:
                number.aim_answered = True
            if status is Status.IN_PROGRESS:
                if aimed and self._estimate is not None and elapsed >= self._estimate:
                    self._estimate *= math.exp(STEP * QUANTILE)
                return
            number.settled = True
            if status is not Status.CLAIMED:
                return
            if self._estimate is None:
                self._estimate = elapsed
            elif aimed and number.aim is not None and elapsed <= number.aim + ON_TIME:
                self._estimate *= math.exp(-STEP * (1 - QUANTILE))

    def forget(self, phone_number_id: str) -> None:
        with self._lock:
            self._numbers.pop(phone_number_id, None)

    def _is_oldest_waiting(self, phone_number_id: str) -> bool:
        for key, number in self._numbers.items():  # in import order
            if number.waiting and not number.settled:
                return key == phone_number_id
        return True

    def step(self, phone_number_id: str, polls: int, now: float, draw: float) -> Step:
        with self._lock:
            number = self._numbers.get(phone_number_id)
            if number is None:
                return FIRST_SCHEDULE.next_step(polls, now, draw)
            elapsed = now - number.imported_at
            estimate = self._estimate
            if estimate is None:
                if self._is_oldest_waiting(phone_number_id) or elapsed >= HOLD_LIMIT:
                    return FIRST_SCHEDULE.next_step(polls, now, draw)
                return Step(min(HOLD_CHECK, HOLD_LIMIT - elapsed), poll=False)
            if number.aim is None:
                number.aim = estimate
                number.polls_at_aim = polls
                return Step(max(0.0, estimate - elapsed))
            return Step(follow_up(number.aim).delay(polls - number.polls_at_aim - 1, draw))


class ClaimSchedule:
    """`waiter.Schedule` of one number's wait for its claim."""

    def __init__(self, times: ClaimTimes, phone_number_id: str) -> None:
        self._times = times
        self._id = phone_number_id

    def next_step(self, polls: int, now: float, draw: float) -> Step:
        return self._times.step(self._id, polls, now, draw)

    def finish(self) -> None:
        self._times.forget(self._id)
