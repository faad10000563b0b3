"""Riding out throttling until the resource's deadline, and handing that deadline to pacing."""

from __future__ import annotations

import pytest

from connect_numbers.aws.throttle_retry import ThrottleRetry
from connect_numbers.errors import ThrottledError
from connect_numbers.pacing.budgets import PacedPastDeadlineError
from connect_numbers.pacing.call_plan import time_left

from .fakes import FakeClock


def throttled() -> ThrottledError:
    return ThrottledError("DescribePhoneNumber", "ThrottlingException", "Rate exceeded")


def test_a_throttled_call_is_made_again_after_a_backoff_until_it_succeeds() -> None:
    clock = FakeClock(default_draw=1.0)
    answers: list[ThrottledError | str] = [throttled(), throttled(), "ok"]

    def call() -> str:
        answer = answers.pop(0)
        if isinstance(answer, ThrottledError):
            raise answer
        return answer

    assert ThrottleRetry(clock.as_clock(), timeout=60).run(call) == "ok"
    assert clock.sleeps == [4.0, 8.0]


def test_a_call_still_throttled_at_the_deadline_fails_with_the_last_throttled_answer() -> None:
    clock = FakeClock(default_draw=1.0)

    def call() -> str:
        raise throttled()

    with pytest.raises(ThrottledError):
        ThrottleRetry(clock.as_clock(), timeout=10).run(call)
    assert sum(clock.sleeps) == 10.0


def test_an_absolute_deadline_before_the_timeout_ends_the_retries_sooner() -> None:
    clock = FakeClock(default_draw=1.0)

    def call() -> str:
        raise throttled()

    with pytest.raises(ThrottledError):
        ThrottleRetry(clock.as_clock(), timeout=300, deadline=clock.now_value + 5).run(call)
    assert sum(clock.sleeps) == 5.0


def test_the_deadline_reaches_the_pacing_of_the_call() -> None:
    clock = FakeClock()
    seen = ThrottleRetry(clock.as_clock(), timeout=30).run(time_left)
    assert seen == 30
    assert time_left() is None


def test_without_timeout_or_deadline_a_call_is_made_once_and_may_wait_its_turn() -> None:
    clock = FakeClock()
    assert ThrottleRetry(clock.as_clock(), timeout=0).run(time_left) is None

    def call() -> str:
        raise throttled()

    with pytest.raises(ThrottledError):
        ThrottleRetry(clock.as_clock(), timeout=0).run(call)
    assert clock.sleeps == []


def test_a_turn_that_comes_after_the_deadline_fails_at_once_without_retrying() -> None:
    clock = FakeClock()
    calls: list[int] = []

    def call() -> str:
        calls.append(1)
        raise PacedPastDeadlineError("ImportPhoneNumber", 12.0)

    with pytest.raises(PacedPastDeadlineError):
        ThrottleRetry(clock.as_clock(), timeout=60).run(call)
    assert calls == [1] and clock.sleeps == []
