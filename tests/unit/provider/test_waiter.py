"""The waiter's schedule and deadline, with an injected clock (no real time passes)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from connect_numbers.waiter import (
    Backoff,
    DeadlineExceeded,
    Done,
    Pending,
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
