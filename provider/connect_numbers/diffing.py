"""What a change of inputs means for a number: nothing, an update in place, or a replacement.

Why: the engine's default diff compares every input, `__provider` included, and cannot know that
an instance id and an instance ARN name the same instance. Only a new source number forces a
replacement (and so a release, which burns quota); everything else is updated in place.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from . import props as p
from .arns import ArnError, instance_id_of
from .validation import is_unknown, with_defaults

REPLACING = (p.SOURCE_PHONE_NUMBER_ARN,)
IN_PLACE = (p.INSTANCE_ID, p.DESCRIPTION, p.TAGS, p.OWNER, p.ADOPT, p.WAIT_TIMEOUT_SECONDS)


@dataclass(frozen=True)
class PropertyDiff:
    changed: list[str]
    replaces: list[str]


def _instance(value: Any) -> Any:
    if isinstance(value, str):
        try:
            return instance_id_of(value)
        except ArnError:
            return value
    return value


def _differs(name: str, old: Any, new: Any) -> bool:
    if is_unknown(new):
        return True
    if name == p.INSTANCE_ID:
        return bool(_instance(old) != _instance(new))
    if name == p.TAGS:
        if isinstance(new, Mapping) and any(is_unknown(v) for v in new.values()):
            return True
        return dict(old or {}) != dict(new or {})
    return bool(old != new)


def diff_properties(olds: Mapping[str, Any], news: Mapping[str, Any]) -> PropertyDiff:
    """`olds` are the previous outputs (which repeat the inputs), `news` the checked inputs."""
    old, new = with_defaults(olds), with_defaults(news)
    changed = [n for n in REPLACING + IN_PLACE if _differs(n, old.get(n), new.get(n))]
    return PropertyDiff(changed=changed, replaces=[n for n in changed if n in REPLACING])


def release_warning(phone_number_id: str, olds: Mapping[str, Any], news: Mapping[str, Any]) -> str:
    number = olds.get(p.PHONE_NUMBER) or "unknown number"
    who = olds.get(p.OWNER) or phone_number_id
    new_source = news.get(p.SOURCE_PHONE_NUMBER_ARN)
    if is_unknown(new_source):
        new_source = "a value known only after apply"
    return (
        f"connect-numbers WARNING: {who}: this plan RELEASES phone number {number} "
        f"(id {phone_number_id}) from Amazon Connect, because source_phone_number_arn changes "
        f"from {olds.get(p.SOURCE_PHONE_NUMBER_ARN)} to {new_source}. A released number may be "
        "unavailable for up to 180 days, and claiming or importing then releasing more than 200% "
        "of the phone-number quota within 180 days blocks new claims. Revert "
        "source_phone_number_arn to keep the number."
    )
