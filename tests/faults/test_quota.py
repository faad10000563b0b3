"""Scenario 5: the release quota reached: a clear error with the 180-day rule, nothing lost."""

from __future__ import annotations

import time

from connect_local_service import AdminClient
from tests.faults import invariants
from tests.faults.stacks import RootStack, number, numbers_in_state
from tests.support.aws import connect_client
from tests.support.local_service import LocalService

DAY = 24 * 3600.0


def _burn_release_quota(service: LocalService, admin: AdminClient, instance: str) -> set[str]:
    """Imports and releases numbers 'in the console' until releases reach 200% of the quota."""
    console = connect_client(service.endpoint_url)
    admin.set_timing(claim_delay=0.0, release_delay=0.0)
    released: set[str] = set()
    for _ in range(4):  # quota 2: four releases reach 200%
        source = admin.create_source_number()["PhoneNumberArn"]
        imported = console.import_phone_number(InstanceId=instance, SourcePhoneNumberArn=source)
        time.sleep(0.05)
        console.describe_phone_number(PhoneNumberId=imported["PhoneNumberId"])
        console.release_phone_number(PhoneNumberId=imported["PhoneNumberId"])
        released.add(imported["PhoneNumberId"])
    admin.set_timing(claim_delay=0.3, release_delay=0.2)
    return released


def _blocked_stack(
    root: RootStack, admin: AdminClient, service: LocalService
) -> tuple[str, list[dict[str, object]], set[str]]:
    admin.set_quota(2)
    instance = admin.create_instance("quota")["InstanceId"]
    kept = number("kept", admin.create_source_number()["PhoneNumberArn"], "kept line")
    root.declare(instance, [kept])
    assert root.up().ok
    return instance, [kept], _burn_release_quota(service, admin, instance)


def test_an_import_refused_by_the_release_quota_explains_the_180_day_rule_and_releases_nothing(
    root: RootStack, admin: AdminClient, service: LocalService
) -> None:
    invariants.scenario("quota-new-number", admin)
    instance, declared, console_releases = _blocked_stack(root, admin, service)
    before = numbers_in_state(root.export())
    declared = [
        {**declared[0], "description": "kept line, edited"},
        number("extra", admin.create_source_number()["PhoneNumberArn"], "one more"),
    ]
    root.declare(instance, declared)

    refused = root.up()

    assert not refused.ok
    assert "Traceback" not in refused.output
    assert "180 days" in refused.output and "quota" in refused.output, refused.output
    after = numbers_in_state(root.export())
    assert [n.id for n in after] == [n.id for n in before]
    invariants.check(admin, root.export(), foreign=console_releases, instance_id=instance)

    admin.advance_clock(181 * DAY)  # the releases leave the rolling window
    assert root.up().ok
    invariants.check(
        admin, root.export(), foreign=console_releases, declared=declared, instance_id=instance
    )


def test_a_replacement_refused_by_the_quota_keeps_the_old_number(
    root: RootStack, admin: AdminClient, service: LocalService
) -> None:
    invariants.scenario("quota-replacement", admin)
    instance, declared, console_releases = _blocked_stack(root, admin, service)
    kept_id = numbers_in_state(root.export())[0].id
    replaced = [
        {**declared[0], "sourcePhoneNumberArn": admin.create_source_number()["PhoneNumberArn"]}
    ]
    root.declare(instance, replaced)

    refused = root.up()

    assert not refused.ok
    assert "180 days" in refused.output
    assert "Nothing was released" in refused.output, refused.output
    assert kept_id in {n["PhoneNumberId"] for n in admin.numbers()}, "the old number was released"
    assert [n.id for n in numbers_in_state(root.export())] == [kept_id]
    invariants.check(admin, root.export(), foreign=console_releases, instance_id=instance)
