"""Read: the live number for `pulumi refresh`, once any change in flight has settled.

Why: a number left IN_PROGRESS by an interrupted `pulumi up` settles as CLAIMED (an update) or
disappears (a release); reporting it half-way would show drift that is not there.
"""

from __future__ import annotations

from connect_numbers.workflows.context import WorkflowContext
from connect_numbers.workflows.number_waits import settled_or_gone, until_settled_or_gone
from connect_numbers.workflows.phone_number import PhoneNumber

REFRESHING = until_settled_or_gone(
    "refresh",
    activity="IN_PROGRESS (an earlier change is still being applied)",
    resume="Run `pulumi refresh` again to keep waiting",
)


def refresh(ctx: WorkflowContext, phone_number_id: str) -> PhoneNumber | None:
    """The live number, or None when it is gone."""
    return settled_or_gone(ctx, phone_number_id, REFRESHING)
