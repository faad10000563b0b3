"""Between the engine's property bags and `NumberInputs`, driven by `inputs.INPUTS`.

Why: the engine hands the provider untyped dicts. The entry points in `provider.py` turn them
into a `NumberInputs` once (`parse`); below them no code reads inputs from a dict. Defaults are
filled in here and nowhere else (`with_defaults`), and `check`, which must look at values that
may be of the wrong type or unknown during preview, works on the bag through each input's check.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from connect_numbers.aws.regions import region_agreement
from connect_numbers.aws.settings import ConfiguredRegion
from connect_numbers.inputs.checks import Failure, flow_in_instance, one_target
from connect_numbers.inputs.declaration import InputSpec, is_unknown
from connect_numbers.inputs.spec import INPUTS, NumberInputs
from connect_numbers.workflows.phone_number import PhoneNumber


def with_defaults(bag: Mapping[str, Any]) -> dict[str, Any]:
    """The inputs the provider stores: declared names only, optional ones filled in."""
    values: dict[str, Any] = {}
    for spec in INPUTS:
        value = bag.get(spec.name)
        if value is None:
            value = spec.default()
        elif spec.kind == "number" and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        values[spec.name] = value
    return values


def failures(values: Mapping[str, Any], configured: ConfiguredRegion | None) -> list[Failure]:
    """Every failure for `values` (after `with_defaults`); unknown preview values are skipped."""
    found = [
        Failure(spec.name, reason)
        for spec in INPUTS
        if not is_unknown(values.get(spec.name))
        for reason in spec.facts.check(values.get(spec.name))
    ]
    source, instance = values.get("source_phone_number_arn"), values.get("instance_id")
    target = values.get("target_arn")
    return (
        found
        + one_target(instance, target)
        + region_agreement(source, instance, configured, target)
        + flow_in_instance(values.get("contact_flow_id"), instance, target)
    )


def _typed(spec: InputSpec, value: Any) -> Any:
    # Only checked inputs and the provider's own state arrive here, so a value of another type
    # means the input is absent from an old or partial state: it reads as its default, or as ""
    # for a required text, which no AWS call ever receives (create and update get checked inputs).
    if spec.kind == "map":
        return dict(value) if isinstance(value, Mapping) else spec.default()
    if spec.kind == "flag":
        return value if isinstance(value, bool) else spec.default()
    if spec.kind == "number":
        ok = isinstance(value, int | float) and not isinstance(value, bool)
        return float(value) if ok else spec.default()
    if isinstance(value, str):
        return value
    return "" if spec.required else spec.default()


def parse(bag: Mapping[str, Any]) -> NumberInputs:
    """The typed inputs in a property bag: checked news, or the inputs repeated in state."""
    values = with_defaults(bag)
    return NumberInputs(**{spec.name: _typed(spec, values[spec.name]) for spec in INPUTS})


def inputs_from_live(number: PhoneNumber, declared: NumberInputs) -> dict[str, Any]:
    """The inputs that would produce what is live, so the next preview shows the drift."""
    return {spec.name: spec.facts.from_live(number, declared) for spec in INPUTS}


def inputs_as_outputs(number: PhoneNumber, declared: NumberInputs) -> dict[str, Any]:
    """The inputs as outputs: state repeats them, since outputs are the next diff's `olds`."""
    return {spec.name: spec.output(number, declared) for spec in INPUTS}
