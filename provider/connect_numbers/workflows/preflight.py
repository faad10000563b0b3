"""Before ImportPhoneNumber: describe the source in End User Messaging, then fail, warn or go on.

Why: the decision is pure (`source_check.verdict`); this is the one step create takes, with its
side effects: the DescribePhoneNumbers call, the warning, and a last look in Connect before a
failure, so that a create resuming an import it already made is never refused by the check
(AWS does not document how an imported source describes in End User Messaging).
"""

from __future__ import annotations

from connect_numbers.aws.arns import ArnError, is_arn, parse_arn, parse_source_number_arn
from connect_numbers.errors import AccessDeniedError
from connect_numbers.inputs.spec import NumberInputs
from connect_numbers.workflows.context import WorkflowContext
from connect_numbers.workflows.source_check import Fail, LookedUpIn, Warn, verdict


def check_source(ctx: WorkflowContext, inputs: NumberInputs) -> None:
    """Raise the pre-flight's failure, or notify its warning; nothing else changes."""
    if ctx.sources is None:
        raise ValueError("this workflow context has no End User Messaging API")
    source_arn = inputs.source_phone_number_arn
    found = ctx.sources.describe(source_arn)
    result = verdict(source_arn, found, _looked_up_in(inputs))
    if isinstance(result, Warn):
        ctx.notify(f"connect-numbers WARNING: {inputs.owner}: {result.text}")
    elif isinstance(result, Fail):
        if _imported_already(ctx, source_arn):
            return  # create resumes or takes it over, as before the check existed
        raise result.error


def _imported_already(ctx: WorkflowContext, source_arn: str) -> bool:
    # ListPhoneNumbersV2 is the optional statement of the policy (resume and adopt only): without
    # it, the pre-flight's own line is the clearer failure.
    try:
        return ctx.api.find_by_source(source_arn) is not None
    except AccessDeniedError:
        return False


def _looked_up_in(inputs: NumberInputs) -> LookedUpIn:
    source = parse_source_number_arn(inputs.source_phone_number_arn)
    return LookedUpIn(source.region, _instance_account(inputs), source.account)


def _instance_account(inputs: NumberInputs) -> str | None:
    """The account an instance or target ARN names; None for a bare instance id."""
    for declared in (inputs.target_arn, inputs.instance_id):
        if declared and is_arn(declared):
            try:
                return parse_arn(declared).account
            except ArnError:
                continue
    return None
