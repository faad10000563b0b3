"""Reads the numbers a stack declares in its config.

Why a module of its own: the root program and the examples share one schema, and a
mistake in stack config must be reported with the config key that holds it, at
`pulumi preview`, before any resource is registered.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

NAMESPACE = "connect-numbers"


class StackConfigError(ValueError):
    """A stack config value has the wrong shape; the message names the key."""


@dataclass(frozen=True)
class DeclaredNumber:
    name: str
    source_phone_number_arn: str
    description: str | None = None
    tags: dict[str, str] = field(default_factory=dict)
    adopt: bool = False
    wait_timeout_seconds: float | None = None


@dataclass(frozen=True)
class DeclaredStack:
    instance_id: str
    numbers: tuple[DeclaredNumber, ...]


def _key(path: str) -> str:
    return f"{NAMESPACE}:{path}"


def _string(value: Any, path: str, *, required: bool) -> str | None:
    if value is None:
        if required:
            raise StackConfigError(f"{_key(path)} is required")
        return None
    if not isinstance(value, str):
        raise StackConfigError(f"{_key(path)} must be a string, got {type(value).__name__}")
    return value


def _tags(value: Any, path: str) -> dict[str, str]:
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise StackConfigError(f"{_key(path)} must be a map of strings")
    for k, v in value.items():
        if not isinstance(v, str):
            raise StackConfigError(f"{_key(path)}.{k} must be a string, got {type(v).__name__}")
    return {str(k): v for k, v in value.items()}


def _number(entry: Any, index: int) -> DeclaredNumber:
    path = f"numbers[{index}]"
    if not isinstance(entry, Mapping):
        raise StackConfigError(f"{_key(path)} must be a map")
    known = {"name", "sourcePhoneNumberArn", "description", "tags", "adopt", "waitTimeoutSeconds"}
    unknown = sorted(set(entry) - known)
    if unknown:
        raise StackConfigError(f"{_key(path)} has unknown keys: {', '.join(unknown)}")
    name = _string(entry.get("name"), f"{path}.name", required=True)
    source = _string(
        entry.get("sourcePhoneNumberArn"), f"{path}.sourcePhoneNumberArn", required=True
    )
    adopt = entry.get("adopt", False)
    if not isinstance(adopt, bool):
        raise StackConfigError(f"{_key(path)}.adopt must be true or false")
    timeout = entry.get("waitTimeoutSeconds")
    if timeout is not None and (isinstance(timeout, bool) or not isinstance(timeout, int | float)):
        raise StackConfigError(f"{_key(path)}.waitTimeoutSeconds must be a number")
    assert name is not None and source is not None
    return DeclaredNumber(
        name=name,
        source_phone_number_arn=source,
        description=_string(entry.get("description"), f"{path}.description", required=False),
        tags=_tags(entry.get("tags"), f"{path}.tags"),
        adopt=adopt,
        wait_timeout_seconds=float(timeout) if timeout is not None else None,
    )


def parse_stack_config(instance_id: Any, numbers: Any) -> DeclaredStack:
    """Checks the shape of `instanceId` and `numbers`; names must be unique."""
    instance = _string(instance_id, "instanceId", required=True)
    assert instance is not None
    if numbers is None:
        numbers = []
    if not isinstance(numbers, Sequence) or isinstance(numbers, str):
        raise StackConfigError(f"{_key('numbers')} must be a list")
    parsed = tuple(_number(entry, i) for i, entry in enumerate(numbers))
    seen: set[str] = set()
    for i, number in enumerate(parsed):
        if number.name in seen:
            raise StackConfigError(f"{_key(f'numbers[{i}].name')} {number.name!r} is used twice")
        seen.add(number.name)
    return DeclaredStack(instance_id=instance, numbers=parsed)
