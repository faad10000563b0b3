"""Create: import the source number, or, when it is imported already, resume, adopt or refuse.

Why: a create interrupted after ImportPhoneNumber returned leaves a number that no state
records. ImportPhoneNumber writes our owner tag in the same call, so the next create finds the
number by its source ARN and decides from that tag alone (`ownership.decide`): resume our own
import, take over this resource's number from an earlier create (a crashed one, or the resource
this one replaces), adopt a number nobody manages when the user asked for it, or refuse. Every
create draws a generation for the owner tag; a number taken over or adopted is re-tagged with it
before anything else, so the replaced resource's delete sees that it no longer owns the number.
A FAILED import of ours is released, so nothing is left half-imported. A number for a traffic
distribution group is imported into the group's own instance, then moved to the group.
"""

from __future__ import annotations

import dataclasses
from typing import NoReturn

from connect_numbers.errors import (
    AdoptionRequiredError,
    ConnectNumbersError,
    IdempotencyConflictError,
    ImportFailedError,
    OwnedElsewhereError,
    ServiceError,
    TargetNotReadyError,
    UnexpectedOwnerError,
)
from connect_numbers.inputs.spec import NumberInputs
from connect_numbers.workflows import flows
from connect_numbers.workflows.context import WorkflowContext
from connect_numbers.workflows.converge import converge
from connect_numbers.workflows.number_waits import until_settled, wait_for_number
from connect_numbers.workflows.ownership import (
    OWNER_TAG_KEY,
    Decision,
    Owner,
    decide,
    generation_for,
)
from connect_numbers.workflows.phone_number import NumberRef, PhoneNumber, Status
from connect_numbers.workflows.preflight import check_source
from connect_numbers.workflows.release import release
from connect_numbers.workflows.targets import ACTIVE, Target, declared_target, import_instance

# Error codes with which Connect might refuse to import a source that is already imported. Our
# local service answers IdempotencyException (409); real Connect's answer is undocumented, so any
# of these triggers a look-up by source ARN, and the original error stands if nothing is found.
ALREADY_IMPORTED_CODES = frozenset(
    {
        "IdempotencyException",
        "ResourceInUseException",
        "ResourceConflictException",
        "ConflictException",
        "DuplicateResourceException",
        "InvalidRequestException",
        "InvalidParameterException",
    }
)
IMPORTING = until_settled(
    "import",
    "IN_PROGRESS (being imported)",
    "The number carries this resource's owner tag, so the next `pulumi up` finds it and resumes "
    "waiting instead of importing again; raise wait_timeout_seconds if imports take longer",
)
RESUMING = until_settled(
    "resume",
    "IN_PROGRESS (being imported)",
    "Run `pulumi up` again; it resumes waiting for the same number",
)


def create(ctx: WorkflowContext, inputs: NumberInputs) -> tuple[PhoneNumber, Owner]:
    """The claimed number, and the owner tag (with this create's generation) it now carries."""
    target = declared_target(inputs.instance_id, inputs.target_arn)
    instance_id = _import_instance(ctx, target)
    check_source(ctx, inputs)
    token = ctx.new_token()
    owner = Owner(inputs.owner, generation_for(token))
    try:
        ref = ctx.api.import_number(
            instance_id=instance_id,
            source_arn=inputs.source_phone_number_arn,
            description=inputs.description,
            tags=inputs.desired_tags(owner.tag),
            token=token,
        )
    except ServiceError as err:
        if err.code not in ALREADY_IMPORTED_CODES:
            raise
        existing = ctx.api.find_by_source(inputs.source_phone_number_arn)
        if existing is None:
            raise
        return _take_over(ctx, existing, inputs, owner), owner
    number = _await_import(ctx, ref, owner)
    if target.is_group:
        return converge(ctx, number, inputs, owner, fresh=True), owner  # moves it to the group
    step = flows.plan(inputs.contact_flow_id, None, moved=False, fresh=True)
    return flows.apply(ctx, number, step), owner


def _import_instance(ctx: WorkflowContext, target: Target) -> str:
    """The instance to import into: the declared one, or a traffic distribution group's own."""
    if not target.is_group:
        return target.instance_id
    group = ctx.api.traffic_distribution_group(target.arn)
    if group.status != ACTIVE:
        raise TargetNotReadyError(target.arn, group.status)
    return import_instance(group)


def _await_import(ctx: WorkflowContext, ref: NumberRef, owner: Owner) -> PhoneNumber:
    number = wait_for_number(ctx, ref.phone_number_id, IMPORTING)
    if number.status is Status.FAILED:
        _discard_failed(ctx, number)
    tagged = number.tags.get(OWNER_TAG_KEY)
    if tagged != owner.tag:
        raise UnexpectedOwnerError(number.phone_number_id, tagged, owner.tag)
    return number


def _discard_failed(ctx: WorkflowContext, number: PhoneNumber) -> NoReturn:
    """Release a FAILED import of ours, so no half-imported number is left, then fail."""
    try:
        release(ctx, number.phone_number_id)
    except ConnectNumbersError:
        raise ImportFailedError(
            number.phone_number_id, number.status_message, cleaned_up=False
        ) from None
    raise ImportFailedError(number.phone_number_id, number.status_message, cleaned_up=True)


def _take_over(
    ctx: WorkflowContext, ref: NumberRef, inputs: NumberInputs, owner: Owner
) -> PhoneNumber:
    """The source is already imported: resume, take over or adopt it, or refuse."""
    number = ctx.api.describe(ref.phone_number_id)
    if number is None:
        raise IdempotencyConflictError(
            "ImportPhoneNumber",
            "IdempotencyException",
            f"source number {ref.source_phone_number_arn} is reported as imported, but phone "
            f"number {ref.phone_number_id} cannot be described; run `pulumi up` again",
        )
    decision = _permitted(number, ref, inputs, owner)
    if number.status is Status.IN_PROGRESS:
        number = wait_for_number(ctx, number.phone_number_id, RESUMING)
    if number.status is Status.FAILED:
        if decision in (Decision.RESUME, Decision.TAKE_OVER):
            _discard_failed(ctx, number)
        raise ImportFailedError(number.phone_number_id, number.status_message, cleaned_up=False)
    if decision is not Decision.RESUME:
        # The owner tag goes on first and alone: from here on a crash resumes, not re-adopts,
        # and the resource this one replaces no longer releases the number.
        ctx.api.tag(number.phone_number_arn, {OWNER_TAG_KEY: owner.tag})
        number = dataclasses.replace(number, tags={**number.tags, OWNER_TAG_KEY: owner.tag})
    return converge(ctx, number, inputs, owner, fresh=True)


def _permitted(number: PhoneNumber, ref: NumberRef, inputs: NumberInputs, owner: Owner) -> Decision:
    """Resume, take over or adopt; raises when the number must be left alone."""
    tagged = number.tags.get(OWNER_TAG_KEY)
    decision = decide(tagged, owner, adopt=inputs.adopt)
    if decision is Decision.REFUSE_OWNED_ELSEWHERE:
        raise OwnedElsewhereError(
            number.phone_number_id, ref.source_phone_number_arn, str(tagged), inputs.owner
        )
    if decision is Decision.REFUSE_NOT_ADOPTED:
        raise AdoptionRequiredError(
            number.phone_number_id, ref.source_phone_number_arn, number.instance_id
        )
    return decision
