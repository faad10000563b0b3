"""Reading the local service's request log: what the provider actually asked of the service.

The log is the witness the fault scenarios trust over the CLI's own account: one entry per
AWS call, with the decoded parameters, the answer's status and error code, and whether the
connection was dropped before the call ran or after.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from tests.support.mutating_operations import MUTATING

Entry = Mapping[str, Any]

FAULT_STATUSES = frozenset({429, 500, 502, 503, 504})
# How the local service refuses to import a source that is already imported.
REFUSED_AS_ALREADY_IMPORTED = "IdempotencyException"


def id_of(value: Any) -> str:
    """PhoneNumberId parameters may be ids or ARNs."""
    return str(value).rsplit("/", 1)[-1]


def ran(entry: Entry) -> bool:
    """The call took effect: answered 200, or dropped after the service did the work."""
    return bool(entry["status"] == 200 or entry["reset"] == "after")


def mutating_calls(log: Iterable[Entry]) -> list[str]:
    return [e["operation"] for e in log if e["operation"] in MUTATING]


def mutating_calls_naming(log: Iterable[Entry], value: str) -> list[str]:
    """Mutating calls whose parameters mention `value` anywhere (an ARN, an id, a text)."""
    return [e["operation"] for e in log if e["operation"] in MUTATING and value in str(e["params"])]


def releases_that_ran(log: Iterable[Entry]) -> set[str]:
    return {
        id_of(e["params"].get("PhoneNumberId"))
        for e in log
        if e["operation"] == "ReleasePhoneNumber" and ran(e)
    }


def faults_in(log: Iterable[Entry]) -> int:
    """Calls the service answered with an injected error, a throttle or a dropped connection."""
    return sum(1 for e in log if e["reset"] is not None or e["status"] in FAULT_STATUSES)


def resets(log: Iterable[Entry], when: str, operation: str | None = None) -> int:
    """Connections dropped `when` ("before" or "after" the call ran), optionally for one call."""
    return sum(
        1 for e in log if e["reset"] == when and (operation is None or e["operation"] == operation)
    )


def sources_imported(log: Iterable[Entry]) -> set[str]:
    """Source ARNs of every ImportPhoneNumber that took effect."""
    return {
        str(e["params"].get("SourcePhoneNumberArn"))
        for e in log
        if e["operation"] == "ImportPhoneNumber" and ran(e)
    }


def resumed_by_source(log: Sequence[Entry], source_arn: str) -> bool:
    """The resume path ran for `source_arn`: its import was refused as already imported, and
    a look-up by source (ListPhoneNumbersV2) followed."""
    for index, entry in enumerate(log):
        if (
            entry["operation"] == "ImportPhoneNumber"
            and entry["params"].get("SourcePhoneNumberArn") == source_arn
            and entry["error_code"] == REFUSED_AS_ALREADY_IMPORTED
        ):
            return any(e["operation"] == "ListPhoneNumbersV2" for e in log[index + 1 :])
    return False
