"""Which resource owns an imported number, and what create may do with one it finds.

Why: a create interrupted after ImportPhoneNumber returned leaves a number that no state
records. ImportPhoneNumber writes our owner tag in the same call that creates the number, so
the tag is there from the first moment. The next create finds the number by its source ARN
and decides from the tag alone whether it may resume (ours), adopt (nobody's, and the user
asked for it) or must refuse (another stack's). The decision is pure so that every branch is
tested without AWS.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from enum import StrEnum

from .limits import TAG_VALUE_LENGTH

OWNER_TAG_KEY = "connect-numbers:owner"


def owner_tag_value(project: str, stack: str, resource_name: str) -> str:
    """`<project>/<stack>/<resource name>`, shortened with a digest if a tag value cannot hold it.

    The digest keeps distinct long names distinct, so two stacks can never share an owner value
    by truncation.
    """
    full = f"{project}/{stack}/{resource_name}"
    limit = TAG_VALUE_LENGTH.maximum
    if len(full) <= limit:
        return full
    digest = hashlib.sha256(full.encode()).hexdigest()[:16]
    return f"{full[: limit - len(digest) - 1]}#{digest}"


def user_tags(tags: Mapping[str, str]) -> dict[str, str]:
    """The tags the user manages: without our owner tag and without AWS-reserved `aws:` tags."""
    return {k: v for k, v in tags.items() if k != OWNER_TAG_KEY and not k.startswith("aws:")}


class Decision(StrEnum):
    RESUME = "resume"
    ADOPT = "adopt"
    REFUSE_NOT_ADOPTED = "refuse-not-adopted"
    REFUSE_OWNED_ELSEWHERE = "refuse-owned-elsewhere"


def decide(existing_owner: str | None, ours: str, *, adopt: bool) -> Decision:
    """What create does with an already-imported number whose owner tag is `existing_owner`."""
    if existing_owner == ours:
        return Decision.RESUME
    if existing_owner:
        return Decision.REFUSE_OWNED_ELSEWHERE
    return Decision.ADOPT if adopt else Decision.REFUSE_NOT_ADOPTED
