"""Plan the TagResource / UntagResource calls that turn the live tags into the desired ones.

Why: a failure half-way must never leave the number with fewer tags than both the old and the
new set, so new and changed tags are written before old ones are removed. Connect caps a number
at 50 tags; only when old and new together would exceed that are just enough old keys removed
first to make room. `aws:` tags belong to AWS and are never removed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from connect_numbers.inputs.limits import TAGS_PER_NUMBER


@dataclass(frozen=True)
class SetTags:
    tags: dict[str, str]


@dataclass(frozen=True)
class RemoveTags:
    keys: list[str]


TagStep = SetTags | RemoveTags


def plan(
    current: Mapping[str, str], desired: Mapping[str, str], limit: int = TAGS_PER_NUMBER.maximum
) -> list[TagStep]:
    managed = {k: v for k, v in current.items() if not k.startswith("aws:")}
    to_set = {k: v for k, v in sorted(desired.items()) if managed.get(k) != v}
    to_remove = sorted(k for k in managed if k not in desired)
    added = [k for k in to_set if k not in managed]
    overflow = len(managed) + len(added) - limit
    steps: list[TagStep] = []
    if overflow > 0 and to_remove:
        steps.append(RemoveTags(to_remove[:overflow]))
        to_remove = to_remove[overflow:]
    if to_set:
        steps.append(SetTags(to_set))
    if to_remove:
        steps.append(RemoveTags(to_remove))
    return steps
