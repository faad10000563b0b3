"""The waiter's schedule and deadline, with an injected clock (no real time passes)."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field

import pytest
from hypothesis import given
from hypothesis import strategies as st

from connect_numbers.pacing.waiter import (
    Backoff,
    DeadlineExceeded,
    Done,
    Pending,
    Step,
    WaitLog,
    wait_until,
)

from .fakes import FakeClock


def pending_then_done(pending: int) -> object:
    answers: list[Done[str] | Pending] = [Pending() for _ in range(pending)] + [Done("ok")]
    return lambda: answers.pop(0)


def test_ceilings_double_from_four_seconds_up_to_the_ten_second_cap() -> None:
    backoff = Backoff()
    assert [backoff.ceiling(n) for n in range(5)] == [4.0, 8.0, 10.0, 10.0, 10.0]


def test_equal_jitter_draws_between_half_the_ceiling_and_the_ceiling() -> None:
    clock = FakeClock(draws=[1.0, 1.0, 1.0, 1.0, 0.5, 0.0])
    value = wait_until(pending_then_done(5), timeout=600, clock=clock.as_clock())  # type: ignore[arg-type]
    assert value == "ok"
    assert clock.sleeps == [4.0, 8.0, 10.0, 10.0, 7.5, 5.0]


def test_full_jitter_remains_available_and_scales_the_ceiling_by_the_draw() -> None:
    clock = FakeClock(draws=[1.0, 0.25])
    backoff = Backoff(jitter="full")
    wait_until(pending_then_done(1), timeout=600, clock=clock.as_clock(), backoff=backoff)  # type: ignore[arg-type]
    assert clock.sleeps == [4.0, 2.0]


def test_a_full_jitter_draw_near_zero_still_waits_the_floor() -> None:
    clock = FakeClock(draws=[0.0])
    backoff = Backoff(jitter="full")
    wait_until(pending_then_done(0), timeout=600, clock=clock.as_clock(), backoff=backoff)  # type: ignore[arg-type]
    assert clock.sleeps == [0.1]


def test_the_last_sleep_is_cut_so_the_final_poll_happens_at_the_deadline() -> None:
    clock = FakeClock(default_draw=1.0)
    log = WaitLog()
    with pytest.raises(DeadlineExceeded) as caught:
        wait_until(lambda: Pending("IN_PROGRESS"), timeout=10, clock=clock.as_clock(), log=log)
    assert clock.sleeps == [4.0, 6.0]
    assert log.polls == 2
    assert caught.value.waited == 10.0
    assert caught.value.last.state == "IN_PROGRESS"


def test_time_spent_inside_polls_counts_against_the_deadline() -> None:
    clock = FakeClock(default_draw=1.0)

    def slow_poll() -> Pending:
        clock.now_value += 5.0  # a slow DescribePhoneNumber
        return Pending()

    with pytest.raises(DeadlineExceeded):
        wait_until(slow_poll, timeout=10, clock=clock.as_clock())
    assert clock.sleeps == [4.0, 1.0]


def test_poll_first_returns_without_sleeping_when_already_done() -> None:
    clock = FakeClock()
    assert wait_until(lambda: Done(1), timeout=5, clock=clock.as_clock(), poll_first=True) == 1
    assert clock.sleeps == []


def test_without_poll_first_the_first_poll_comes_after_a_sleep() -> None:
    clock = FakeClock()
    calls: list[float] = []

    def poll() -> Done[int]:
        calls.append(clock.now_value)
        return Done(1)

    wait_until(poll, timeout=5, clock=clock.as_clock())
    assert clock.sleeps == [3.0] and calls == [1003.0]


def test_huge_attempt_numbers_stay_at_the_cap() -> None:
    assert Backoff().ceiling(10_000) == 10.0


@given(
    timeout=st.floats(min_value=0.5, max_value=3600),
    draws=st.lists(st.floats(min_value=0, max_value=0.999), min_size=1, max_size=50),
)
def test_delays_never_exceed_the_cap_and_total_sleep_never_exceeds_the_deadline(
    timeout: float, draws: list[float]
) -> None:
    clock = FakeClock(draws=list(draws))
    with pytest.raises(DeadlineExceeded):
        wait_until(lambda: Pending(), timeout=timeout, clock=clock.as_clock())
    assert all(0 < d <= 10.0 for d in clock.sleeps)
    assert sum(clock.sleeps) == pytest.approx(timeout)


def test_a_deadline_ends_the_wait_like_a_timeout_from_now() -> None:
    clock = FakeClock(default_draw=1.0)
    with pytest.raises(DeadlineExceeded):
        wait_until(lambda: Pending(), deadline=clock.now_value + 10, clock=clock.as_clock())
    assert clock.sleeps == [4.0, 6.0]


def test_the_earlier_of_deadline_and_timeout_ends_the_wait() -> None:
    clock = FakeClock(default_draw=1.0)
    with pytest.raises(DeadlineExceeded):
        wait_until(
            lambda: Pending(), timeout=100, deadline=clock.now_value + 5, clock=clock.as_clock()
        )
    assert clock.sleeps == [4.0, 1.0]


def test_a_wait_without_timeout_or_deadline_is_refused() -> None:
    with pytest.raises(ValueError, match="timeout or a deadline"):
        wait_until(lambda: Done(1), clock=FakeClock().as_clock())


@dataclass
class ScriptedSchedule:
    steps: list[Step]
    seen: list[tuple[int, float]] = field(default_factory=list)
    finished: int = 0

    def next_step(self, polls: int, now: float, draw: float) -> Step:
        self.seen.append((polls, now))
        return self.steps.pop(0)

    def finish(self) -> None:
        self.finished += 1


def test_a_schedule_replaces_the_backoff_and_sees_polls_and_time() -> None:
    clock = FakeClock()
    schedule = ScriptedSchedule([Step(1.5), Step(0.25)])
    wait_until(pending_then_done(1), timeout=60, clock=clock.as_clock(), schedule=schedule)  # type: ignore[arg-type]
    assert clock.sleeps == [1.5, 0.25]
    assert schedule.seen == [(0, 1000.0), (1, 1001.5)]


def test_a_hold_step_sleeps_without_polling() -> None:
    clock = FakeClock()
    polls: list[float] = []

    def poll() -> Done[int]:
        polls.append(clock.now_value)
        return Done(1)

    schedule = ScriptedSchedule([Step(0.2, poll=False), Step(0.2, poll=False), Step(1.0)])
    wait_until(poll, timeout=60, clock=clock.as_clock(), schedule=schedule)
    assert polls == [pytest.approx(1001.4)]
    assert [polls for polls, _ in schedule.seen] == [0, 0, 0]


def test_a_hold_that_reaches_the_deadline_still_polls_once_there() -> None:
    clock = FakeClock()
    log = WaitLog()
    schedule = ScriptedSchedule([Step(5.0, poll=False)])
    with pytest.raises(DeadlineExceeded):
        wait_until(lambda: Pending(), timeout=3, clock=clock.as_clock(), schedule=schedule, log=log)
    assert log.polls == 1


@pytest.mark.parametrize("outcome", ["done", "deadline", "error"])
def test_the_schedule_is_told_when_the_wait_ends_however_it_ends(outcome: str) -> None:
    def poll() -> Done[int] | Pending:
        if outcome == "error":
            raise RuntimeError("boom")
        return Done(1) if outcome == "done" else Pending()

    schedule = ScriptedSchedule([Step(1.0), Step(1.0), Step(1.0)])
    with contextlib.suppress(RuntimeError, DeadlineExceeded):
        wait_until(poll, timeout=2, clock=FakeClock().as_clock(), schedule=schedule)
    assert schedule.finished == 1
