"""Which resource owns an imported number, which create of it wrote the tag, and what create
and delete may do with a number they find.

Why: a create interrupted after ImportPhoneNumber returned leaves a number that no state
records. ImportPhoneNumber writes our owner tag in the same call that creates the number, so
the tag is there from the first moment. The next create finds the number by its source ARN
and decides from the tag alone whether it may resume (ours), adopt (nobody's, and the user
asked for it) or must refuse (another stack's).

A replacement creates the new resource before it deletes the old one, and both have the same
name. So the tag also carries a generation: a marker drawn by each create and recorded in its
state. When the new resource takes the number over (a `pulumi up --replace` of the same
source), it re-tags it with its own generation, and the old resource's delete, which only
releases a number still tagged with the generation it recorded, leaves the number alone. A
create cannot tell its own crashed import from its predecessor's number (neither generation is
its own, and it sees no state), and need not: both are this resource's number to take over.
Tags written before generations existed (the resource alone) keep working as generation "".
The decisions are pure so that every branch is tested without AWS.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from connect_numbers.inputs.limits import TAG_VALUE_LENGTH
from connect_numbers.workflows.phone_number import PhoneNumber

OWNER_TAG_KEY = "connect-numbers:owner"
# The output that records the generation in state (not an input: it is drawn by create).
GENERATION_OUTPUT = "owner_generation"
# `<resource>@<12 hex digits>`: `@` and hex digits are allowed in every AWS tag value.
GENERATION_MARK = "@"
GENERATION_LENGTH = 12
_GENERATION_SUFFIX = re.compile(rf"{GENERATION_MARK}([0-9a-f]{{{GENERATION_LENGTH}}})\Z")


def _shortened(full: str, limit: int) -> str:
    """`full`, or its head plus a digest when longer than `limit`; distinct values stay apart."""
    if len(full) <= limit:
        return full
    digest = hashlib.sha256(full.encode()).hexdigest()[:16]
    return f"{full[: limit - len(digest) - 1]}#{digest}"


def owner_tag_value(project: str, stack: str, resource_name: str) -> str:
    """`<project>/<stack>/<resource name>`, shortened with a digest if a tag value cannot hold it.

    The digest keeps distinct long names distinct, so two stacks can never share an owner value
    by truncation.
    """
    return _shortened(f"{project}/{stack}/{resource_name}", TAG_VALUE_LENGTH.maximum)


def generation_for(token: str) -> str:
    """A create's generation: a digest of the ClientToken of its ImportPhoneNumber.

    The token is fresh for every create, so two creates of one resource never share a
    generation, and the generation needs no token of its own.
    """
    return hashlib.sha256(token.encode()).hexdigest()[:GENERATION_LENGTH]


@dataclass(frozen=True)
class Owner:
    """The owner tag one create of one resource writes: `resource`, and `generation` unless ""."""

    resource: str
    generation: str = ""

    @property
    def tag(self) -> str:
        if not self.generation:
            return self.resource
        suffix = GENERATION_MARK + self.generation
        return _shortened(self.resource, TAG_VALUE_LENGTH.maximum - len(suffix)) + suffix

    def generation_in(self, tag: str | None) -> str | None:
        """The generation `tag` gives this resource ("" without one), or None: another owner."""
        if not tag:
            return None
        if tag == self.resource:
            return ""
        found = _GENERATION_SUFFIX.search(tag)
        if found and Owner(self.resource, found.group(1)).tag == tag:
            return found.group(1)
        return None

    def tags_with(self, user_tags: Mapping[str, str]) -> dict[str, str]:
        """All tags the number should carry: the user's plus this owner tag."""
        return {**user_tags, OWNER_TAG_KEY: self.tag}

    def as_recorded(self, number: PhoneNumber) -> PhoneNumber:
        """`number` with its owner tag shown as the resource alone while it is this one's.

        Outputs and refresh report the owner as the program declares it; a tag of another
        generation is reported as it is, so refresh shows it as drift and the next update
        writes this resource's tag back.
        """
        if number.tags.get(OWNER_TAG_KEY) != self.tag:
            return number
        return dataclasses.replace(number, tags={**number.tags, OWNER_TAG_KEY: self.resource})


def user_tags(tags: Mapping[str, str]) -> dict[str, str]:
    """The tags the user manages: without our owner tag and without AWS-reserved `aws:` tags."""
    return {k: v for k, v in tags.items() if k != OWNER_TAG_KEY and not k.startswith("aws:")}


class Decision(StrEnum):
    RESUME = "resume"
    TAKE_OVER = "take-over"
    ADOPT = "adopt"
    REFUSE_NOT_ADOPTED = "refuse-not-adopted"
    REFUSE_OWNED_ELSEWHERE = "refuse-owned-elsewhere"


def decide(existing_owner: str | None, ours: Owner, *, adopt: bool) -> Decision:
    """What create does with an already-imported number whose owner tag is `existing_owner`.

    TAKE_OVER: the tag names this resource with another generation (or none): an earlier
    create of this resource that crashed, or the resource this one replaces.
    """
    if existing_owner == ours.tag:
        return Decision.RESUME
    if ours.generation_in(existing_owner) is not None:
        return Decision.TAKE_OVER
    if existing_owner:
        return Decision.REFUSE_OWNED_ELSEWHERE
    return Decision.ADOPT if adopt else Decision.REFUSE_NOT_ADOPTED


class Release(StrEnum):
    RELEASE = "release"
    TAKEN_OVER = "taken-over"
    OWNED_ELSEWHERE = "owned-elsewhere"


def may_release(live_owner: str | None, recorded: Owner) -> Release:
    """Whether delete may release a number whose owner tag is `live_owner`.

    Only the exact recorded tag, generation included, is released; a number without an owner
    tag (removed by hand), or a state that recorded no owner, is released because the state
    says this resource manages it.
    """
    if not live_owner or not recorded.resource or live_owner == recorded.tag:
        return Release.RELEASE
    if recorded.generation_in(live_owner) is not None:
        return Release.TAKEN_OVER
    return Release.OWNED_ELSEWHERE
