"""The deadline of each wait: the input `wait_timeout_seconds` when set, else customTimeouts.

Why: the plugin, unlike the dynamic provider, receives the resource's customTimeouts (seconds,
0 when unset). The input is the more specific setting, so it wins; the plugin's check leaves it
out of the bag when the user did not set it, which is how "set" is told from the default.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Mapping
from typing import Any

from connect_numbers.errors import TIMEOUT_INPUT, WaitTimeoutError
from connect_numbers.inputs.wire_names import wire_name

CUSTOM_TIMEOUTS = "customTimeouts"


def user_set_timeout(bag: Mapping[str, Any]) -> bool:
    return bag.get(TIMEOUT_INPUT) is not None


def wait_timeout(bag: Mapping[str, Any], custom_timeout: float) -> float | None:
    """The timeout for each wait, or None for the input's value (its default when unset)."""
    if user_set_timeout(bag) or custom_timeout <= 0:
        return None
    return float(custom_timeout)


def without_unset_timeout(values: dict[str, Any], user_set: bool) -> dict[str, Any]:
    """`values` without the filled-in default timeout, so that state says it was never set."""
    if not user_set:
        values.pop(TIMEOUT_INPUT, None)
    return values


@contextlib.contextmanager
def naming_the_deadline(custom_timeout: float | None) -> Iterator[None]:
    """A wait that timed out says what set its deadline: customTimeouts, or the input by the
    name the plugin's users write (`waitTimeoutSeconds`)."""
    try:
        yield
    except WaitTimeoutError as err:
        setting = wire_name(TIMEOUT_INPUT) if custom_timeout is None else CUSTOM_TIMEOUTS
        raise err.under(setting) from None
