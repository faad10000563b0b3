"""Update: bring a live number to the declared inputs, in place, waiting after each step.

Why: the order is chosen so that a failure half-way leaves the number usable and the next
`pulumi up` can finish the job: settle first, then move (UpdatePhoneNumber), then the
description, then tags (new ones before old ones are removed, see `tag_plan`). A move goes to
the declared instance or traffic distribution group (`targets`), and the contact flow is
associated again right after it (a move drops it). Each step waits
for CLAIMED, since Connect keeps the number IN_PROGRESS while it applies a change.
"""

from __future__ import annotations

from connect_numbers.errors import ImportFailedError, NotFoundError
from connect_numbers.inputs.spec import NumberInputs
from connect_numbers.workflows import flows, tag_plan
from connect_numbers.workflows.context import WorkflowContext
from connect_numbers.workflows.number_waits import Wait, until_settled, wait_for_number
from connect_numbers.workflows.ownership import Owner
from connect_numbers.workflows.phone_number import PhoneNumber, Status
from connect_numbers.workflows.targets import declared_target

_RESUME = "Run `pulumi up` again; it waits for the number and applies what is left"
SETTLING = until_settled("settle", "IN_PROGRESS", _RESUME)
MOVING = until_settled(
    "move", "IN_PROGRESS (moving to another instance or traffic distribution group)", _RESUME
)
DESCRIBING = until_settled(
    "description", "IN_PROGRESS (description update)", _RESUME, poll_first=True
)
TAGGING = until_settled("tags", "IN_PROGRESS (tag update)", _RESUME, poll_first=True)


def update(
    ctx: WorkflowContext,
    phone_number_id: str,
    inputs: NumberInputs,
    owner: Owner,
    recorded_flow: str | None = None,
) -> PhoneNumber:
    number = ctx.api.describe(phone_number_id)
    if number is None:
        raise NotFoundError(
            "DescribePhoneNumber",
            "ResourceNotFoundException",
            f"phone number {phone_number_id} no longer exists; run `pulumi refresh` to drop it "
            "from the stack, then `pulumi up` to import the source number again",
        )
    return converge(ctx, number, inputs, owner, recorded_flow)


def converge(
    ctx: WorkflowContext,
    number: PhoneNumber,
    inputs: NumberInputs,
    owner: Owner,
    recorded_flow: str | None = None,
    *,
    fresh: bool = False,
) -> PhoneNumber:
    """Bring the live number to the declared inputs and `owner`'s tag, waiting for CLAIMED after
    each step. The contact flow follows the move, which drops it (`flows`); `recorded_flow` is
    the flow state holds, and `fresh` says nothing is known of it (a create or a resume)."""
    pid = number.phone_number_id
    if number.status is Status.IN_PROGRESS:
        number = _claimed(ctx, pid, SETTLING)
    target = declared_target(inputs.instance_id, inputs.target_arn)
    moved = not target.holds(number)
    if moved:
        if target.arn:
            ctx.api.move_to_target(pid, target.arn, ctx.new_token())
        else:
            ctx.api.move(pid, target.instance_id, ctx.new_token())
        number = _claimed(ctx, pid, MOVING)
    flow_step = flows.plan(inputs.contact_flow_id, recorded_flow, moved=moved, fresh=fresh)
    number = flows.apply(ctx, number, flow_step)
    if number.description != inputs.description:
        ctx.api.update_description(pid, inputs.description, ctx.new_token())
        number = _claimed(ctx, pid, DESCRIBING)
    steps = tag_plan.plan(number.tags, inputs.desired_tags(owner.tag))
    for step in steps:
        if isinstance(step, tag_plan.SetTags):
            ctx.api.tag(number.phone_number_arn, step.tags)
        else:
            ctx.api.untag(number.phone_number_arn, step.keys)
    if steps:
        number = _claimed(ctx, pid, TAGGING)
    return number


def _claimed(ctx: WorkflowContext, phone_number_id: str, wait: Wait[PhoneNumber]) -> PhoneNumber:
    number = wait_for_number(ctx, phone_number_id, wait)
    if number.status is Status.FAILED:
        raise ImportFailedError(phone_number_id, number.status_message, cleaned_up=False)
    return number
