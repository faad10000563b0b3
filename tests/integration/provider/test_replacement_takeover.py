"""A replacement of the same source against the local service: the new resource takes the
number over, and the old resource's delete releases nothing; if the new resource never reaches
the state (a crash), refresh and update give the number back to the old one."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from connect_numbers.workflows.ownership import GENERATION_OUTPUT, OWNER_TAG_KEY
from tests.integration.provider.on_service import OWNER, ProviderOnService

pytestmark = pytest.mark.integration


@pytest.fixture
def declared(instance: dict[str, Any], source_number: Callable[..., dict[str, Any]]) -> Any:
    return {
        "instance_id": instance["InstanceId"],
        "source_phone_number_arn": source_number()["PhoneNumberArn"],
        "description": "support line",
    }


def _owner_tag(on_service: ProviderOnService) -> str:
    [number] = on_service.live()
    tag: str = number["Tags"][OWNER_TAG_KEY]
    return tag


def _released(on_service: ProviderOnService) -> list[str]:
    log = on_service.service.admin.request_log()
    return [e["params"]["PhoneNumberId"] for e in log if e["operation"] == "ReleasePhoneNumber"]


def test_the_replaced_resource_releases_nothing_once_its_successor_took_the_number_over(
    on_service: ProviderOnService, declared: dict[str, Any]
) -> None:
    old_id, old = on_service.create(**declared)
    new_id, new = on_service.create(**declared)  # the replacement is created first

    assert new_id == old_id and new[GENERATION_OUTPUT] != old[GENERATION_OUTPUT]
    assert _owner_tag(on_service) == f"{OWNER}@{new[GENERATION_OUTPUT]}"
    on_service.provider.delete(old_id, old)
    assert _released(on_service) == [] and len(on_service.live()) == 1
    assert len(on_service.notices) == 1 and "NOT released" in on_service.notices[0]

    on_service.provider.delete(new_id, new)  # and the successor's own delete releases it
    assert _released(on_service) == [new_id] and on_service.live() == []


def test_a_successor_lost_before_the_state_recorded_it_gives_the_number_back_on_refresh(
    on_service: ProviderOnService, declared: dict[str, Any]
) -> None:
    number_id, old = on_service.create(**declared)
    on_service.create(**declared)  # a replacement that took the number over, then crashed

    refreshed = on_service.provider.read(number_id, old)
    assert refreshed.inputs is not None and refreshed.outs is not None
    assert refreshed.inputs["owner"] != OWNER  # shown as drift on the old resource
    assert refreshed.outs[GENERATION_OUTPUT] == old[GENERATION_OUTPUT]
    updated = on_service.provider.update(number_id, refreshed.outs, on_service.checked(**declared))
    assert updated.outs is not None and updated.outs["owner"] == OWNER
    assert _owner_tag(on_service) == f"{OWNER}@{old[GENERATION_OUTPUT]}"

    on_service.provider.delete(number_id, updated.outs)
    assert _released(on_service) == [number_id]
