"""What both front ends (dynamic provider, plugin) do around each workflow call.

Why: the two front ends speak different protocols but must behave the same; everything between
a parsed property bag and a workflow (check failures, the detailed diff's source, the recorded
owner, the Region and deadline of the calls) lives here once, and each front end only converts
its protocol's values and results.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from connect_numbers.aws.regions import region_for_calls
from connect_numbers.aws.settings import AwsSettings, ConfiguredRegion, configured_region
from connect_numbers.inputs.bags import failures, with_defaults
from connect_numbers.inputs.checks import Failure
from connect_numbers.inputs.spec import NumberInputs
from connect_numbers.pacing.engine_slots import SLOTS, EngineSlots
from connect_numbers.workflows.context import Runtime, WorkflowContext, open_context
from connect_numbers.workflows.ownership import GENERATION_OUTPUT, Owner


def configured(
    runtime: Runtime, settings: AwsSettings, resource_region: str | None
) -> ConfiguredRegion | None:
    env = runtime.env if runtime.env is not None else os.environ
    return configured_region(resource_region, settings, env)


def checked(
    news: Mapping[str, Any], runtime: Runtime, settings: AwsSettings
) -> tuple[dict[str, Any], list[Failure]]:
    """The inputs to store (defaults filled in) and every failure, each naming its input."""
    values = with_defaults(news)
    region = values["region"]
    where = configured(runtime, settings, region if isinstance(region, str) else None)
    return values, failures(values, where)


def context_for(
    runtime: Runtime,
    settings: AwsSettings,
    phone_number_id: str,
    inputs: NumberInputs,
    known_arn: str | None,
    timeout: float | None = None,
) -> WorkflowContext:
    """The calls' context: the number's Region, and `timeout` (else the input's) per wait."""
    region = region_for_calls(
        phone_number_id,
        phone_number_arn=known_arn,
        source_arn=inputs.source_phone_number_arn,
        configured=configured(runtime, settings, inputs.region),
    )
    deadline = inputs.wait_timeout_seconds if timeout is None else timeout
    return open_context(runtime, settings, region, deadline)


def recorded_owner(resource: str, state: Mapping[str, Any]) -> Owner:
    """The owner tag this resource wrote: its generation is in state (none in older states)."""
    generation = state.get(GENERATION_OUTPUT)
    return Owner(resource, generation if isinstance(generation, str) else "")


def arn_in(state: Mapping[str, Any]) -> str | None:
    """The number's ARN from state (an output, not an input): it names the number's Region."""
    arn = state.get("phone_number_arn")
    return arn if isinstance(arn, str) else None


def note_check(olds: Mapping[str, Any], slots: EngineSlots = SLOTS) -> None:
    """A check without olds is a resource the engine will create (`engine_slots`)."""
    if not olds:
        slots.planned_create()


@contextlib.contextmanager
def holding_a_slot(
    ctx: WorkflowContext, notify: Callable[[str], None], slots: EngineSlots = SLOTS
) -> Iterator[None]:
    """Around a create: says, once, when `--parallel` is what holds the imports back."""
    slots.started_create()
    try:
        yield
    finally:
        line = slots.finished_create(ctx.api.claim_time_seen(), ctx.api.import_rate())
        if line:
            notify(line)
