"""DescribePhoneNumbers' Filters, as pure rules over a source number's attributes.

A number matches a filter when one of its values for the filter's name is among the filter's
Values, and it must match every filter (the API reference: "the output includes information
for only those phone numbers that meet the filter criteria"). Booleans are the words `true`
and `false`, read without regard to case; everything else compares exactly.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from connect_local_service.domain.records import SourceNumberRecord

# The opt-out list every number here uses: opt-out lists are not modelled.
OPT_OUT_LIST_NAME = "Default"


def _flag(value: bool) -> tuple[str, ...]:
    return ("true",) if value else ("false",)


def _optional(value: str | None) -> tuple[str, ...]:
    return () if value is None else (value,)


# Each name of the model's PhoneNumberFilterName enum, and the number's values for it.
FILTER_VALUES: dict[str, Callable[[SourceNumberRecord], tuple[str, ...]]] = {
    "status": lambda s: (s.status,),
    "iso-country-code": lambda s: (s.iso_country,),
    "message-type": lambda s: (s.message_type,),
    "number-capability": lambda s: s.capabilities,
    "number-type": lambda s: (s.number_type,),
    "two-way-enabled": lambda s: _flag(s.two_way_enabled),
    "self-managed-opt-outs-enabled": lambda s: _flag(False),
    "opt-out-list-name": lambda s: (OPT_OUT_LIST_NAME,),
    "deletion-protection-enabled": lambda s: _flag(s.deletion_protection),
    "two-way-channel-arn": lambda s: _optional(s.two_way_channel_arn),
}
_BOOLEAN_FILTERS = frozenset(
    {"two-way-enabled", "self-managed-opt-outs-enabled", "deletion-protection-enabled"}
)


def matches(source: SourceNumberRecord, wanted: dict[str, Any]) -> bool:
    """Whether the number meets one filter (`{"Name": ..., "Values": [...]}`)."""
    name = str(wanted["Name"])
    values = FILTER_VALUES.get(name)
    if values is None:
        return True  # the model's enum refuses any other name before this runs
    accepted = [str(v) for v in wanted["Values"]]
    if name in _BOOLEAN_FILTERS:
        accepted = [v.lower() for v in accepted]
    return any(value in accepted for value in values(source))


def matching(
    sources: Iterable[SourceNumberRecord], filters: list[dict[str, Any]]
) -> list[SourceNumberRecord]:
    """The numbers that meet every filter, in their order."""
    return [s for s in sources if all(matches(s, wanted) for wanted in filters)]
