"""Scenario 2: FAILED imports and a deadline reached while IN_PROGRESS, then the next `up`."""

from __future__ import annotations

import re

from connect_local_service import AdminClient
from tests.faults import invariants
from tests.faults.request_log import resumed_by_source
from tests.faults.stacks import RootStack, number, numbers_in_state

FAILED_ID = re.compile(r"reported FAILED for phone number ([0-9a-f-]{36})")
STILL_IN_PROGRESS = re.compile(r"phone number ([0-9a-f-]{36}) was still IN_PROGRESS")


def test_a_failed_import_is_released_reported_in_one_line_and_the_next_up_imports_it(
    root: RootStack, admin: AdminClient
) -> None:
    invariants.scenario("failed-import", admin)
    instance = admin.create_instance("failed")["InstanceId"]
    good = admin.create_source_number()["PhoneNumberArn"]
    # ASSOCIATING: the pre-flight only warns (AWS documents no rule against it) and the local
    # service's import ends FAILED. A PENDING source, used here before, is now stopped by the
    # pre-flight before any import (tests/e2e/test_source_preflight.py), so it proves nothing
    # about FAILED imports.
    associating = admin.create_source_number(status="ASSOCIATING")["PhoneNumberArn"]
    declared = [
        number("good", good, "fine"),
        number("associating", associating, "not active yet"),
    ]
    root.declare(instance, declared)

    failed = root.up()

    assert not failed.ok
    assert "Traceback" not in failed.output
    match = FAILED_ID.search(failed.output)
    assert match, failed.output
    assert "is ASSOCIATING, not ACTIVE" in failed.output
    failed_id = match.group(1)
    assert failed_id not in {n["PhoneNumberId"] for n in admin.numbers()}
    invariants.check(admin, root.export(), allowed_releases={failed_id}, instance_id=instance)

    admin.set_source_status(associating, "ACTIVE")
    assert root.up().ok
    invariants.check(
        admin, root.export(), allowed_releases={failed_id}, declared=declared, instance_id=instance
    )


def test_a_deadline_while_in_progress_names_the_number_and_the_next_up_resumes_it(
    root: RootStack, admin: AdminClient
) -> None:
    invariants.scenario("deadline-in-progress", admin)
    instance = admin.create_instance("slow")["InstanceId"]
    source = admin.create_source_number()["PhoneNumberArn"]
    declared = [number("slow", source, "slow import", waitTimeoutSeconds=2)]
    root.declare(instance, declared)
    admin.set_timing(claim_delay=3600.0)  # service clock: only advance_clock ends the wait

    timed_out = root.up()

    assert not timed_out.ok
    assert "Traceback" not in timed_out.output
    match = STILL_IN_PROGRESS.search(timed_out.output)
    assert match, timed_out.output
    assert "next `pulumi up` finds it" in timed_out.output
    assert numbers_in_state(root.export()) == []
    in_progress = admin.numbers()
    assert [(n["PhoneNumberId"], n["Status"]) for n in in_progress] == [
        (match.group(1), "IN_PROGRESS")
    ]

    admin.advance_clock(3601.0)
    resumed = root.up()

    assert resumed.ok, resumed.output
    assert admin.operations().count("ImportPhoneNumber") == 2
    assert resumed_by_source(admin.request_log(), source)
    exported = root.export()
    assert [n.id for n in numbers_in_state(exported)] == [match.group(1)]
    invariants.check(admin, exported, declared=declared, instance_id=instance)
