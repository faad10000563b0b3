"""Delete: release only a number this resource owns, then wait until Connect no longer has it.

Why: a released number may be unavailable for up to 180 days and counts against the release
quota, so delete never releases a number another resource's owner tag claims, waits out a change
still in flight first, and treats a number that is already gone as released (an interrupted
earlier release may have finished meanwhile).
"""

from __future__ import annotations

from .errors import NotOwnedError
from .number_waits import settled_or_gone, until_gone, until_settled_or_gone, wait_for_number
from .ownership import OWNER_TAG_KEY
from .workflow_context import WorkflowContext

BEFORE_RELEASE = until_settled_or_gone(
    "before-release",
    activity="IN_PROGRESS before its release",
    resume="Run `pulumi destroy` again to keep waiting",
)
RELEASING = until_gone("release")


def delete(ctx: WorkflowContext, phone_number_id: str, owner: str) -> None:
    """Release the number unless it is gone already or tagged for another owner."""
    number = settled_or_gone(ctx, phone_number_id, BEFORE_RELEASE)
    if number is None:
        return
    tagged = number.tags.get(OWNER_TAG_KEY)
    # No owner tag (removed by hand) or no owner in state: the state says we manage it.
    if tagged and owner and tagged != owner:
        raise NotOwnedError(phone_number_id, tagged, owner)
    release(ctx, phone_number_id)


def release(ctx: WorkflowContext, phone_number_id: str) -> None:
    """ReleasePhoneNumber, then wait until DescribePhoneNumber no longer finds it."""
    if ctx.api.release(phone_number_id, ctx.new_token()):
        wait_for_number(ctx, phone_number_id, RELEASING)
