"""Client-side pacing: when each call of the process may be sent, on a fake clock."""

from __future__ import annotations

import pytest

from connect_numbers.errors import ThrottledError
from connect_numbers.pacing.budgets import Budget, Budgets, PacedPastDeadlineError, Pacer
from connect_numbers.pacing.waiter import Clock

from .fakes import FakeClock


def send_times(pacer: Pacer, clock: FakeClock, operation: str, count: int) -> list[float]:
    """One thread calling `count` times in a row: the instants its calls leave."""
    times = []
    for _ in range(count):
        pacer.wait_turn(operation)
        times.append(round(clock.now_value - 1000.0, 3))
    return times


def test_by_default_every_operation_gets_connects_documented_two_per_second_burst_five() -> None:
    budgets = Budgets()
    assert budgets.of("ImportPhoneNumber") == Budget(rate=2.0, burst=5.0)
    assert budgets.of("DescribePhoneNumber") == Budget(rate=2.0, burst=5.0)


def test_a_burst_leaves_at_once_keeping_one_token_spare_then_calls_leave_at_the_rate() -> None:
    clock = FakeClock()
    pacer = Pacer(Budgets(), clock.as_clock())
    assert send_times(pacer, clock, "ImportPhoneNumber", 7) == [0, 0, 0, 0, 0.5, 1.0, 1.5]


def test_each_operation_has_its_own_budget() -> None:
    clock = FakeClock()
    pacer = Pacer(Budgets(), clock.as_clock())
    send_times(pacer, clock, "ImportPhoneNumber", 4)
    assert send_times(pacer, clock, "DescribePhoneNumber", 4) == [0, 0, 0, 0]


def test_a_per_operation_budget_overrides_the_default() -> None:
    clock = FakeClock()
    budgets = Budgets.of_map(Budget(2, 5), {"DescribePhoneNumber": Budget(rate=10, burst=2)})
    pacer = Pacer(budgets, clock.as_clock())
    assert send_times(pacer, clock, "DescribePhoneNumber", 3) == [0, 0.1, 0.2]


def test_calls_that_queue_are_sent_in_the_order_they_asked() -> None:
    sleeps: list[float] = []
    # Seven threads ask at the same instant (time stands still); each gets the next slot.
    pacer = Pacer(Budgets(), Clock(now=lambda: 1000.0, sleep=sleeps.append))
    for _ in range(7):
        pacer.wait_turn("DescribePhoneNumber")
    assert sleeps == [0.5, 1.0, 1.5]


def test_a_throttled_answer_halves_the_rate_for_every_caller_of_that_operation() -> None:
    clock = FakeClock()
    pacer = Pacer(Budgets(), clock.as_clock())
    send_times(pacer, clock, "DescribePhoneNumber", 2)
    pacer.throttled("DescribePhoneNumber")
    # The burst left is dropped and tokens come at 1/s instead of 2/s, then a little faster.
    assert send_times(pacer, clock, "DescribePhoneNumber", 2) == [1.0, 1.833]
    assert send_times(pacer, clock, "ImportPhoneNumber", 2) == [1.833, 1.833]
    assert pacer.throttled_answers == 1


def test_the_rate_grows_back_to_the_budget_after_a_quiet_spell() -> None:
    clock = FakeClock()
    pacer = Pacer(Budgets(), clock.as_clock())
    pacer.throttled("DescribePhoneNumber")
    clock.sleep(30.0)
    start = clock.now_value
    times = send_times(pacer, clock, "DescribePhoneNumber", 6)
    assert [round(t - (start - 1000.0), 3) for t in times] == [0, 0, 0, 0, 0.5, 1.0]


def test_a_call_whose_turn_comes_after_its_deadline_fails_at_once_and_gives_its_turn_back() -> None:
    clock = FakeClock()
    pacer = Pacer(Budgets(), clock.as_clock())
    send_times(pacer, clock, "ImportPhoneNumber", 4)
    with pytest.raises(PacedPastDeadlineError) as caught:
        pacer.wait_turn("ImportPhoneNumber", deadline=clock.now_value + 0.2)
    assert clock.sleeps == []
    assert isinstance(caught.value, ThrottledError)
    assert "after this resource's deadline" in str(caught.value)
    assert "connect-numbers:apiRateLimit" in str(caught.value)
    assert send_times(pacer, clock, "ImportPhoneNumber", 1) == [0.5]


def test_a_call_whose_turn_comes_before_its_deadline_waits_for_it() -> None:
    clock = FakeClock()
    pacer = Pacer(Budgets(), clock.as_clock())
    send_times(pacer, clock, "ImportPhoneNumber", 4)
    pacer.wait_turn("ImportPhoneNumber", deadline=clock.now_value + 0.5)
    assert clock.sleeps == [0.5]


def test_a_budget_with_a_burst_of_one_still_sends() -> None:
    clock = FakeClock()
    pacer = Pacer(Budgets(Budget(rate=1, burst=1)), clock.as_clock())
    assert send_times(pacer, clock, "TagResource", 3) == [0, 1.0, 2.0]
