"""The claim time learned in a provider process, and how each import's wait aims its polls."""

from __future__ import annotations

import math
import random

import boto3
import pytest
from botocore.stub import Stubber

from connect_numbers.aws.connect_api import ConnectApi
from connect_numbers.aws.throttle_retry import ThrottleRetry
from connect_numbers.pacing.call_plan import CallPlan
from connect_numbers.pacing.claim_time import HOLD_CHECK, HOLD_LIMIT, QUANTILE, STEP, ClaimTimes
from connect_numbers.pacing.waiter import Step
from connect_numbers.workflows.phone_number import Status

from .fakes import (
    INSTANCE_ID,
    NUMBER_ARN,
    NUMBER_ID,
    SOURCE_ARN,
    FakeClock,
    make_client,
    summary,
)

SHRINK = math.exp(-STEP * (1 - QUANTILE))
GROW = math.exp(STEP * QUANTILE)


def learned(clock: FakeClock, claims: ClaimTimes, seconds: float, pid: str = "first") -> None:
    """A number imported now and seen CLAIMED `seconds` later (the first sample)."""
    claims.imported(pid)
    claims.schedule(pid)
    clock.now_value += seconds
    claims.answered(pid, Status.CLAIMED)


def test_without_a_sample_the_oldest_waiting_number_polls_on_the_usual_schedule() -> None:
    clock = FakeClock()
    claims = ClaimTimes(clock.as_clock())
    claims.imported("a")
    schedule = claims.schedule("a")
    assert schedule.next_step(0, clock.now_value, 1.0) == Step(4.0)
    assert schedule.next_step(1, clock.now_value, 1.0) == Step(8.0)


def test_without_a_sample_younger_numbers_hold_their_polls() -> None:
    clock = FakeClock()
    claims = ClaimTimes(clock.as_clock())
    for pid in ("a", "b"):
        claims.imported(pid)
        claims.schedule(pid)
    assert claims.step("b", 0, clock.now_value, 1.0) == Step(HOLD_CHECK, poll=False)


def test_a_holding_number_polls_on_the_usual_schedule_once_it_has_held_for_the_limit() -> None:
    clock = FakeClock()
    claims = ClaimTimes(clock.as_clock())
    for pid in ("a", "b"):
        claims.imported(pid)
        claims.schedule(pid)
    assert claims.step("b", 0, clock.now_value + HOLD_LIMIT - 0.05, 1.0) == Step(
        pytest.approx(0.05), poll=False
    )
    assert claims.step("b", 0, clock.now_value + HOLD_LIMIT, 1.0) == Step(4.0)


def test_when_the_oldest_wait_ends_without_a_claim_the_next_number_leads() -> None:
    clock = FakeClock()
    claims = ClaimTimes(clock.as_clock())
    claims.imported("a")
    first = claims.schedule("a")
    claims.imported("b")
    second = claims.schedule("b")
    first.finish()
    assert second.next_step(0, clock.now_value, 1.0) == Step(4.0)


def test_a_failed_import_ends_its_lead_and_teaches_nothing() -> None:
    clock = FakeClock()
    claims = ClaimTimes(clock.as_clock())
    for pid in ("a", "b"):
        claims.imported(pid)
        claims.schedule(pid)
    claims.answered("a", Status.FAILED)
    assert claims.estimate is None
    assert claims.step("b", 0, clock.now_value, 1.0) == Step(4.0)


def test_the_first_claim_seen_sets_the_estimate_to_the_time_since_the_import_answered() -> None:
    clock = FakeClock()
    claims = ClaimTimes(clock.as_clock())
    learned(clock, claims, 3.2)
    assert claims.estimate == pytest.approx(3.2)


def test_with_an_estimate_each_first_poll_is_aimed_at_it() -> None:
    clock = FakeClock()
    claims = ClaimTimes(clock.as_clock())
    learned(clock, claims, 3.2)
    claims.imported("b")
    schedule = claims.schedule("b")
    assert schedule.next_step(0, clock.now_value + 0.5, 0.0) == Step(pytest.approx(2.7))


def test_holding_numbers_aim_at_the_estimate_as_soon_as_there_is_one() -> None:
    clock = FakeClock()
    claims = ClaimTimes(clock.as_clock())
    for pid in ("a", "b"):
        claims.imported(pid)
        claims.schedule(pid)
    clock.now_value += 1.0
    assert claims.step("b", 0, clock.now_value, 0.0).poll is False
    clock.now_value += 2.0
    claims.answered("a", Status.CLAIMED)
    assert claims.step("b", 0, clock.now_value, 0.0) == Step(0.0)


def test_an_aimed_poll_that_finds_the_claim_lowers_the_estimate_a_little() -> None:
    clock = FakeClock()
    claims = ClaimTimes(clock.as_clock())
    learned(clock, claims, 10.0)
    claims.imported("b")
    claims.step("b", 0, clock.now_value, 0.0)
    clock.now_value += 10.0
    claims.answered("b", Status.CLAIMED)
    assert claims.estimate == pytest.approx(10.0 * SHRINK)


def test_an_aimed_poll_that_finds_the_import_in_progress_raises_the_estimate() -> None:
    clock = FakeClock()
    claims = ClaimTimes(clock.as_clock())
    learned(clock, claims, 10.0)
    claims.imported("b")
    claims.step("b", 0, clock.now_value, 0.0)
    clock.now_value += 10.0
    claims.answered("b", Status.IN_PROGRESS)
    assert claims.estimate == pytest.approx(10.0 * GROW)


