"""The plugin's property names on the wire: camelCase, as every Pulumi package schema has them.

Why: SDK generators derive each language's names from the schema's (snake_case for Python,
camelCase for TypeScript, Go's exported names), and YAML programs use them as they are; a
snake_case schema would give TypeScript and YAML users `source_phone_number_arn`. The shared
code (`inputs`, `workflows`, `engine.outputs`) keeps its Python names, so the plugin renames the
top-level keys at its edge only: map values such as tag keys are the user's and never renamed.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def wire_name(name: str) -> str:
    """`source_phone_number_arn` -> `sourcePhoneNumberArn`."""
    head, *rest = name.split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


def python_name(name: str) -> str:
    """`sourcePhoneNumberArn` -> `source_phone_number_arn`; a snake_case name stays as it is."""
    return "".join(f"_{c.lower()}" if c.isupper() else c for c in name)


def wire_path(path: str) -> str:
    """A detailed-diff path: its first segment renamed (`tags.team` stays `tags.team`)."""
    head, dot, rest = path.partition(".")
    return wire_name(head) + dot + rest


def to_wire(values: Mapping[str, Any]) -> dict[str, Any]:
    return {wire_name(key): value for key, value in values.items()}


def from_wire(values: Mapping[str, Any]) -> dict[str, Any]:
    return {python_name(key): value for key, value in values.items()}
