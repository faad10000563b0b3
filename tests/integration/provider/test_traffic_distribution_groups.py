"""target_arn against the local service: a traffic distribution group's number is imported into
the group's instance and moved to the group; moves in place; refresh reports target drift."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from connect_numbers.errors import TargetNotReadyError
from connect_numbers.workflows.ownership import OWNER_TAG_KEY
from tests.integration.provider.on_service import OWNER, ProviderOnService

pytestmark = pytest.mark.integration

MUTATING = {"ImportPhoneNumber", "UpdatePhoneNumber", "ReleasePhoneNumber"}


@pytest.fixture
def group(on_service: ProviderOnService, instance: dict[str, Any]) -> dict[str, Any]:
    return on_service.service.admin.create_traffic_distribution_group(
        "resilient", instance["InstanceId"]
    )


def _calls(on_service: ProviderOnService) -> list[tuple[str, dict[str, Any]]]:
    return [(e["operation"], e["params"]) for e in on_service.service.admin.request_log()]


def test_a_number_for_a_group_is_imported_into_its_instance_then_moved_to_it(
    on_service: ProviderOnService,
    group: dict[str, Any],
    source_number: Callable[..., dict[str, Any]],
) -> None:
    source = source_number()["PhoneNumberArn"]
    number_id, outs = on_service.create(target_arn=group["Arn"], source_phone_number_arn=source)

    assert outs["status"] == "CLAIMED" and outs["target_arn"] == group["Arn"]
    assert outs["instance_id"] is None
    calls = [(op, params) for op, params in _calls(on_service) if op != "DescribePhoneNumber"]
    # The group's instance is found first, then the source's pre-flight (End User Messaging's
    # DescribePhoneNumbers, of the source) precedes the import.
    assert [op for op, _ in calls] == [
        "DescribeTrafficDistributionGroup",
        "DescribePhoneNumbers",
        "ImportPhoneNumber",
        "UpdatePhoneNumber",
    ]
    assert calls[1][1]["PhoneNumberIds"] == [source]
    assert calls[2][1]["InstanceId"] == group["InstanceId"]
    assert calls[3][1]["TargetArn"] == group["Arn"]
    [live] = on_service.live()
    assert live["PhoneNumberId"] == number_id and live["TargetArn"] == group["Arn"]


def test_a_number_moves_to_a_group_and_back_to_its_instance_in_place(
    on_service: ProviderOnService,
    instance: dict[str, Any],
    group: dict[str, Any],
    source_number: Callable[..., dict[str, Any]],
) -> None:
    source = source_number()["PhoneNumberArn"]
    declared = {"source_phone_number_arn": source}
    number_id, outs = on_service.create(instance_id=instance["InstanceId"], **declared)

    to_group = on_service.checked(target_arn=group["Arn"], **declared)
    moved = on_service.provider.update(number_id, outs, to_group).outs
    assert moved is not None and moved["target_arn"] == group["Arn"]
    back = on_service.checked(instance_id=instance["InstanceId"], **declared)
    returned = on_service.provider.update(number_id, moved, back).outs
    assert returned is not None and returned["target_arn"] == instance["Arn"]

    ops = [op for op, _ in _calls(on_service) if op in MUTATING]
    assert ops == ["ImportPhoneNumber", "UpdatePhoneNumber", "UpdatePhoneNumber"]
    assert [n["PhoneNumberId"] for n in on_service.live()] == [number_id]


def test_refresh_reports_a_number_moved_to_a_group_in_the_console_as_target_drift(
    on_service: ProviderOnService,
    instance: dict[str, Any],
    group: dict[str, Any],
    source_number: Callable[..., dict[str, Any]],
    connect_client: Any,
) -> None:
    number_id, outs = on_service.create(
        instance_id=instance["InstanceId"],
        source_phone_number_arn=source_number()["PhoneNumberArn"],
    )
    connect_client.update_phone_number(PhoneNumberId=number_id, TargetArn=group["Arn"])

    read = on_service.provider.read(number_id, outs)

    assert read.inputs is not None and read.outs is not None
    assert read.inputs["target_arn"] == group["Arn"] and read.inputs["instance_id"] is None
    assert read.outs["target_arn"] == group["Arn"]


def test_a_group_still_being_created_is_refused_before_any_import(
    on_service: ProviderOnService,
    instance: dict[str, Any],
    source_number: Callable[..., dict[str, Any]],
    connect_client: Any,
) -> None:
    creating = connect_client.create_traffic_distribution_group(
        Name="not-yet", InstanceId=instance["InstanceId"]
    )
    with pytest.raises(TargetNotReadyError, match="CREATION_IN_PROGRESS"):
        on_service.create(
            target_arn=creating["Arn"], source_phone_number_arn=source_number()["PhoneNumberArn"]
        )
    assert "ImportPhoneNumber" not in [op for op, _ in _calls(on_service)]
    assert on_service.live() == []


def test_a_create_for_a_group_interrupted_after_its_import_is_resumed_and_moved(
    on_service: ProviderOnService,
    group: dict[str, Any],
    source_number: Callable[..., dict[str, Any]],
    connect_client: Any,
) -> None:
    source = source_number()["PhoneNumberArn"]
    first = connect_client.import_phone_number(
        InstanceId=group["InstanceId"], SourcePhoneNumberArn=source, Tags={OWNER_TAG_KEY: OWNER}
    )

    number_id, outs = on_service.create(target_arn=group["Arn"], source_phone_number_arn=source)

    assert number_id == first["PhoneNumberId"] and outs["target_arn"] == group["Arn"]
    assert len(on_service.live()) == 1
