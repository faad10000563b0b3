"""The one waiting helper: what ends each kind of wait, and what its deadline raises."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from botocore.stub import Stubber

from connect_numbers.aws.connect_api import ConnectApi
from connect_numbers.errors import NotFoundError, ReleaseTimeoutError, WaitTimeoutError
from connect_numbers.pacing.waiter import Backoff
from connect_numbers.workflows.context import WorkflowContext
from connect_numbers.workflows.number_waits import (
    until_gone,
    until_settled,
    until_settled_or_gone,
    wait_for_number,
)

from .fakes import NUMBER_ID, FakeClock, make_client, summary

DESCRIBE = {"PhoneNumberId": NUMBER_ID}
SETTLED = until_settled("test", "IN_PROGRESS (testing)", "Run it again")


class Waiting:
    def __init__(self, timeout: float) -> None:
        client = make_client()
        self.stub = Stubber(client)
        self.clock = FakeClock()
        self.ctx = WorkflowContext(
            ConnectApi(client), timeout, self.clock.as_clock(), Backoff(), lambda: "token"
        )

    def answers(self, *statuses: str | None) -> None:
        for status in statuses:
            if status is None:
                self.stub.add_client_error(
                    "describe_phone_number",
                    "ResourceNotFoundException",
                    "gone",
                    404,
                    None,
                    DESCRIBE,
                )
            else:
                self.stub.add_response("describe_phone_number", summary(status), DESCRIBE)


@pytest.fixture
def waiting() -> Iterator[Waiting]:
    w = Waiting(timeout=600.0)
    with w.stub:
        yield w
    w.stub.assert_no_pending_responses()


def test_a_settled_wait_returns_the_first_answer_that_is_not_in_progress(waiting: Waiting) -> None:
    waiting.answers("IN_PROGRESS", "FAILED")
    number = wait_for_number(waiting.ctx, NUMBER_ID, SETTLED)
    assert number.status.value == "FAILED" and waiting.clock.sleeps == [3.0, 6.0]


def test_a_number_that_vanishes_during_a_settled_wait_names_the_activity(waiting: Waiting) -> None:
    waiting.answers(None)
    with pytest.raises(NotFoundError, match=r"disappeared while IN_PROGRESS \(testing\)"):
        wait_for_number(waiting.ctx, NUMBER_ID, SETTLED)


def test_a_settled_or_gone_wait_is_none_once_the_number_is_gone(waiting: Waiting) -> None:
    waiting.answers("IN_PROGRESS", None)
    wait = until_settled_or_gone("test", "IN_PROGRESS", "again")
    assert wait_for_number(waiting.ctx, NUMBER_ID, wait) is None


def test_a_gone_wait_keeps_polling_through_a_claimed_answer(waiting: Waiting) -> None:
    waiting.answers("CLAIMED", "IN_PROGRESS", None)
    assert wait_for_number(waiting.ctx, NUMBER_ID, until_gone("test")) is None
    assert len(waiting.clock.sleeps) == 3


def test_a_wait_that_looks_first_does_not_sleep_when_the_first_answer_is_final(
    waiting: Waiting,
) -> None:
    waiting.answers("CLAIMED")
    look_first = until_settled("test", "IN_PROGRESS", "again", poll_first=True)
    wait_for_number(waiting.ctx, NUMBER_ID, look_first)
    assert waiting.clock.sleeps == []


def test_a_settled_wait_at_its_deadline_says_what_was_awaited_and_how_to_resume() -> None:
    w = Waiting(timeout=5.0)
    w.answers("IN_PROGRESS", "IN_PROGRESS")
    with w.stub, pytest.raises(WaitTimeoutError, match=r"IN_PROGRESS \(testing\).*Run it again"):
        wait_for_number(w.ctx, NUMBER_ID, SETTLED)


def test_a_gone_wait_at_its_deadline_is_a_release_timeout() -> None:
    w = Waiting(timeout=5.0)
    w.answers("IN_PROGRESS", "IN_PROGRESS")
    with w.stub, pytest.raises(ReleaseTimeoutError, match="pulumi destroy"):
        wait_for_number(w.ctx, NUMBER_ID, until_gone("test"))
