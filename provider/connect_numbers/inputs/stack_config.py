"""Reads the numbers a stack declares in its config, with keys taken from the input spec.

Why a module of its own: the root program and the examples share one schema, and a mistake in
stack config must be reported with the config key that holds it, at `pulumi preview`, before
any resource is registered. The keys, their shapes and which are required come from each
input's declaration (`inputs.NumberInputs`), so a new input with a `config_key` is readable from
stack config without a change here. Only shapes are checked; limits are `check`'s job.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from connect_numbers.inputs.declaration import InputSpec
from connect_numbers.inputs.spec import USER_INPUTS
from connect_numbers.selection.criteria import (
    Selection,
    SelectionError,
    check_template,
    selection_from,
)

NAMESPACE = "connect-numbers"
NUMBERS_KEY = "numbers"
NAME_KEY = "name"
FRONT_END_KEY = "frontEnd"
SELECTION_KEY = "selection"
_SELECTION_KEYS = ("name", "match", "description", "tags", "contactFlowId")
# The dynamic resource (Python programs, no plugin) or the provider plugin's resource.
FRONT_ENDS = ("dynamic", "plugin")
STACK_WIDE = tuple(s for s in USER_INPUTS if s.facts.config_key and s.facts.stack_wide)
PER_NUMBER = tuple(s for s in USER_INPUTS if s.facts.config_key and not s.facts.stack_wide)


class StackConfigError(ValueError):
    """A stack config value has the wrong shape; the message names the key."""


class PulumiConfig(Protocol):
    def get(self, key: str) -> str | None: ...

    def get_object(self, key: str) -> Any: ...


@dataclass(frozen=True)
class DeclaredNumber:
    name: str
    inputs: Mapping[str, Any]  # input name -> value, for the keys the entry sets


@dataclass(frozen=True)
class DeclaredStack:
    shared: Mapping[str, Any]  # input name -> value, for the stack-wide keys
    numbers: tuple[DeclaredNumber, ...]
    front_end: str = FRONT_ENDS[0]
    selection: DeclaredSelection | None = None


@dataclass(frozen=True)
class DeclaredSelection:
    """`connect-numbers:selection`: numbers chosen by what they are, beside `numbers`."""

    name: str
    match: Selection
    description: str = ""
    tags: Mapping[str, str] = field(default_factory=dict)
    contact_flow_id: str | None = None


def _selection(value: Any) -> DeclaredSelection | None:
    if value is None:
        return None
    key = _key(SELECTION_KEY)
    if not isinstance(value, Mapping):
        raise StackConfigError(f"{key} must be a map with match, and optionally name, ...")
    unknown = sorted(set(value) - set(_SELECTION_KEYS))
    if unknown:
        raise StackConfigError(f"{key} has unknown keys: {', '.join(unknown)}")
    match = value.get("match")
    if not isinstance(match, Mapping):
        raise StackConfigError(f"{key}.match is required: a map of isoCountryCode, numberType, ...")
    try:
        selected = selection_from(match, f"{key}.match")
        description = check_template(str(value.get("description", "")), f"{key}.description")
    except SelectionError as err:
        raise StackConfigError(str(err)) from None
    tags = value.get("tags") or {}
    if not isinstance(tags, Mapping) or not all(isinstance(v, str) for v in tags.values()):
        raise StackConfigError(f"{key}.tags must be a map of strings")
    name = value.get("name", "selected")
    flow = value.get("contactFlowId")
    if not isinstance(name, str) or not name or (flow is not None and not isinstance(flow, str)):
        raise StackConfigError(f"{key}.name and {key}.contactFlowId must be strings")
    return DeclaredSelection(name, selected, description, dict(tags), flow)


def _key(path: str) -> str:
    return f"{NAMESPACE}:{path}"


def _shaped(spec: InputSpec, value: Any, path: str) -> Any:
    """`value` if it has the shape `spec` declares; numbers become floats."""
    if spec.kind == "flag" and not isinstance(value, bool):
        raise StackConfigError(f"{_key(path)} must be true or false")
    if spec.kind == "number":
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise StackConfigError(f"{_key(path)} must be a number")
        return float(value)
    if spec.kind == "text" and not isinstance(value, str):
        raise StackConfigError(f"{_key(path)} must be a string, got {type(value).__name__}")
    if spec.kind == "map":
        if not isinstance(value, Mapping):
            raise StackConfigError(f"{_key(path)} must be a map of strings")
        for k, v in value.items():
            if not isinstance(v, str):
                raise StackConfigError(f"{_key(path)}.{k} must be a string, got {type(v).__name__}")
        return {str(k): v for k, v in value.items()}
    return value


def _read(specs: Sequence[InputSpec], entry: Mapping[str, Any], prefix: str) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for spec in specs:
        key = str(spec.facts.config_key)
        value = entry.get(key)
        if value is None:
            if spec.required:
                raise StackConfigError(f"{_key(prefix + key)} is required")
            continue
        values[spec.name] = _shaped(spec, value, prefix + key)
    return values


def _number(entry: Any, index: int) -> DeclaredNumber:
    path = f"{NUMBERS_KEY}[{index}]"
    if not isinstance(entry, Mapping):
        raise StackConfigError(f"{_key(path)} must be a map")
    known = {NAME_KEY} | {str(spec.facts.config_key) for spec in PER_NUMBER}
    unknown = sorted(set(entry) - known)
    if unknown:
        raise StackConfigError(f"{_key(path)} has unknown keys: {', '.join(unknown)}")
    name = entry.get(NAME_KEY)
    if name is None:
        raise StackConfigError(f"{_key(path)}.{NAME_KEY} is required")
    if not isinstance(name, str):
        raise StackConfigError(
            f"{_key(path)}.{NAME_KEY} must be a string, got {type(name).__name__}"
        )
    return DeclaredNumber(name, _read(PER_NUMBER, entry, f"{path}."))


def parse_stack_config(values: Mapping[str, Any]) -> DeclaredStack:
    """Checks the shape of the stack-wide keys and of `numbers`; names must be unique."""
    front_end = values.get(FRONT_END_KEY) or FRONT_ENDS[0]
    if front_end not in FRONT_ENDS:
        raise StackConfigError(
            f"{_key(FRONT_END_KEY)} must be one of {', '.join(FRONT_ENDS)}, got {front_end!r}"
        )
    shared = _read(STACK_WIDE, values, "")
    numbers = values.get(NUMBERS_KEY)
    if numbers is None:
        numbers = []
    if not isinstance(numbers, Sequence) or isinstance(numbers, str):
        raise StackConfigError(f"{_key(NUMBERS_KEY)} must be a list")
    parsed = tuple(_number(entry, i) for i, entry in enumerate(numbers))
    seen: set[str] = set()
    for i, number in enumerate(parsed):
        if number.name in seen:
            raise StackConfigError(
                f"{_key(f'{NUMBERS_KEY}[{i}].{NAME_KEY}')} {number.name!r} is used twice"
            )
        seen.add(number.name)
    return DeclaredStack(shared, parsed, str(front_end), _selection(values.get(SELECTION_KEY)))


def read_stack_config(config: PulumiConfig) -> DeclaredStack:
    """The declared numbers in a `pulumi.Config(NAMESPACE)`."""
    values: dict[str, Any] = {
        NUMBERS_KEY: config.get_object(NUMBERS_KEY),
        FRONT_END_KEY: config.get(FRONT_END_KEY),
        SELECTION_KEY: config.get_object(SELECTION_KEY),
    }
    for spec in STACK_WIDE:
        key = str(spec.facts.config_key)
        values[key] = config.get(key) if spec.kind == "text" else config.get_object(key)
    return parse_stack_config(values)
