"""Read: the live number for `pulumi refresh`, once any change in flight has settled.

Why: a number left IN_PROGRESS by an interrupted `pulumi up` settles as CLAIMED (an update) or
disappears (a release); reporting it half-way would show drift that is not there.
"""

from __future__ import annotations

import dataclasses

from connect_numbers.workflows.context import WorkflowContext
from connect_numbers.workflows.number_waits import settled_or_gone, until_settled_or_gone
from connect_numbers.workflows.phone_number import PhoneNumber

REFRESHING = until_settled_or_gone(
    "refresh",
    activity="IN_PROGRESS (an earlier change is still being applied)",
    resume="Run `pulumi refresh` again to keep waiting",
)


def refresh(
    ctx: WorkflowContext, phone_number_id: str, read_flow: bool = False
) -> PhoneNumber | None:
    """The live number, or None when it is gone. With `read_flow` (the resource declares a
    contact flow) its association too: one paged ListFlowAssociations of its instance, which
    numbers that declare no flow are spared."""
    number = settled_or_gone(ctx, phone_number_id, REFRESHING)
    if number is None or not read_flow:
        return number
    return dataclasses.replace(number, contact_flow_arn=ctx.api.flow_of(number))
