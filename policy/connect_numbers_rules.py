"""The rules of the connect-numbers policy pack, as pure functions of plain values.

Kept apart from `__main__.py` so that unit tests can call them without the CLI or the
`pulumi-policy` package, and so that the pack depends on nothing of the provider: a platform
team enforces it on projects that never install `connect-numbers`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

DYNAMIC_TYPE = "pulumi-python:dynamic/connect_numbers:ImportedPhoneNumber"
PLUGIN_TYPE = "connect-numbers:index:ImportedPhoneNumber"
PHONE_NUMBER_TYPES = frozenset({DYNAMIC_TYPE, PLUGIN_TYPE})

# The stack config key that lets a stack keep unprotected numbers (a scratch or test stack).
OPT_OUT_KEY = "connect-numbers:allowUnprotected"

PROTECTED = "connect-numbers-protected"
DESCRIBED = "connect-numbers-described"
ROUTED = "connect-numbers-routed"

# The contact flow input, by front end: the plugin's schema is camelCase, the dynamic
# resource's inputs are Python names.
_FLOW_KEYS = {PLUGIN_TYPE: "contactFlowId", DYNAMIC_TYPE: "contact_flow_id"}

_TRUE = frozenset({"true", "yes", "1", "on"})

# The children of connect-numbers' SelectedPhoneNumbers are registered with retain_on_delete:
# a delete never releases them, and `protect` would stop the selection from shrinking.
SELECTION_TYPE = "connect-numbers:selection:SelectedPhoneNumbers"


def is_phone_number(resource_type: str) -> bool:
    return resource_type in PHONE_NUMBER_TYPES


def opted_out(stack_config: Mapping[str, Any]) -> bool:
    """Stack config arrives as strings (`PULUMI_CONFIG`); a bool from a test counts too."""
    value = stack_config.get(OPT_OUT_KEY)
    if isinstance(value, bool):
        return value
    return isinstance(value, str) and value.strip().lower() in _TRUE


def retained_by_a_selection(urn: str) -> bool:
    """Whether the URN's type chain puts the resource under a SelectedPhoneNumbers."""
    parts = urn.split("::")
    return len(parts) >= 4 and f"{SELECTION_TYPE}$" in parts[2]


def unprotected_message(
    name: str,
    resource_type: str,
    protect: bool,
    stack_config: Mapping[str, Any],
    urn: str = "",
) -> str | None:
    """Why this resource breaks `connect-numbers-protected`, or None when it does not."""
    if not is_phone_number(resource_type) or protect or opted_out(stack_config):
        return None
    if retained_by_a_selection(urn):
        return None
    return (
        f"phone number '{name}' ({resource_type}) is not protected: a destroy or a replacement "
        "would release the number to the carrier, and it may never come back. "
        "Set `protect: true` under `options:` (Pulumi YAML) or "
        "`opts=pulumi.ResourceOptions(protect=True)` (Python), or, for a stack whose numbers "
        f"may go, opt out with `pulumi config set {OPT_OUT_KEY} true`."
    )


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def undescribed_message(name: str, resource_type: str, props: Mapping[str, Any]) -> str | None:
    if not is_phone_number(resource_type) or not _blank(props.get("description")):
        return None
    return (
        f"phone number '{name}' has no description: say what the line is for "
        "(`description`), so the Connect console shows it."
    )


def unrouted_message(name: str, resource_type: str, props: Mapping[str, Any]) -> str | None:
    """A number with no contact flow answers callers with nothing; absent and "" are alike."""
    if not is_phone_number(resource_type):
        return None
    key = _FLOW_KEYS[resource_type]
    if not _blank(props.get(key)):
        return None
    return (
        f"phone number '{name}' has no contact flow (`{key}`): calls to it are not routed "
        "anywhere until one is associated."
    )
