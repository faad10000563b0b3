"""What a change of inputs means for a number: nothing, an update in place, or a replacement.

Why: the engine's default diff compares every input, `__provider` included, and cannot know that
an instance id and an instance ARN name the same instance. Each input's declaration says whether
a change is in place or a replacement, and how its values compare; only a new source number
forces a replacement (and so, once the new number is imported, a release, which burns quota).
Diff sees the engine's bags as they are, since during preview a new value may be unknown.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from connect_numbers.inputs.bags import with_defaults
from connect_numbers.inputs.declaration import Change, is_unknown
from connect_numbers.inputs.spec import INPUTS

REPLACING = tuple(spec for spec in INPUTS if spec.facts.change is Change.REPLACE)
IN_PLACE = tuple(spec for spec in INPUTS if spec.facts.change is Change.IN_PLACE)


@dataclass(frozen=True)
class PropertyDiff:
    changed: list[str]
    replaces: list[str]


def diff_properties(olds: Mapping[str, Any], news: Mapping[str, Any]) -> PropertyDiff:
    """`olds` are the previous outputs (which repeat the inputs), `news` the checked inputs."""
    old, new = with_defaults(olds), with_defaults(news)
    changed = [s.name for s in REPLACING + IN_PLACE if s.differs(old[s.name], new[s.name])]
    replacing = {spec.name for spec in REPLACING}
    return PropertyDiff(changed=changed, replaces=[n for n in changed if n in replacing])


def release_warning(phone_number_id: str, olds: Mapping[str, Any], news: Mapping[str, Any]) -> str:
    number = olds.get("phone_number") or "unknown number"
    who = olds.get("owner") or phone_number_id
    new_source = news.get("source_phone_number_arn")
    if is_unknown(new_source):
        new_source = "a value known only after apply"
    return (
        f"connect-numbers WARNING: {who}: this plan RELEASES phone number {number} "
        f"(id {phone_number_id}) from Amazon Connect once the new number is imported, because "
        f"source_phone_number_arn changes from {olds.get('source_phone_number_arn')} to "
        f"{new_source}. A released number may be "
        "unavailable for up to 180 days, and claiming or importing then releasing more than 200% "
        "of the phone-number quota within 180 days blocks new claims. Revert "
        "source_phone_number_arn to keep the number."
    )


class DetailKind(StrEnum):
    ADD = "add"
    UPDATE = "update"
    DELETE = "delete"


@dataclass(frozen=True)
class PropertyChange:
    """One changed path (`description`, `tags.team`) and whether it forces a replacement."""

    kind: DetailKind
    replaces: bool


def _kind(old: object, new: object) -> DetailKind:
    if old is None:
        return DetailKind.ADD
    return DetailKind.DELETE if new is None else DetailKind.UPDATE


def detailed_changes(olds: Mapping[str, Any], news: Mapping[str, Any]) -> dict[str, PropertyChange]:
    """Each changed input of `diff_properties`, tags key by key, so a plan can say which changes.

    Why: a front end that can show a detailed diff (the plugin) reports `tags.team` added, not
    `tags` updated; the decision (change or not, replace or not) stays `diff_properties`'.
    """
    result = diff_properties(olds, news)
    old, new = with_defaults(olds), with_defaults(news)
    changes: dict[str, PropertyChange] = {}
    for name in result.changed:
        replaces = name in result.replaces
        before, after = old[name], new[name]
        if name == "tags" and isinstance(before, Mapping) and isinstance(after, Mapping):
            for key in sorted(set(before) | set(after)):
                if before.get(key) != after.get(key):
                    kind = _kind(before.get(key), after.get(key))
                    changes[f"tags.{key}"] = PropertyChange(kind, replaces)
            continue
        changes[name] = PropertyChange(_kind(before, after), replaces)
    return changes
