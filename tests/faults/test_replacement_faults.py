"""Scenario: `pulumi up` killed with SIGKILL during a replacement, then the documented recovery.

Two kinds of replacement, each killed at a seeded moment (after the k-th mutating call reached
the service, plus a random delay), then recovered exactly as the README says (`pulumi cancel
--yes`, `pulumi refresh --clear-pending-creates --yes`, `pulumi up --yes`), then checked:
- a source change: the new number is imported before the old one is released; a kill between
  the two leaves both, and the recovery finishes the plan (resuming an import that state never
  recorded) and releases only the old numbers;
- `pulumi up --replace` of the same source: the new resource takes the number over; a kill
  before the old resource's delete, or before the new one is recorded, must never release the
  number or change its id, and the recovery leaves it tagged with the generation state records.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from typing import Any

from connect_local_service import AdminClient
from tests.faults import invariants
from tests.faults.invariants import OWNER_TAG, TALLY
from tests.faults.request_log import releases_that_ran, resumed_by_source, sources_imported
from tests.faults.stacks import (
    RESOURCE_TYPE,
    RootStack,
    number,
    numbers_in_state,
    pending_operations,
)
from tests.faults.test_kill_recovery import _kill_at_mutation

SEED = 20261127
NUMBERS = 2
# Mutating calls per number: a source change imports and releases; a forced replacement of the
# same source has its import refused, then re-tags the number.
MUTATIONS_PER_NUMBER = 2
TRIALS = NUMBERS * MUTATIONS_PER_NUMBER  # per kind of replacement: one per kill point
DESCRIBE_LATENCY = 1.0


def _kill_points(rng: random.Random) -> list[int]:
    """Every mutating call of a run once, in a seeded order: each moment is killed once."""
    points = list(range(1, NUMBERS * MUTATIONS_PER_NUMBER + 1))
    rng.shuffle(points)
    return points


def _urns(exported: Mapping[str, Any]) -> list[str]:
    resources = exported["deployment"].get("resources") or []
    return [str(r["urn"]) for r in resources if r.get("type") == RESOURCE_TYPE]


def _taken_over_unreconciled(admin: AdminClient, exported: Mapping[str, Any]) -> bool:
    """At the kill, a number carries a new resource's tag while state still records the old
    resource for it (not yet deleted, or the new one not yet recorded)."""
    tags = {n["PhoneNumberId"]: n["Tags"].get(OWNER_TAG) for n in admin.numbers()}
    return any(
        tags.get(n.id) != f"{invariants.owner_of(n.name)}@{n.outputs.get('owner_generation')}"
        for n in numbers_in_state(exported)
    )


def _recover(root: RootStack) -> None:
    cancel, refresh, up = root.recover_after_kill()
    assert cancel.ok, cancel.output
    assert refresh.ok, refresh.output
    assert up.ok, up.output


def _declared(sources: list[str]) -> list[dict[str, Any]]:
    return [number(f"line{i}", source, f"line {i}") for i, source in enumerate(sources)]


def test_a_source_change_killed_midway_imports_once_and_releases_only_the_old_numbers(
    root: RootStack, admin: AdminClient
) -> None:
    rng = random.Random(SEED)
    admin.set_quota(1000)  # every trial imports and releases NUMBERS numbers
    instance = admin.create_instance("replace-source")["InstanceId"]
    invariants.scenario("replace-source-setup", admin)
    declared = _declared([admin.create_source_number()["PhoneNumberArn"] for _ in range(NUMBERS)])
    root.declare(instance, declared)
    assert root.up().ok
    invariants.check(admin, root.export(), declared=declared, instance_id=instance)
    allowed_releases: set[str] = set()
    kills = resumed = 0

    for trial, k in enumerate(_kill_points(rng)):
        invariants.scenario("kill-replace-source", admin)
        before = numbers_in_state(root.export())
        declared = _declared(
            [admin.create_source_number()["PhoneNumberArn"] for _ in range(NUMBERS)]
        )
        allowed_releases |= invariants.planned_releases(before, declared)
        root.declare(instance, declared)
        log_start = len(admin.request_log())
        if _kill_at_mutation(root, admin, k, rng.uniform(0.0, 0.5)):
            TALLY.kills += 1
            kills += 1
            at_kill = admin.request_log()
            recorded = {
                n.inputs.get("source_phone_number_arn") for n in numbers_in_state(root.export())
            }
            unrecorded = sources_imported(at_kill[log_start:]) - recorded
            _recover(root)
            recovery = admin.request_log()[len(at_kill) :]
            for source in sorted(unrecorded):
                assert resumed_by_source(recovery, source), f"trial {trial}: {source} not resumed"
            resumed += len(unrecorded)
        exported = root.export()
        assert not pending_operations(exported)
        invariants.check(
            admin,
            exported,
            allowed_releases=allowed_releases,
            declared=declared,
            instance_id=instance,
        )

    assert kills >= TRIALS - 1, f"only {kills} of {TRIALS} runs were killed mid-way"
    assert resumed >= 1, "no kill fell between an import and the state recording it"


def test_a_forced_replacement_killed_midway_never_releases_or_renumbers(
    root: RootStack, admin: AdminClient
) -> None:
    rng = random.Random(SEED + 1)
    # A take-over makes no claim wait; slower reads widen the moments between its re-tag, the
    # state recording the new resource, and the old resource's delete, where the kills land.
    admin.add_fault("DescribePhoneNumber", latency=DESCRIBE_LATENCY)
    instance = admin.create_instance("replace-same")["InstanceId"]
    invariants.scenario("replace-same-setup", admin)
    declared = _declared([admin.create_source_number()["PhoneNumberArn"] for _ in range(NUMBERS)])
    root.declare(instance, declared)
    assert root.up().ok
    invariants.check(admin, root.export(), declared=declared, instance_id=instance)
    ids = sorted(n.id for n in numbers_in_state(root.export()))
    kills = taken_over = 0

    for trial, k in enumerate(_kill_points(rng)):
        invariants.scenario("kill-replace-same-source", admin)
        log_start = len(admin.request_log())
        replace = [flag for urn in _urns(root.export()) for flag in ("--replace", urn)]
        if _kill_at_mutation(root, admin, k, rng.uniform(0.0, 0.3), *replace):
            TALLY.kills += 1
            kills += 1
            taken_over += _taken_over_unreconciled(admin, root.export())
            _recover(root)
        exported = root.export()
        assert not pending_operations(exported)
        assert not releases_that_ran(admin.request_log()[log_start:]), f"trial {trial}"
        assert sorted(n.id for n in numbers_in_state(exported)) == ids, f"trial {trial}"
        invariants.check(admin, exported, declared=declared, instance_id=instance)

    assert kills >= TRIALS - 1, f"only {kills} of {TRIALS} runs were killed mid-way"
    assert taken_over >= 1, "no kill fell between a take-over and the old resource's delete"
