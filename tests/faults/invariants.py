"""The invariants every fault scenario ends with, and the tally the summary line reports.

After every scenario:
- the numbers imported in the service are exactly the numbers in the stack's state: no orphan
  (in the service, not in state), no ghost (in state, not in the service), no duplicate (two
  live numbers for one resource or one source);
- no number was released except those the plan deleted or replaced; the witnesses are the
  service's request log (successful ReleasePhoneNumber calls, and calls whose answer was lost
  after they ran) and its persisted quota history (which survives a restart);
- every number in state is CLAIMED in the service, with the inputs the program declared.

Every count in the summary line is computed here, from what the service and the state say.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from connect_local_service import AdminClient
from tests.faults.stacks import PROJECT, STACK, StateNumber, numbers_in_state
from tests.support.mutating_operations import MUTATING

OWNER_TAG = "connect-numbers:owner"
FAULT_STATUSES = frozenset({429, 500, 502, 503, 504})


@dataclass
class Tally:
    scenarios: int = 0
    invariant_checks: int = 0
    faults_injected: int = 0
    bad_inputs: int = 0
    kills: int = 0
    orphaned: int = 0
    ghosts: int = 0
    duplicated: int = 0
    released_by_accident: int = 0
    names: list[str] = field(default_factory=list)

    def line(self) -> str:
        return (
            f"faults summary: scenarios={self.scenarios} invariant_checks={self.invariant_checks} "
            f"faults_injected={self.faults_injected} kills={self.kills} "
            f"bad_inputs={self.bad_inputs} orphaned={self.orphaned} ghosts={self.ghosts} "
            f"duplicated={self.duplicated} released_by_accident={self.released_by_accident}"
        )


TALLY = Tally()


def owner_of(name: str) -> str:
    return f"{PROJECT}/{STACK}/{name}"


def _id_of(value: Any) -> str:
    """PhoneNumberId parameters may be ids or ARNs."""
    return str(value).rsplit("/", 1)[-1]


def releases_witnessed(
    log: Iterable[Mapping[str, Any]], quota_events: Iterable[Mapping[str, Any]]
) -> set[str]:
    """Every phone number id the service actually released."""
    released = {
        _id_of(entry["params"].get("PhoneNumberId"))
        for entry in log
        if entry["operation"] == "ReleasePhoneNumber"
        and (entry["status"] == 200 or entry["reset"] == "after")
    }
    released |= {str(e["PhoneNumberId"]) for e in quota_events if e["kind"] == "release"}
    return released


def faults_in(log: Iterable[Mapping[str, Any]]) -> int:
    """Calls the service answered with an injected error, a throttle or a dropped connection."""
    return sum(
        1 for entry in log if entry["reset"] is not None or (entry["status"] in FAULT_STATUSES)
    )


def mutating_calls(log: Iterable[Mapping[str, Any]]) -> list[str]:
    return [e["operation"] for e in log if e["operation"] in MUTATING]


@dataclass(frozen=True)
class Findings:
    orphaned: list[str]
    ghosts: list[str]
    duplicated: list[str]
    released_by_accident: list[str]
    mismatched: list[str]

    def problems(self) -> list[str]:
        out: list[str] = []
        for label in ("orphaned", "ghosts", "duplicated", "released_by_accident", "mismatched"):
            values = getattr(self, label)
            if values:
                out.append(f"{label}: {values}")
        return out


def planned_releases(
    before: Sequence[StateNumber], declared: Sequence[Mapping[str, Any]]
) -> set[str]:
    """Ids the plan may release: resources no longer declared, or whose source changed."""
    sources = {str(n["name"]): str(n["sourcePhoneNumberArn"]) for n in declared}
    return {
        n.id
        for n in before
        if n.name not in sources or sources[n.name] != n.inputs.get("source_phone_number_arn")
    }


def check(
    admin: AdminClient,
    exported: Mapping[str, Any],
    *,
    allowed_releases: Iterable[str] = (),
    declared: Sequence[Mapping[str, Any]] | None = None,
    instance_id: str | None = None,
    foreign: Iterable[str] = (),
    log: Sequence[Mapping[str, Any]] | None = None,
) -> Findings:
    """Checks the invariants, adds what it found to the tally, and fails on any finding.

    With `declared` (the run converged) each number must match the declaration exactly;
    without it (a run that failed) each number must match the inputs recorded in state.
    `foreign` lists numbers made outside the stack (by the test, "in the console").
    """
    state = numbers_in_state(exported)
    foreign_ids = set(foreign)
    live = [
        n
        for n in admin.numbers()
        if n["Status"] != "RELEASING" and n["PhoneNumberId"] not in foreign_ids
    ]
    live_by_id = {n["PhoneNumberId"]: n for n in live}
    state_ids = {n.id for n in state}

    orphaned = sorted(set(live_by_id) - state_ids)
    ghosts = sorted(state_ids - set(live_by_id))
    per_owner = Counter(n["Tags"].get(OWNER_TAG) for n in live)
    per_source = Counter(n["SourcePhoneNumberArn"] for n in live)
    per_name = Counter(n.name for n in state)
    duplicated = sorted(
        [f"owner {k}" for k, c in per_owner.items() if k and c > 1]
        + [f"source {k}" for k, c in per_source.items() if c > 1]
        + [f"resource {k}" for k, c in per_name.items() if c > 1]
    )
    entries = admin.request_log() if log is None else log
    released = releases_witnessed(entries, admin.quota_events())
    accidental = sorted(released - set(allowed_releases) - foreign_ids)

    mismatched: list[str] = []
    wanted = {str(d["name"]): d for d in declared} if declared is not None else None
    if wanted is not None and set(wanted) != {n.name for n in state}:
        mismatched.append(f"state has {sorted(n.name for n in state)}, declared {sorted(wanted)}")
    for resource in state:
        service = live_by_id.get(resource.id)
        if service is None:
            continue
        if service["Status"] != "CLAIMED":
            mismatched.append(f"{resource.name}: {service['Status']} in the service")
        if resource.outputs.get("status") != "CLAIMED":
            mismatched.append(f"{resource.name}: {resource.outputs.get('status')} in state")
        expected = _expected(resource, wanted, instance_id)
        actual = {
            "source": service["SourcePhoneNumberArn"],
            "description": service["Description"] or "",
            "tags": {k: v for k, v in service["Tags"].items() if k != OWNER_TAG},
            "owner": service["Tags"].get(OWNER_TAG),
            "instance": service["InstanceId"],
        }
        for key, value in expected.items():
            if actual[key] != value:
                mismatched.append(f"{resource.name}.{key}: service {actual[key]!r} != {value!r}")

    findings = Findings(orphaned, ghosts, duplicated, accidental, mismatched)
    TALLY.invariant_checks += 1
    TALLY.orphaned += len(orphaned)
    TALLY.ghosts += len(ghosts)
    TALLY.duplicated += len(duplicated)
    TALLY.released_by_accident += len(accidental)
    assert not findings.problems(), findings.problems()
    return findings


def _expected(
    resource: StateNumber,
    wanted: Mapping[str, Mapping[str, Any]] | None,
    instance_id: str | None,
) -> dict[str, Any]:
    if wanted is not None:
        declared = wanted[resource.name]
        expected: dict[str, Any] = {
            "source": declared["sourcePhoneNumberArn"],
            "description": declared.get("description") or "",
            "tags": dict(declared.get("tags") or {}),
            "owner": owner_of(resource.name),
        }
        if instance_id is not None:
            expected["instance"] = instance_id
        return expected
    recorded = resource.inputs
    return {
        "source": recorded.get("source_phone_number_arn"),
        "description": recorded.get("description") or "",
        "tags": dict(recorded.get("tags") or {}),
        "owner": owner_of(resource.name),
        "instance": str(recorded.get("instance_id")).rsplit("/", 1)[-1],
    }


def scenario(name: str) -> None:
    """Counts one scenario run (a test, a kill trial, a fault phase)."""
    TALLY.scenarios += 1
    TALLY.names.append(name)
