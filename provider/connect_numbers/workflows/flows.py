"""The number's contact flow: which call, if any, brings the live association to the declared one.

Why a plan of its own: Connect keeps the association apart from the number (it is read with
ListFlowAssociations, not DescribePhoneNumber) and drops it when the number moves, so the step
depends on three things: the declared flow, the flow state recorded, and whether this update
moved the number. Associating again replaces the earlier flow, so associating is always safe
to repeat: a create that resumes simply associates.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from connect_numbers.aws.arns import ArnError, flow_id_of
from connect_numbers.errors import ContactFlowNotFoundError, NotFoundError
from connect_numbers.workflows.context import WorkflowContext
from connect_numbers.workflows.phone_number import PhoneNumber


@dataclass(frozen=True)
class Associate:
    flow: str


@dataclass(frozen=True)
class Disassociate:
    pass


FlowStep = Associate | Disassociate | None


def _same_flow(a: str | None, b: str | None) -> bool:
    try:
        return (flow_id_of(a) if a else None) == (flow_id_of(b) if b else None)
    except ArnError:
        return a == b


def plan(declared: str | None, recorded: str | None, moved: bool, fresh: bool) -> FlowStep:
    """The one call to make, if any. `fresh`: nothing is known of the live association (a
    create or a resume), so a declared flow is associated whatever was recorded."""
    if declared:
        if fresh or moved or not _same_flow(declared, recorded):
            return Associate(declared)
        return None
    if recorded and not moved and not fresh:
        return Disassociate()
    return None


def apply(ctx: WorkflowContext, number: PhoneNumber, step: FlowStep) -> PhoneNumber:
    """Makes the step's call; a flow Connect does not find fails naming it and the instance."""
    if isinstance(step, Associate):
        try:
            ctx.api.associate_flow(number.phone_number_id, number.instance_id, step.flow)
        except NotFoundError as err:
            raise ContactFlowNotFoundError(
                step.flow, number.phone_number_id, number.instance_id, err.aws_message
            ) from err
        return _with_flow(number, step.flow)
    if isinstance(step, Disassociate):
        ctx.api.disassociate_flow(number.phone_number_id, number.instance_id)
        return _with_flow(number, "")
    return number


def _with_flow(number: PhoneNumber, flow: str) -> PhoneNumber:
    return replace(number, contact_flow_arn=flow)
