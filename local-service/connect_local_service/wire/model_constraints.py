"""Input validation against the model's own constraints: required, type, min, max, pattern, enum.

Why: botocore checks only `required`, `min` and types on the client; `max`, `pattern` and
`enum` are the service's job. Reading them from the model means a provider that passes here
passes against Connect for the same reason, and a new constraint in botocore is enforced at once.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from typing import Any

from botocore.model import Shape

# Smithy patterns are ECMA-262 and may use Unicode property classes Python's `re` lacks.
# \w covers letters, digits and '_' (a slight over-acceptance for \p{L} alone, documented).
_UNICODE_CLASSES = {
    r"\p{L}": r"\w",
    r"\p{N}": r"\w",
    r"\p{Z}": " \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000",
}


# Patterns whose model text cannot mean what the documentation says; replaced by the intent.
# PhoneNumberPrefix's model pattern demands a literal backslash, so no real prefix would match.
_PATTERN_FIXES = {"\\\\+?[0-9]{1,11}": r"^\+?[0-9]{1,11}$"}


class ValidationFailure(Exception):
    def __init__(self, field: str, problem: str) -> None:
        super().__init__(f"{field}: {problem}")
        self.field = field
        self.problem = problem


@lru_cache(maxsize=256)
def compile_pattern(pattern: str) -> re.Pattern[str]:
    translated = _PATTERN_FIXES.get(pattern, pattern)
    for source, target in _UNICODE_CLASSES.items():
        translated = translated.replace(source, target)
    return re.compile(translated)


def validate(shape: Shape | None, params: dict[str, Any]) -> dict[str, Any]:
    """Checks `params` and returns them without members the model does not know."""
    if shape is None:
        return {}
    cleaned = _check(shape, params, "")
    assert isinstance(cleaned, dict)
    return cleaned


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


def _structure(shape: Shape, value: Any, name: str, path: str) -> Any:
    if not isinstance(value, dict):
        raise ValidationFailure(name, "must be an object")
    members: dict[str, Shape] = shape.members  # type: ignore[attr-defined]
    for required in shape.required_members:
        if value.get(required) is None:
            raise ValidationFailure(_join(path, required), "is required")
    return {
        key: _check(members[key], item, _join(path, key))
        for key, item in value.items()
        if key in members and item is not None
    }


def _list(shape: Shape, value: Any, name: str, path: str) -> Any:
    if not isinstance(value, list):
        raise ValidationFailure(name, "must be a list")
    _check_length(shape, len(value), name, "entries")
    member: Shape = shape.member  # type: ignore[attr-defined]
    return [_check(member, item, f"{name}[{i}]") for i, item in enumerate(value)]


def _map(shape: Shape, value: Any, name: str, path: str) -> Any:
    if not isinstance(value, dict):
        raise ValidationFailure(name, "must be an object")
    _check_length(shape, len(value), name, "entries")
    key_shape: Shape = shape.key  # type: ignore[attr-defined]
    value_shape: Shape = shape.value  # type: ignore[attr-defined]
    return {
        _check(key_shape, k, f"{name} key '{k}'"): _check(value_shape, v, f"{name}.{k}")
        for k, v in value.items()
    }


def _string(shape: Shape, value: Any, name: str, path: str) -> Any:
    if not isinstance(value, str):
        raise ValidationFailure(name, "must be a string")
    _check_length(shape, len(value), name, "characters")
    enum = shape.metadata.get("enum")
    if enum and value not in enum:
        raise ValidationFailure(name, f"must be one of {', '.join(enum)}")
    pattern = shape.metadata.get("pattern")
    if pattern and not compile_pattern(pattern).search(value):
        raise ValidationFailure(name, f"must match the pattern {pattern}")
    return value


def _integer(shape: Shape, value: Any, name: str, path: str) -> Any:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationFailure(name, "must be an integer")
    _check_range(shape, value, name)
    return value


def _scalar(accepts: Any, problem: str) -> Any:
    def check(shape: Shape, value: Any, name: str, path: str) -> Any:
        if not accepts(value):
            raise ValidationFailure(name, problem)
        return value

    return check


def _is_number(value: Any) -> bool:
    return not isinstance(value, bool) and isinstance(value, int | float) and math.isfinite(value)


_CHECKS = {
    "structure": _structure,
    "list": _list,
    "map": _map,
    "string": _string,
    "integer": _integer,
    "long": _integer,
    "float": _scalar(_is_number, "must be a number"),
    "double": _scalar(_is_number, "must be a number"),
    "boolean": _scalar(lambda v: isinstance(v, bool), "must be true or false"),
    "timestamp": _scalar(
        lambda v: not isinstance(v, bool) and isinstance(v, int | float | str),
        "must be a timestamp",
    ),
}


def _check(shape: Shape, value: Any, path: str) -> Any:
    check = _CHECKS.get(shape.type_name)
    return value if check is None else check(shape, value, path or shape.name, path)


def _check_length(shape: Shape, length: int, name: str, unit: str) -> None:
    low = shape.metadata.get("min")
    high = shape.metadata.get("max")
    if low is not None and length < low:
        raise ValidationFailure(name, f"must have at least {low} {unit}")
    if high is not None and length > high:
        raise ValidationFailure(name, f"must have at most {high} {unit}")


def _check_range(shape: Shape, value: int, name: str) -> None:
    low = shape.metadata.get("min")
    high = shape.metadata.get("max")
    if low is not None and value < low:
        raise ValidationFailure(name, f"must be at least {low}")
    if high is not None and value > high:
        raise ValidationFailure(name, f"must be at most {high}")
