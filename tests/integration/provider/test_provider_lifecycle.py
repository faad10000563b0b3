"""The provider's methods against the local Connect service over HTTP, with real boto3.

Time: the provider's waiter sleeps on a fake clock that also advances the service's virtual
clock, so the service's 2 s claim delay and 0.5 s release delay pass without real waiting.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
from pulumi.dynamic import Config, ConfigureRequest

from connect_local_service import RunningLocalService
from connect_numbers.aws.clients import reset_clients
from connect_numbers.engine.dynamic.provider import ImportedPhoneNumberProvider, Runtime
from connect_numbers.errors import (
    AccessDeniedError,
    AdoptionRequiredError,
    ImportFailedError,
    OwnedElsewhereError,
    WaitTimeoutError,
)
from connect_numbers.pacing.waiter import Clock
from connect_numbers.workflows.ownership import OWNER_TAG_KEY

pytestmark = pytest.mark.integration

OWNER = "phones/dev/support-line"


@dataclass
class Live:
    provider: ImportedPhoneNumberProvider
    local_service: RunningLocalService
    instance: dict[str, Any]
    source: dict[str, Any]
    connect: Any
    sleeps: list[float] = field(default_factory=list)

    def inputs(self, **overrides: Any) -> dict[str, Any]:
        news = {
            "instance_id": self.instance["Arn"],
            "source_phone_number_arn": self.source["PhoneNumberArn"],
            "description": "support line",
            "tags": {"team": "care"},
            "owner": OWNER,
            "__provider": "serialized",
        }
        news.update(overrides)
        checked = self.provider.check({}, news)
        assert checked.failures == []
        return checked.inputs

    def create(self, **overrides: Any) -> tuple[str, dict[str, Any]]:
        result = self.provider.create(self.inputs(**overrides))
        assert result.outs is not None
        return result.id, result.outs

    def live_numbers(self) -> list[dict[str, Any]]:
        return [n for n in self.local_service.admin.numbers() if n["Status"] != "RELEASING"]

    def ops(self) -> list[str]:
        return self.local_service.admin.operations()


@pytest.fixture
def live(
    local_service: RunningLocalService,
    instance: dict[str, Any],
    source_number: Callable[..., dict[str, Any]],
    connect_client: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> Live:
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "not-a-secret")
    monkeypatch.delenv("AWS_PROFILE", raising=False)
    reset_clients()
    now = [0.0]
    sleeps: list[float] = []

    def sleep(seconds: float) -> None:
        sleeps.append(seconds)
        now[0] += seconds
        local_service.admin.advance_clock(seconds)

    runtime = Runtime(clock=Clock(now=lambda: now[0], sleep=sleep, draw=lambda: 0.5), env={})
    provider = ImportedPhoneNumberProvider(runtime)
    provider.configure(
        ConfigureRequest(
            Config(
                {"aws:region": "us-east-1", "connect-numbers:endpoint": local_service.endpoint_url},
                "phones",
            )
        )
    )
    local_service.admin.clear_request_log()
    return Live(provider, local_service, instance, source_number(), connect_client, sleeps)


def test_import_goes_from_in_progress_to_claimed(live: Live) -> None:
    live.local_service.admin.set_timing(claim_delay=5.0)
    number_id, outs = live.create()
    assert outs["status"] == "CLAIMED"
    assert outs["phone_number"] == live.source["PhoneNumber"]
    assert outs["instance_id"] == live.instance["Arn"]  # as declared
    assert outs["tags"] == {"team": "care"} and outs["owner"] == OWNER
    # The source's pre-flight (End User Messaging's DescribePhoneNumbers) comes first, then the
    # import; the first describe after 3 s sees IN_PROGRESS (claim delay 5 s), the second after
    # 9 s CLAIMED.
    assert live.ops() == [
        "DescribePhoneNumbers",
        "ImportPhoneNumber",
        "DescribePhoneNumber",
        "DescribePhoneNumber",
    ]
    assert live.sleeps == [3.0, 6.0]
    assert [n["PhoneNumberId"] for n in live.live_numbers()] == [number_id]


def test_a_failed_import_reports_the_message_and_leaves_no_number(live: Live) -> None:
    # An ASSOCIATING source: the pre-flight only warns (AWS documents no rule against it), and
    # the local service's import ends FAILED. A PENDING source, used here before, no longer
    # reaches ImportPhoneNumber: the pre-flight fails it (test_source_preflight.py).
    associating = live.local_service.admin.create_source_number(status="ASSOCIATING")
    with pytest.raises(ImportFailedError, match="ASSOCIATING") as caught:
        live.create(source_phone_number_arn=associating["PhoneNumberArn"])
    assert "released" in str(caught.value)
    assert live.live_numbers() == []


def test_an_instance_at_its_phone_numbers_quota_fails_the_import_naming_the_quota(
    live: Live,
) -> None:
    live.local_service.admin.set_settings(phone_numbers_per_instance=1)
    live.create()
    second = live.local_service.admin.create_source_number()
    with pytest.raises(ImportFailedError, match="Phone numbers per instance") as caught:
        live.create(source_phone_number_arn=second["PhoneNumberArn"], owner=OWNER + "-2")
    assert "released" in str(caught.value)
    assert len(live.live_numbers()) == 1


def test_a_timed_out_create_is_resumed_by_the_next_up_with_one_number(live: Live) -> None:
    live.local_service.admin.set_timing(claim_delay=100.0)
    with pytest.raises(WaitTimeoutError) as caught:
        live.create(wait_timeout_seconds=5.0)
    [number] = live.live_numbers()
    assert number["PhoneNumberId"] in str(caught.value)
    number_id, outs = live.create()
    assert number_id == number["PhoneNumberId"] and outs["status"] == "CLAIMED"
    assert len(live.live_numbers()) == 1


def test_a_create_killed_after_import_returned_is_resumed(live: Live) -> None:
    """The previous process imported (with our owner tag) and died before state was written."""
    first = live.connect.import_phone_number(
        InstanceId=live.instance["InstanceId"],
        SourcePhoneNumberArn=live.source["PhoneNumberArn"],
        Tags={"team": "care", OWNER_TAG_KEY: OWNER},
        ClientToken="token-of-the-dead-process",
    )
    number_id, outs = live.create(description="declared")
    assert number_id == first["PhoneNumberId"]
    assert outs["description"] == "declared"
    assert len(live.live_numbers()) == 1


def test_a_lost_import_answer_still_ends_with_exactly_one_number(live: Live) -> None:
    live.local_service.admin.add_fault("ImportPhoneNumber", reset="after", count=1)
    number_id, _ = live.create()
    assert [n["PhoneNumberId"] for n in live.live_numbers()] == [number_id]


@pytest.mark.parametrize("adopt", [False, True])
def test_a_number_managed_by_another_stack_is_never_taken_over(live: Live, adopt: bool) -> None:
    theirs = live.connect.import_phone_number(
        InstanceId=live.instance["InstanceId"],
        SourcePhoneNumberArn=live.source["PhoneNumberArn"],
        Tags={OWNER_TAG_KEY: "phones/prod/support-line"},
    )
    with pytest.raises(OwnedElsewhereError):
        live.create(adopt=adopt)
    [number] = live.live_numbers()
    assert number["PhoneNumberId"] == theirs["PhoneNumberId"]
    assert number["Tags"] == {OWNER_TAG_KEY: "phones/prod/support-line"}


def test_an_unmanaged_number_needs_adopt_and_is_then_taken_over(live: Live) -> None:
    existing = live.connect.import_phone_number(
        InstanceId=live.instance["InstanceId"],
        SourcePhoneNumberArn=live.source["PhoneNumberArn"],
        PhoneNumberDescription="made by hand",
    )
    with pytest.raises(AdoptionRequiredError, match=existing["PhoneNumberId"]):
        live.create()
    number_id, outs = live.create(adopt=True)
    assert number_id == existing["PhoneNumberId"]
    assert outs["description"] == "support line" and outs["owner"] == OWNER
    assert outs["tags"] == {"team": "care"}


def test_refresh_reads_back_drift_and_waits_for_a_move_in_progress(live: Live) -> None:
    number_id, outs = live.create()
    other = live.local_service.admin.create_instance("other")
    live.connect.update_phone_number_metadata(
        PhoneNumberId=number_id, PhoneNumberDescription="console"
    )
    live.local_service.admin.advance_clock(0.5)  # a metadata update is IN_PROGRESS for a moment
    live.connect.tag_resource(resourceArn=outs["phone_number_arn"], tags={"added": "by-hand"})
    live.connect.update_phone_number(PhoneNumberId=number_id, InstanceId=other["InstanceId"])
    result = live.provider.read(number_id, outs)
    assert result.id == number_id and result.outs is not None and result.inputs is not None
    assert result.outs["status"] == "CLAIMED"
    for bag in (result.outs, result.inputs):
        assert bag["description"] == "console"
        assert bag["tags"] == {"team": "care", "added": "by-hand"}
        assert bag["instance_id"] == other["InstanceId"]


def test_a_number_released_outside_pulumi_is_dropped_on_refresh(live: Live) -> None:
    number_id, outs = live.create()
    live.connect.release_phone_number(PhoneNumberId=number_id)
    live.local_service.admin.advance_clock(10)
    result = live.provider.read(number_id, outs)
    assert result.id == ""


def test_in_place_updates_keep_the_phone_number_id(live: Live) -> None:
    number_id, outs = live.create()
    other = live.local_service.admin.create_instance("other")
    news = live.inputs(
        description="after", tags={"team": "ops", "tier": "1"}, instance_id=other["InstanceId"]
    )
    diff = live.provider.diff(number_id, outs, news)
    assert diff.changes is True and diff.replaces == []
    updated = live.provider.update(number_id, outs, news).outs
    assert updated is not None
    assert updated["phone_number_id"] == number_id
    assert updated["description"] == "after"
    assert updated["tags"] == {"team": "ops", "tier": "1"}
    assert updated["instance_id"] == other["InstanceId"]
    [number] = live.live_numbers()
    assert number["PhoneNumberId"] == number_id and number["Status"] == "CLAIMED"
    assert live.provider.diff(number_id, updated, news).changes is False


def test_delete_releases_and_waits_until_gone(live: Live) -> None:
    number_id, outs = live.create()
    live.provider.delete(number_id, outs)
    assert live.live_numbers() == []
    with pytest.raises(live.connect.exceptions.ResourceNotFoundException):
        live.connect.describe_phone_number(PhoneNumberId=number_id)
    assert "ReleasePhoneNumber" in live.ops()
    live.provider.delete(number_id, outs)  # already gone: still success


def test_destroy_then_create_again_imports_afresh(live: Live) -> None:
    first_id, outs = live.create()
    live.provider.delete(first_id, outs)
    second_id, _ = live.create()
    assert second_id != first_id
    assert [n["PhoneNumberId"] for n in live.live_numbers()] == [second_id]


def test_access_denied_names_the_missing_action(live: Live) -> None:
    number_id, outs = live.create()
    live.local_service.admin.set_allowed_actions(["connect:DescribePhoneNumber"])
    try:
        with pytest.raises(AccessDeniedError, match="connect:ReleasePhoneNumber"):
            live.provider.delete(number_id, outs)
    finally:
        live.local_service.admin.set_allowed_actions(None)


def test_throttling_is_retried_before_it_reaches_the_user(live: Live) -> None:
    number_id, outs = live.create()
    live.local_service.admin.add_fault("DescribePhoneNumber", status=429, count=1)
    result = live.provider.read(number_id, outs)
    assert result.id == number_id
