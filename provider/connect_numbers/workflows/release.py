"""Delete: release only a number this resource owns, then wait until Connect no longer has it.

Why: a released number may be unavailable for up to 180 days and counts against the release
quota, so delete releases a number only while its owner tag is still the one this resource
recorded, generation included. A replacement creates the new resource first; when it took the
number over (a `pulumi up --replace` of the same source) the tag carries its generation, and the
old resource's delete leaves the number alone and says so. Delete waits out a change still in
flight first, and treats a number that is already gone as released (an interrupted earlier
release may have finished meanwhile).
"""

from __future__ import annotations

from connect_numbers.errors import NotOwnedError
from connect_numbers.workflows.context import WorkflowContext
from connect_numbers.workflows.number_waits import (
    settled_or_gone,
    until_gone,
    until_settled_or_gone,
    wait_for_number,
)
from connect_numbers.workflows.ownership import OWNER_TAG_KEY, Owner, Release, may_release

BEFORE_RELEASE = until_settled_or_gone(
    "before-release",
    activity="IN_PROGRESS before its release",
    resume="Run `pulumi destroy` again to keep waiting",
)
RELEASING = until_gone("release")


def delete(ctx: WorkflowContext, phone_number_id: str, recorded: Owner) -> str | None:
    """Release the number unless it is gone already or no longer this resource's.

    Returns a notice for the user when a successor has taken the number over (nothing released).
    """
    number = settled_or_gone(ctx, phone_number_id, BEFORE_RELEASE)
    if number is None:
        return None
    tagged = number.tags.get(OWNER_TAG_KEY)
    verdict = may_release(tagged, recorded)
    if verdict is Release.OWNED_ELSEWHERE:
        raise NotOwnedError(phone_number_id, str(tagged), recorded.resource)
    if verdict is Release.TAKEN_OVER:
        return (
            f"connect-numbers: {recorded.resource}: phone number {number.phone_number or '?'} "
            f"(id {phone_number_id}) was NOT released: its owner tag '{tagged}' names a later "
            "create of this resource (the replacement that took the number over), which keeps it"
        )
    release(ctx, phone_number_id)
    return None


def release(ctx: WorkflowContext, phone_number_id: str) -> None:
    """ReleasePhoneNumber, then wait until DescribePhoneNumber no longer finds it."""
    if ctx.api.release(phone_number_id, ctx.new_token()):
        wait_for_number(ctx, phone_number_id, RELEASING)
