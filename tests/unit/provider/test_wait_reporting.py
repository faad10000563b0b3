"""What a wait reports: its log of polls and delays, and the error when the deadline passes."""

from __future__ import annotations

import pytest

from connect_numbers.pacing.waiter import DeadlineExceeded, Done, Pending, WaitLog, wait_until

from .fakes import FakeClock


def test_the_log_records_the_delay_slept_before_each_poll() -> None:
    clock = FakeClock(default_draw=1.0)
    answers: list[Done[int] | Pending] = [Pending(), Done(1)]
    log = WaitLog()
    wait_until(lambda: answers.pop(0), timeout=60, clock=clock.as_clock(), log=log)
    assert log.delays == [4.0, 8.0] and log.polls == 2


def test_a_poll_before_the_first_sleep_is_counted_in_the_log() -> None:
    log = WaitLog()
    wait_until(lambda: Done(1), timeout=5, clock=FakeClock().as_clock(), poll_first=True, log=log)
    assert log.polls == 1 and log.delays == []


def test_the_polls_of_one_log_add_up_across_waits() -> None:
    log = WaitLog()
    for _ in range(2):
        wait_until(
            lambda: Done(1), timeout=5, clock=FakeClock().as_clock(), poll_first=True, log=log
        )
    assert log.polls == 2


def test_the_deadline_error_says_what_was_awaited_and_for_how_long() -> None:
    clock = FakeClock(default_draw=1.0)
    with pytest.raises(DeadlineExceeded) as caught:
        wait_until(lambda: Pending("MOVING"), timeout=10, clock=clock.as_clock())
    assert str(caught.value) == "still MOVING after 10.0 s"


def test_a_deadline_already_past_ends_the_wait_at_once_still_in_progress() -> None:
    clock = FakeClock()
    with pytest.raises(DeadlineExceeded) as caught:
        wait_until(lambda: Done(1), deadline=clock.now_value - 1, clock=clock.as_clock())
    assert clock.sleeps == []
    assert caught.value.last.state == "IN_PROGRESS"
    assert str(caught.value) == "still IN_PROGRESS after 0.0 s"
