"""What a selection asks for, checked, and how it maps to DescribePhoneNumbers.

Why pure: the stack config and the component share these checks, and a mistake must fail at
`pulumi preview` naming the field, before any call. End User Messaging filters by country,
type, capability and status itself; tags it cannot filter by (its DescribePhoneNumbers has no
tag filter), so they are matched on each candidate's tags.
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

# Values of End User Messaging's model (pinpoint-sms-voice-v2).
NUMBER_TYPES = ("SHORT_CODE", "LONG_CODE", "TOLL_FREE", "TEN_DLC", "SIMULATOR")
CAPABILITIES = ("SMS", "VOICE", "MMS", "RCS")
STATUSES = ("PENDING", "ACTIVE", "ASSOCIATING", "DISASSOCIATING", "DELETED")
PLACEHOLDERS = ("phone_number", "source_id", "iso_country_code", "number_type")
_COUNTRY = re.compile(r"^[A-Z]{2}$")


class SelectionError(ValueError):
    """A selection's field is wrong; the message names it (`selection.numberType`, ...)."""


@dataclass(frozen=True)
class Selection:
    """Which End User Messaging numbers to import: all of these must hold."""

    iso_country_code: str | None = None
    number_type: str | None = None
    capabilities: tuple[str, ...] = ("VOICE",)
    status: str = "ACTIVE"
    tags: Mapping[str, str] = field(default_factory=dict)

    def filters(self) -> list[dict[str, Any]]:
        """DescribePhoneNumbers Filters; capabilities are each required (one filter each)."""
        found: list[dict[str, Any]] = [{"Name": "status", "Values": [self.status]}]
        if self.iso_country_code:
            found.append({"Name": "iso-country-code", "Values": [self.iso_country_code]})
        if self.number_type:
            found.append({"Name": "number-type", "Values": [self.number_type]})
        found += [{"Name": "number-capability", "Values": [c]} for c in self.capabilities]
        return found


def _one_of(value: Any, allowed: Sequence[str], path: str) -> str:
    if value not in allowed:
        raise SelectionError(f"{path} must be one of {', '.join(allowed)}, got {value!r}")
    return str(value)


def selection_from(values: Mapping[str, Any], prefix: str = "selection") -> Selection:
    """A checked `Selection` from camelCase keys (stack config) or snake_case ones (Python)."""
    keys = {
        "isoCountryCode": "iso_country_code",
        "numberType": "number_type",
        "capabilities": "capabilities",
        "status": "status",
        "tags": "tags",
    }
    given = {keys.get(k, k): v for k, v in values.items()}
    unknown = sorted(set(given) - set(keys.values()))
    if unknown:
        raise SelectionError(f"{prefix} has unknown keys: {', '.join(unknown)}")
    country = given.get("iso_country_code")
    if country is not None and (not isinstance(country, str) or not _COUNTRY.match(country)):
        raise SelectionError(
            f"{prefix}.isoCountryCode must be two capital letters, got {country!r}"
        )
    number_type = given.get("number_type")
    if number_type is not None:
        number_type = _one_of(number_type, NUMBER_TYPES, f"{prefix}.numberType")
    capabilities = given.get("capabilities", ["VOICE"])
    if isinstance(capabilities, str) or not isinstance(capabilities, Sequence) or not capabilities:
        raise SelectionError(f"{prefix}.capabilities must be a list of {', '.join(CAPABILITIES)}")
    checked = tuple(_one_of(c, CAPABILITIES, f"{prefix}.capabilities") for c in capabilities)
    status = _one_of(given.get("status", "ACTIVE"), STATUSES, f"{prefix}.status")
    tags = given.get("tags") or {}
    if not isinstance(tags, Mapping) or not all(isinstance(v, str) for v in tags.values()):
        raise SelectionError(f"{prefix}.tags must be a map of strings")
    return Selection(country, number_type, checked, status, {str(k): v for k, v in tags.items()})


def matches_tags(wanted: Mapping[str, str], tags: Mapping[str, str]) -> bool:
    return all(tags.get(key) == value for key, value in wanted.items())


def source_id(source_arn: str) -> str:
    """`arn:...:phone-number/phone-0123...` -> `phone-0123...`: a stable resource name part."""
    return source_arn.rsplit("/", 1)[-1]


def child_name(component: str, source_arn: str) -> str:
    """The child's name: the component's and the source's own id, never a list position, so a
    reordered or grown selection replaces nothing."""
    return f"{component}-{source_id(source_arn)}"


def check_template(template: str, path: str = "selection.description") -> str:
    """A description template may use only the documented placeholders."""
    try:
        names = {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}
    except ValueError as err:
        raise SelectionError(f"{path} is not a valid template: {err}") from None
    unknown = sorted(names - set(PLACEHOLDERS))
    if unknown:
        raise SelectionError(
            f"{path} uses unknown placeholders {', '.join(unknown)}; "
            f"use {', '.join('{' + p + '}' for p in PLACEHOLDERS)}"
        )
    return template


def describe(template: str, values: Mapping[str, str]) -> str:
    return template.format_map({p: values.get(p, "") for p in PLACEHOLDERS})
