"""Scenario 1: throttling storms, 5xx bursts, connection resets and latency spikes.

Each phase (up, refresh, update, destroy) runs under a seeded mix of faults. The run either
succeeds or fails with one clear line (no traceback); after the faults stop, running the same
command again converges, and the invariants hold after every phase.

The connection resets are armed first, so they hit the first matching call, and the one that
drops an answer after the call ran targets a call the phase is bound to make; the request log
must show that both fired.
"""

from __future__ import annotations

import random
from typing import Any

import pytest

from connect_local_service import AdminClient
from tests.faults import invariants
from tests.faults.invariants import TALLY
from tests.faults.request_log import faults_in, resets
from tests.faults.stacks import CliRun, RootStack, number, numbers_in_state

# Calls each phase is bound to make: the target of its reset after the call ran.
CALLS_OF_PHASE = {
    "up": ("ImportPhoneNumber",),
    "refresh": ("DescribePhoneNumber",),
    "update": ("UpdatePhoneNumberMetadata", "TagResource"),
    "destroy": ("ReleasePhoneNumber",),
}
SEEDS = (11, 23)


def _inject(admin: AdminClient, rng: random.Random, reset_after: str) -> int:
    """Installs a seeded fault mix; returns the number of latency spikes armed."""
    admin.add_fault(operation=reset_after, reset="after", count=1)
    admin.add_fault(reset="before", count=rng.randint(1, 3))
    admin.add_fault(status=429, count=rng.randint(5, 8), error_rate=0.6)  # throttling storm
    admin.add_fault(status=rng.choice([500, 502, 503]), count=rng.randint(3, 6))  # 5xx burst
    spikes = rng.randint(2, 4)
    admin.add_fault(latency=rng.uniform(0.2, 0.6), count=spikes)
    return spikes


def _latency_spikes_left(admin: AdminClient) -> int:
    rules = admin.add_fault(latency=0.0, count=0)  # a no-op rule: the answer lists every rule
    return sum(int(r["count"] or 0) for r in rules if r["kind"] == "latency")


def _one_clear_line(run: CliRun) -> None:
    assert "Traceback" not in run.output, run.output
    assert run.error_lines(), run.output


@pytest.mark.parametrize("seed", SEEDS)
def test_faults_during_up_refresh_update_and_destroy_leave_the_invariants_intact(
    root: RootStack, admin: AdminClient, seed: int
) -> None:
    rng = random.Random(seed)
    instance = admin.create_instance(f"storm-{seed}")["InstanceId"]
    sources = [admin.create_source_number()["PhoneNumberArn"] for _ in range(3)]
    declared: list[dict[str, Any]] = [
        number(f"n{i}", s, f"line {i}", {"team": "a"}) for i, s in enumerate(sources)
    ]
    allowed: set[str] = set()

    def phase(name: str, run: Any, next_declared: list[dict[str, Any]]) -> None:
        nonlocal declared
        invariants.scenario(f"storm-{name}", admin)
        allowed.update(invariants.planned_releases(numbers_in_state(root.export()), next_declared))
        declared = next_declared
        root.declare(instance, declared)
        log_before = len(admin.request_log())
        reset_after = rng.choice(CALLS_OF_PHASE[name])
        spikes = _inject(admin, rng, reset_after)
        first: CliRun = run()
        spikes_left = _latency_spikes_left(admin)
        admin.clear_faults()
        during = admin.request_log()[log_before:]
        assert resets(during, "after", reset_after) == 1, f"{name}: the reset after {reset_after}"
        assert resets(during, "before") >= 1, f"{name}: no connection was reset before a call"
        TALLY.faults_injected += faults_in(during) + spikes - spikes_left
        if not first.ok:
            _one_clear_line(first)
            again: CliRun = run()
            assert again.ok, again.output
        invariants.check(
            admin, root.export(), allowed_releases=allowed, declared=declared, instance_id=instance
        )

    phase("up", root.up, declared)
    phase("refresh", root.refresh, declared)
    updated = [
        number(d["name"], d["sourcePhoneNumberArn"], d["description"] + " (v2)", {"team": "b"})
        for d in declared
    ]
    phase("update", root.up, updated)
    phase("destroy", root.destroy, [])
