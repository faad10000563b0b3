"""The resource's outputs: what only AWS knows about a number, plus every input repeated.

Why: outputs double as the "olds" that the engine hands to `diff` and `update`, so they carry
every input under the same name (`input_bags.inputs_as_outputs`); and `read` hands back inputs
too, or `pulumi refresh` would update outputs silently and never show drift. The owner tag is
split from the user's tags so that it never shows up as a tag diff, and reported as the program
declares it (without the create's generation, which is recorded in `owner_generation`: state,
not an input, see `ownership`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import pulumi
from pulumi.runtime.rpc import UNKNOWN

from connect_numbers.inputs.bags import inputs_as_outputs
from connect_numbers.inputs.spec import NumberInputs
from connect_numbers.workflows.ownership import GENERATION_OUTPUT, Owner
from connect_numbers.workflows.phone_number import PhoneNumber


@dataclass(frozen=True)
class ComputedOutput:
    name: str
    read: Callable[[PhoneNumber], object]
    stable: bool = False  # never changes while the number is updated in place
    doc: str = ""  # one line, for the plugin's schema


COMPUTED = (
    ComputedOutput(
        "phone_number_id", lambda n: n.phone_number_id, True, "The Connect phone number id."
    ),
    ComputedOutput(
        "phone_number_arn", lambda n: n.phone_number_arn, True, "The Connect phone number ARN."
    ),
    ComputedOutput("phone_number", lambda n: n.phone_number, True, "The number in E.164 format."),
    ComputedOutput("country_code", lambda n: n.country_code, doc="ISO country code."),
    ComputedOutput("number_type", lambda n: n.number_type, doc="TOLL_FREE, DID, ..."),
    ComputedOutput("status", lambda n: n.status.value, doc="CLAIMED, IN_PROGRESS or FAILED."),
    ComputedOutput("status_message", lambda n: n.status_message, doc="Why, when FAILED."),
)
STABLE = [output.name for output in COMPUTED if output.stable]


def outputs(number: PhoneNumber, declared: NumberInputs, owner: Owner) -> dict[str, Any]:
    values: dict[str, Any] = {output.name: output.read(number) for output in COMPUTED}
    values.update(inputs_as_outputs(owner.as_recorded(number), declared))
    values[GENERATION_OUTPUT] = owner.generation
    return values


class ComputedOutputs:
    """Typed output attributes of `ImportedPhoneNumber` for the computed outputs above."""

    phone_number_id: pulumi.Output[str]
    phone_number_arn: pulumi.Output[str]
    phone_number: pulumi.Output[str]
    """The number in E.164 format."""
    country_code: pulumi.Output[str]
    number_type: pulumi.Output[str]
    status: pulumi.Output[str]
    status_message: pulumi.Output[str]


def planned_outputs(
    inputs: Mapping[str, Any], state: Mapping[str, Any] | None = None
) -> dict[str, Any]:
    """The outputs a preview shows: the inputs as given, computed outputs unknown.

    Why: a front end that runs create and update during preview (the plugin) must call nothing
    that changes anything there; the outputs that only AWS knows are unknown (UNKNOWN), except,
    for an update, those that never change in place, which keep their value from `state`.
    """
    values: dict[str, Any] = {output.name: UNKNOWN for output in COMPUTED}
    if state is not None:
        values.update({name: state.get(name, UNKNOWN) for name in STABLE})
        values[GENERATION_OUTPUT] = state.get(GENERATION_OUTPUT, UNKNOWN)
    else:
        values[GENERATION_OUTPUT] = UNKNOWN
    values.update(inputs)
    return values
