"""Between the plugin protocol's `PropertyValue` maps and the plain dicts the shared code reads.

Why: `inputs`, `workflows` and `engine.outputs` were written for the dynamic provider, which sees
plain Python values with unknowns as Pulumi's UNKNOWN sentinel string. Converting at the edge,
and mapping `Computed` to that same sentinel, lets the plugin call the shared code unchanged.
On the way out an unknown stays the sentinel string: that string is the wire form of an unknown
(the engine reads it as computed), and the SDK's `marshal` has no case for `Computed`.
Secrets are unwrapped on the way in (nothing here is secret, see `aws.settings`); integers
become floats on the way out, the only number the protocol has.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from pulumi.provider.experimental.property_value import Computed, PropertyValue
from pulumi.runtime.rpc import UNKNOWN


def to_plain(value: PropertyValue) -> Any:
    """One property as the plain value the shared code expects."""
    inner = value.value
    if isinstance(inner, Computed):
        return UNKNOWN
    if isinstance(inner, Mapping):
        return {key: to_plain(item) for key, item in inner.items()}
    if isinstance(inner, Sequence) and not isinstance(inner, str):
        return [to_plain(item) for item in inner]
    return inner


def plain_map(values: Mapping[str, PropertyValue]) -> dict[str, Any]:
    return {key: to_plain(value) for key, value in values.items()}


def to_property(value: Any) -> PropertyValue:
    """One plain value as a property; the UNKNOWN sentinel goes out as itself (see above)."""
    if isinstance(value, bool) or value is None or isinstance(value, str | float):
        return PropertyValue(value)
    if isinstance(value, int):
        return PropertyValue(float(value))
    if isinstance(value, Mapping):
        return PropertyValue({str(key): to_property(item) for key, item in value.items()})
    if isinstance(value, Sequence):
        return PropertyValue([to_property(item) for item in value])
    raise TypeError(f"no property value for {type(value).__name__}")


def property_map(values: Mapping[str, Any]) -> dict[str, PropertyValue]:
    return {key: to_property(value) for key, value in values.items()}