def test_misses_of_an_aim_that_was_already_raised_change_nothing_more() -> None:
    clock = FakeClock()
    claims = ClaimTimes(clock.as_clock())
    learned(clock, claims, 10.0)
    for pid in ("b", "c"):
        claims.imported(pid)
        claims.step(pid, 0, clock.now_value, 0.0)
    clock.now_value += 10.0
    claims.answered("b", Status.IN_PROGRESS)
    claims.answered("c", Status.IN_PROGRESS)
    assert claims.estimate == pytest.approx(10.0 * GROW)


def test_a_claim_first_seen_after_the_estimate_changes_nothing() -> None:
    clock = FakeClock()
    claims = ClaimTimes(clock.as_clock())
    learned(clock, claims, 10.0)
    claims.imported("b")
    claims.step("b", 0, clock.now_value, 0.0)
    clock.now_value += 11.0  # the poll queued behind the budget
    claims.answered("b", Status.CLAIMED)
    assert claims.estimate == pytest.approx(10.0)


def test_after_a_missed_aim_follow_ups_start_near_a_quarter_of_the_estimate_and_back_off() -> None:
    clock = FakeClock()
    claims = ClaimTimes(clock.as_clock())
    learned(clock, claims, 20.0)
    claims.imported("b")
    assert claims.step("b", 0, clock.now_value, 1.0) == Step(20.0)
    assert claims.step("b", 1, clock.now_value + 20, 1.0) == Step(5.0)
    assert claims.step("b", 2, clock.now_value + 25, 1.0) == Step(10.0)


def test_a_short_estimate_is_followed_up_after_at_most_a_second() -> None:
    clock = FakeClock()
    claims = ClaimTimes(clock.as_clock())
    learned(clock, claims, 2.0)
    claims.imported("b")
    claims.step("b", 0, clock.now_value, 1.0)
    assert claims.step("b", 1, clock.now_value + 2, 1.0) == Step(1.0)


def test_a_number_this_process_did_not_import_waits_on_the_usual_schedule() -> None:
    clock = FakeClock()
    claims = ClaimTimes(clock.as_clock())
    learned(clock, claims, 2.0)
    assert claims.schedule("elsewhere").next_step(0, clock.now_value, 1.0) == Step(4.0)
    claims.answered("elsewhere", Status.CLAIMED)  # nothing to learn, nothing fails
    assert claims.estimate == pytest.approx(2.0)


def test_a_number_found_gone_settles_without_teaching() -> None:
    clock = FakeClock()
    claims = ClaimTimes(clock.as_clock())
    claims.imported("a")
    claims.schedule("a")
    claims.answered("a", None)
    assert claims.estimate is None


def test_in_balance_about_the_quantile_of_aimed_polls_find_the_claim() -> None:
    """Claims uniform in 15-25 s, one number after another: the aim settles near the top."""
    rng = random.Random(7)
    clock = FakeClock()
    claims = ClaimTimes(clock.as_clock())
    hits = aimed = polls = 0
    for n in range(600):
        pid = f"n{n}"
        claim = rng.uniform(15.0, 25.0)
        start = clock.now_value
        claims.imported(pid)
        schedule = claims.schedule(pid)
        done = False
        count = 0
        while not done:
            step = schedule.next_step(count, clock.now_value, rng.random())
            clock.now_value += step.seconds
            if not step.poll:
                continue
            count += 1
            done = clock.now_value - start >= claim
            claims.answered(pid, Status.CLAIMED if done else Status.IN_PROGRESS)
            if count == 1 and n >= 100:
                aimed += 1
                hits += done
        polls += count if n >= 100 else 0
        schedule.finish()
    assert 0.9 <= hits / aimed <= 0.99
    assert polls / 500 <= 1.1
    assert claims.estimate is not None and 23.0 <= claims.estimate <= 27.0


def api_with_plan(clock: FakeClock) -> tuple[ConnectApi, Stubber, CallPlan]:
    client = make_client()
    plan = CallPlan(clock=clock.as_clock())
    return (
        ConnectApi(client, ThrottleRetry(clock.as_clock(), timeout=0), plan),
        Stubber(client),
        plan,
    )


def test_the_api_teaches_the_plan_the_time_from_import_answer_to_claim() -> None:
    clock = FakeClock()
    api, stub, plan = api_with_plan(clock)
    stub.add_response(
        "import_phone_number", {"PhoneNumberId": NUMBER_ID, "PhoneNumberArn": NUMBER_ARN}
    )
    stub.add_response("describe_phone_number", summary("IN_PROGRESS"))
    stub.add_response("describe_phone_number", summary("CLAIMED"))
    with stub:
        api.import_number(
            instance_id=INSTANCE_ID, source_arn=SOURCE_ARN, description="", tags={}, token="t-1"
        )
        schedule = api.claim_schedule(NUMBER_ID)
        clock.now_value += 3.0
        api.describe(NUMBER_ID)
        clock.now_value += 1.5
        api.describe(NUMBER_ID)
        schedule.finish()
    assert plan.claims.estimate == pytest.approx(4.5)


def test_every_api_on_a_client_of_the_process_shares_that_clients_plan() -> None:
    clock = FakeClock()
    client = boto3.session.Session(
        aws_access_key_id="AKIDTEST", aws_secret_access_key="secret", region_name="us-east-1"
    ).client("connect")
    plan = CallPlan(clock=clock.as_clock())
    plan.attach(client)
    learned(clock, plan.claims, 3.0)
    plan.claims.imported("b")
    schedule = ConnectApi(client).claim_schedule("b")
    assert schedule.next_step(0, clock.now_value, 0.0) == Step(3.0)
