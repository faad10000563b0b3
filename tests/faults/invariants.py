"""The invariants every fault scenario ends with, and the tally the summary line reports.

After every scenario that changes numbers:
- the numbers imported in the service are exactly the numbers in the stack's state: no orphan
  (in the service, not in state), no ghost (in state, not in the service), no duplicate (two
  live numbers for one resource or one source);
- no number was released except those the plan deleted or replaced; the witnesses are the
  service's request log (successful ReleasePhoneNumber calls, and calls whose answer was lost
  after they ran) and its persisted quota history (which survives a restart);
- every number in state is CLAIMED in the service, with the inputs the program declared.

A scenario is opened with `scenario()` before it changes anything and closed by the next one
or at the end of its test; closing it fails if a mutating call reached the service after its
last `check()`, or if it made one and never ran `check()`. The tally counts what the checks
examined (numbers, releases), so a summary of zero findings says over how much.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from connect_local_service import AdminClient
from tests.faults.request_log import mutating_calls, releases_that_ran
from tests.faults.stacks import PROJECT, STACK, StateNumber, numbers_in_state

OWNER_TAG = "connect-numbers:owner"
# An owner tag is the resource's owner, then `@` and the generation of the create that wrote it.
_GENERATION = re.compile(r"@[0-9a-f]{12}\Z")


class RequestLogSource(Protocol):
    def request_log(self) -> list[dict[str, Any]]: ...


@dataclass
class Scenario:
    name: str
    admin: RequestLogSource
    mutations_at_start: int
    checks: int = 0
    mutations_at_last_check: int = 0

    def record_check(self, mutations_seen: int) -> None:
        """A check() passed after `mutations_seen` mutating calls in the request log."""
        self.checks += 1
        self.mutations_at_last_check = mutations_seen

    def close(self) -> None:
        """Fails if the scenario changed numbers after its last check(), or with none at all."""
        now = len(mutating_calls(self.admin.request_log()))
        if self.checks == 0:
            assert now <= self.mutations_at_start, (
                f"scenario {self.name} made {now - self.mutations_at_start} mutating calls "
                "and never ran check()"
            )
        else:
            assert now <= self.mutations_at_last_check, (
                f"scenario {self.name} made {now - self.mutations_at_last_check} mutating calls "
                "after its last check()"
            )


@dataclass
class Tally:
    checked: list[str] = field(default_factory=list)
    unchecked: list[str] = field(default_factory=list)
    current: Scenario | None = None
    checks: int = 0
    numbers_examined: int = 0
    releases_examined: int = 0
    faults_injected: int = 0
    bad_inputs: int = 0
    kills: int = 0
    orphaned: int = 0
    ghosts: int = 0
    duplicated: int = 0
    released_by_accident: int = 0
    mismatched: int = 0

    @property
    def scenarios(self) -> int:
        return len(self.checked) + len(self.unchecked)

    def open(self, name: str, admin: RequestLogSource) -> None:
        self.close()
        mutations = len(mutating_calls(admin.request_log()))
        self.current = Scenario(name, admin, mutations)

    def close(self) -> None:
        scenario, self.current = self.current, None
        if scenario is None:
            return
        scenario.close()
        (self.checked if scenario.checks else self.unchecked).append(scenario.name)

    def abandon(self) -> None:
        """Drops the open scenario of a test that failed: it proves nothing either way."""
        self.current = None

    def line(self) -> str:
        kinds = Counter(self.unchecked)
        unchecked = ",".join(f"{name}:{count}" for name, count in sorted(kinds.items()))
        return (
            f"faults summary: scenarios={self.scenarios} checked={len(self.checked)} "
            f"unchecked={len(self.unchecked)} ({unchecked or 'none'}) checks={self.checks} "
            f"numbers_examined={self.numbers_examined} "
            f"releases_examined={self.releases_examined} "
            f"faults_injected={self.faults_injected} kills={self.kills} "
            f"bad_inputs={self.bad_inputs} orphaned={self.orphaned} ghosts={self.ghosts} "
            f"duplicated={self.duplicated} released_by_accident={self.released_by_accident} "
            f"mismatched={self.mismatched}"
        )


TALLY = Tally()


def scenario(name: str, admin: RequestLogSource) -> None:
    """Opens one scenario (a test, a kill trial, a fault phase); closes the one before."""
    TALLY.open(name, admin)


def owner_of(name: str) -> str:
    return f"{PROJECT}/{STACK}/{name}"


def _resource_in(tag: str | None) -> str | None:
    """The resource an owner tag names, whichever create of it wrote the tag."""
    return _GENERATION.sub("", tag) if tag else tag


def _owner_tag(resource: StateNumber) -> str:
    """The owner tag the state records for `resource`: with its create's generation, if any."""
    generation = resource.outputs.get("owner_generation")
    return f"{owner_of(resource.name)}@{generation}" if generation else owner_of(resource.name)


def releases_witnessed(
    log: Iterable[Mapping[str, Any]], quota_events: Iterable[Mapping[str, Any]]
) -> set[str]:
    """Every phone number id the service actually released."""
    released = releases_that_ran(log)
    released |= {str(e["PhoneNumberId"]) for e in quota_events if e["kind"] == "release"}
    return released


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
) -> Findings:
    """Checks the invariants, adds what it found to the tally, and fails on any finding.

    With `declared` (the run converged) each number must match the declaration exactly;
    without it (a run that failed) each number must match the inputs recorded in state.
    `foreign` lists numbers made outside the stack (by the test, "in the console").
    """
    current = TALLY.current
    assert current is not None, "check() runs inside a scenario: call scenario() first"
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
    per_owner = Counter(_resource_in(n["Tags"].get(OWNER_TAG)) for n in live)
    per_source = Counter(n["SourcePhoneNumberArn"] for n in live)
    per_name = Counter(n.name for n in state)
    duplicated = sorted(
        [f"owner {k}" for k, c in per_owner.items() if k and c > 1]
        + [f"source {k}" for k, c in per_source.items() if c > 1]
        + [f"resource {k}" for k, c in per_name.items() if c > 1]
    )
    entries = admin.request_log()
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
    TALLY.checks += 1
    TALLY.numbers_examined += len(set(live_by_id) | state_ids)
    TALLY.releases_examined += len(released)
    TALLY.orphaned += len(orphaned)
    TALLY.ghosts += len(ghosts)
    TALLY.duplicated += len(duplicated)
    TALLY.released_by_accident += len(accidental)
    TALLY.mismatched += len(mismatched)
    assert not findings.problems(), findings.problems()
    current.record_check(len(mutating_calls(entries)))
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
            "owner": _owner_tag(resource),
        }
        if instance_id is not None:
            expected["instance"] = instance_id
        return expected
    recorded = resource.inputs
    return {
        "source": recorded.get("source_phone_number_arn"),
        "description": recorded.get("description") or "",
        "tags": dict(recorded.get("tags") or {}),
        "owner": _owner_tag(resource),
        "instance": str(recorded.get("instance_id")).rsplit("/", 1)[-1],
    }
