"""How an input is declared: the facts that sit beside its name, Python type and default.

Why: an input used to be spelled out in eight places (the Args class, a property-name list,
check, the defaults, diff's in-place list, the outputs, refresh, the stack-config schema and
the README). `inputs.NumberInputs` now declares each input as one dataclass field: Python gives
its name, type and default, and the field's metadata carries the `InputFacts` below. Everything
else reads them back through `specs_of`, so nothing keeps a list of inputs of its own.
"""

from __future__ import annotations

import dataclasses
import typing
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Literal

from pulumi.runtime.rpc import UNKNOWN

from connect_numbers.inputs.limits import Limit
from connect_numbers.workflows.phone_number import PhoneNumber

_METADATA_KEY = "connect_numbers.input"

# The shapes an input value can have; the stack-config parser, the typed parse and the README
# derive their rules from it.
Kind = Literal["text", "flag", "number", "map"]


class Change(StrEnum):
    """What a new value of the input does to the number."""

    IN_PLACE = "in place"
    REPLACE = "replacement"
    # Never compared by diff: the outputs report the Region in the number's ARN, which decides
    # where calls go; the input is only checked against the ARNs.
    NOT_COMPARED = "not compared"


def _as_is(value: Any) -> Any:
    return value


@dataclass(frozen=True)
class InputFacts:
    """What Python's field does not say about an input.

    `from_live` gives the value that reproduces the live number (what refresh reports), from
    the number and the declared `NumberInputs`; `as_output` only where the output differs.
    `unchanged(old, new)` replaces comparing `comparable` values where an output says more than
    the declaration it is compared with (the live target against no declared target).
    """

    doc: str
    change: Change
    applied_by: str
    check: Callable[[Any], list[str]]
    from_live: Callable[[PhoneNumber, Any], object]
    as_output: Callable[[PhoneNumber, Any], object] | None = None
    comparable: Callable[[Any], object] = _as_is
    unchanged: Callable[[Any, Any], bool] | None = None
    limits: tuple[Limit, ...] = ()
    config_key: str | None = None
    stack_wide: bool = False  # the config key sits at the top of the stack config
    hidden: bool = False  # set by the resource class, never by the user

    def metadata(self) -> Mapping[str, InputFacts]:
        return {_METADATA_KEY: self}


@dataclass(frozen=True)
class InputSpec:
    """One input: a field of `NumberInputs` with its facts."""

    name: str
    python_type: Any
    kind: Kind
    required: bool
    facts: InputFacts
    _default: Callable[[], object]

    def default(self) -> object:
        """A fresh default value (a new dict for tags); None for a required input."""
        return self._default()

    def differs(self, old: Any, new: Any) -> bool:
        if contains_unknown(new):
            return True
        if self.facts.unchanged is not None:
            return not self.facts.unchanged(old, new)
        return bool(self.facts.comparable(old) != self.facts.comparable(new))

    def output(self, number: PhoneNumber, declared: Any) -> object:
        produce = self.facts.as_output or self.facts.from_live
        return produce(number, declared)


def kind_of(python_type: Any) -> Kind:
    """The value shape behind an annotation (`str | None` is text)."""
    if typing.get_origin(python_type) in (Mapping, dict):
        return "map"
    members = set(typing.get_args(python_type)) - {type(None)} or {python_type}
    if members == {bool}:
        return "flag"
    if members == {float}:
        return "number"
    if members == {str}:
        return "text"
    raise TypeError(f"no input kind for {python_type!r}")


def _default_of(field: dataclasses.Field[Any]) -> Callable[[], object]:
    if field.default is not dataclasses.MISSING:
        value = field.default
        return lambda: value
    if field.default_factory is not dataclasses.MISSING:
        return field.default_factory
    return lambda: None


def specs_of(declaration: type) -> tuple[InputSpec, ...]:
    """The inputs declared by the fields of `declaration`, in declaration order."""
    hints = typing.get_type_hints(declaration)
    return tuple(
        InputSpec(
            name=field.name,
            python_type=hints[field.name],
            kind=kind_of(hints[field.name]),
            required=field.default is dataclasses.MISSING
            and field.default_factory is dataclasses.MISSING,
            facts=field.metadata[_METADATA_KEY],
            _default=_default_of(field),
        )
        for field in dataclasses.fields(declaration)
    )


def is_unknown(value: object) -> bool:
    """During preview, values computed by other resources arrive as Pulumi's unknown sentinel."""
    return isinstance(value, str) and value == UNKNOWN


def contains_unknown(value: object) -> bool:
    if isinstance(value, Mapping):
        return any(is_unknown(v) for v in value.values())
    return is_unknown(value)
