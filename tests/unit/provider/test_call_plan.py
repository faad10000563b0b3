"""One plan for the calls of a provider process, hooked into a real botocore client.

No network: a handler registered after the plan's answers each HTTP attempt, the way botocore
lets a `before-send` handler answer instead of the network.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import boto3
import botocore.config
import pytest
from botocore.awsrequest import AWSResponse
from botocore.exceptions import ClientError

from connect_numbers.aws import clients
from connect_numbers.pacing import call_plan
from connect_numbers.pacing.budgets import Budget, Budgets, PacedPastDeadlineError
from connect_numbers.pacing.call_plan import CallPlan, deadline_of_calls

from .fakes import FakeClock

NUMBER_ID = "11111111-2222-3333-4444-555555555555"


class _Raw:
    def __init__(self, body: bytes) -> None:
        self._body = body

    def stream(self, **_: Any) -> Iterator[bytes]:
        yield self._body


def answer(status: int, body: dict[str, Any], error: str | None = None) -> AWSResponse:
    headers = {"x-amzn-ErrorType": error} if error else {}
    return AWSResponse("https://connect.local", status, headers, _Raw(json.dumps(body).encode()))


def offline_client(answers: list[AWSResponse]) -> Any:
    client = boto3.session.Session(
        aws_access_key_id="AKIDTEST", aws_secret_access_key="secret", region_name="us-east-1"
    ).client(
        "connect",
        config=botocore.config.Config(retries={"mode": "standard", "total_max_attempts": 1}),
    )
    sent: list[str] = []

    def network(request: Any, event_name: str, **_: Any) -> AWSResponse:
        sent.append(event_name.rsplit(".", 1)[-1])
        return answers.pop(0)

    client.sent = sent
    return client, network


def planned_client(clock: FakeClock, answers: list[AWSResponse], budgets: Budgets) -> Any:
    client, network = offline_client(answers)
    plan = CallPlan(budgets, clock.as_clock())
    plan.attach(client)
    client.meta.events.register("before-send.connect", network)  # after the plan's own handler
    return client, plan


def described() -> AWSResponse:
    return answer(200, {"ClaimedPhoneNumberSummary": {"PhoneNumberId": NUMBER_ID}})


def test_every_call_of_the_client_waits_its_turn_in_its_operations_budget() -> None:
    clock = FakeClock()
    client, _ = planned_client(clock, [described() for _ in range(6)], Budgets())
    for _ in range(6):
        client.describe_phone_number(PhoneNumberId=NUMBER_ID)
    assert clock.sleeps == [0.5, 0.5]


def test_a_throttled_answer_slows_the_whole_plan() -> None:
    clock = FakeClock()
    throttled = answer(429, {"Message": "Rate exceeded"}, "ThrottlingException")
    client, plan = planned_client(clock, [throttled], Budgets())
    with pytest.raises(ClientError):
        client.describe_phone_number(PhoneNumberId=NUMBER_ID)
    assert plan.pacer.throttled_answers == 1


def test_other_errors_do_not_slow_the_plan() -> None:
    clock = FakeClock()
    missing = answer(404, {"Message": "no such number"}, "ResourceNotFoundException")
    client, plan = planned_client(clock, [missing], Budgets())
    with pytest.raises(ClientError):
        client.describe_phone_number(PhoneNumberId=NUMBER_ID)
    assert plan.pacer.throttled_answers == 0


def test_a_call_made_under_a_deadline_is_not_sent_when_its_turn_comes_after_it() -> None:
    clock = FakeClock()
    client, _ = planned_client(clock, [described() for _ in range(5)], Budgets(Budget(1, 1)))
    client.describe_phone_number(PhoneNumberId=NUMBER_ID)
    with deadline_of_calls(clock.now_value + 0.5, clock.now), pytest.raises(PacedPastDeadlineError):
        client.describe_phone_number(PhoneNumberId=NUMBER_ID)
    assert client.sent == ["DescribePhoneNumber"]


def test_clients_of_the_process_carry_a_plan_with_the_budgets_of_their_key() -> None:
    budgets = Budgets(Budget(rate=10, burst=20))
    key = clients.ClientKey("us-east-1", endpoint_url="http://127.0.0.1:9", budgets=budgets)
    client = clients.make_client(key)
    plan = call_plan.plan_of(client)
    assert plan is not None and plan.pacer.budgets == budgets


def test_a_client_made_elsewhere_has_no_plan() -> None:
    client, _ = offline_client([])
    assert call_plan.plan_of(client) is None
