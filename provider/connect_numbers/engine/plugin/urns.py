"""The owner tag value from a resource's URN.

Why: the dynamic resource class computes `owner` in the program; a plugin resource is declared
by any program (any language), so the provider derives the same `project/stack/name` from the
URN the engine sends with every call.
"""

from __future__ import annotations

from connect_numbers.workflows.ownership import owner_tag_value


def owner_from_urn(urn: str) -> str:
    """`urn:pulumi:STACK::PROJECT::TYPE::NAME` -> owner_tag_value(PROJECT, STACK, NAME)."""
    parts = urn.split("::")
    if len(parts) < 4 or not parts[0].startswith("urn:pulumi:"):
        return ""
    stack = parts[0][len("urn:pulumi:") :]
    return owner_tag_value(parts[1], stack, parts[-1])
