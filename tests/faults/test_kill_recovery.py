"""Scenario 3: `pulumi up` killed with SIGKILL mid-run, then the documented recovery.

Each trial kills the CLI (and its language host and provider, one process group) at a seeded
moment: after the k-th mutating call reached the service, plus a random delay, so kills land
inside imports, waits, updates and releases. The recovery is exactly the README's
("Recovering from an interrupted run"): `pulumi cancel --yes`,
`pulumi refresh --clear-pending-creates --yes`, `pulumi up --yes`. After it, the stack has
converged and the invariants hold.

A kill between an import the service ran and the state recording it leaves a number that only
its owner tag ties to the stack. The request log must show the recovery took the resume path
for each such number: its import refused as already imported, then a look-up by source.
"""

from __future__ import annotations

import random
import time
from pathlib import Path
from typing import Any

import pytest

from connect_local_service import AdminClient
from tests.faults import invariants
from tests.faults.invariants import TALLY
from tests.faults.request_log import mutating_calls, resumed_by_source, sources_imported
from tests.faults.stacks import (
    FRONT_ENDS,
    RootStack,
    kill_group,
    number,
    numbers_in_state,
    pending_operations,
)
from tests.support.local_service import LocalService

SEED = 20240607
KILLS = 21  # at least 7 each of create, update and delete
MAX_TRIALS = 30
NUMBERS = 3
PHASES = ("create", "update", "delete")
# Interrupted imports the recoveries must have resumed, at least (one per create kill).
RESUMED = KILLS // len(PHASES)


def _kill_at_mutation(
    root: RootStack, admin: AdminClient, k: int, extra: float, *flags: str
) -> bool:
    """Runs `pulumi up` (with `flags`); SIGKILLs it once k mutating calls were seen plus `extra` s.

    True if the CLI was killed, False if it finished first."""
    before = len(mutating_calls(admin.request_log()))
    process = root.start("up", "--yes", "--skip-preview", *flags)
    deadline = time.monotonic() + 60
    while process.poll() is None and time.monotonic() < deadline:
        if len(mutating_calls(admin.request_log())) - before >= k:
            time.sleep(extra)
            break
        time.sleep(0.05)
    if process.poll() is not None:
        process.communicate()
        return False
    kill_group(process)
    return True


def _declaration(phase: str, trial: int, sources: list[str]) -> list[dict[str, Any]]:
    if phase == "delete":
        return []
    return [
        number(
            f"line{i}",
            source,
            description=f"line {i}, revision {trial}",
            tags={"team": f"t{trial % 4}", f"rev{trial}": "yes"} if phase == "update" else {},
        )
        for i, source in enumerate(sources)
    ]


@pytest.mark.parametrize("front_end", FRONT_ENDS)
def test_killed_up_during_create_update_and_delete_converges_after_the_documented_recovery(
    root: RootStack, admin: AdminClient, service: LocalService, tmp_path: Path, front_end: str
) -> None:
    rng = random.Random(SEED)
    admin.set_quota(1000)  # 21+ trials release far more than the default quota allows
    instances = [admin.create_instance("kill-a")["InstanceId"], admin.create_instance("kill-b")]
    instance_ids = [instances[0], instances[1]["InstanceId"]]
    sources = [admin.create_source_number()["PhoneNumberArn"] for _ in range(NUMBERS)]
    allowed_releases: set[str] = set()
    killed_with_pending = 0
    resumed = 0

    kills = {phase: 0 for phase in PHASES}
    trial = -1
    while min(kills.values()) < KILLS // len(PHASES) and trial < MAX_TRIALS:
        trial += 1
        phase = PHASES[trial % len(PHASES)]
        instance = instance_ids[(trial // 3) % 2] if phase == "update" else instance_ids[0]
        declared = _declaration(phase, trial, sources)
        invariants.scenario(f"kill-{phase}-{front_end}", admin)
        before = numbers_in_state(root.export())
        allowed_releases |= invariants.planned_releases(before, declared)
        root.declare(instance, declared)

        expected_mutations = NUMBERS if phase != "update" else NUMBERS * 2
        k = rng.randint(1, expected_mutations)
        log_start = len(admin.request_log())
        killed = _kill_at_mutation(root, admin, k, rng.uniform(0.0, 0.5))
        if killed:
            TALLY.kills += 1
            kills[phase] += 1
            after_kill = root.export()
            killed_with_pending += bool(pending_operations(after_kill))
            log_at_kill = admin.request_log()
            recorded = {
                n.inputs.get("source_phone_number_arn") for n in numbers_in_state(after_kill)
            }
            unrecorded = sources_imported(log_at_kill[log_start:]) - recorded
            cancel, refresh, up = root.recover_after_kill()
            assert cancel.ok, cancel.output
            assert refresh.ok, refresh.output
            assert up.ok, up.output
            recovery = admin.request_log()[len(log_at_kill) :]
            for source in sorted(unrecorded):
                assert resumed_by_source(recovery, source), (
                    f"trial {trial}: {source} was imported before the kill but not in state, "
                    f"and the recovery did not resume it: {[e['operation'] for e in recovery]}"
                )
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

    # The seeds must put most kills inside an operation, or the test proves little.
    assert min(kills.values()) >= KILLS // len(PHASES), kills
    assert killed_with_pending >= KILLS // 2
    assert resumed >= RESUMED, f"only {resumed} interrupted imports took the resume path"
