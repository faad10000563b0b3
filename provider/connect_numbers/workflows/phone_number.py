"""The provider's own view of an Amazon Connect phone number: PhoneNumber, NumberRef, Status.

Why: everything above the AWS boundary works with these plain values instead of botocore's
response dictionaries, so mapping, ownership and update planning stay pure and testable, and
a change in the AWS response shape is handled in one place (connect_api).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum


class Status(StrEnum):
    CLAIMED = "CLAIMED"
    IN_PROGRESS = "IN_PROGRESS"
    FAILED = "FAILED"


@dataclass(frozen=True)
class PhoneNumber:
    """One DescribePhoneNumber summary."""

    phone_number_id: str
    phone_number_arn: str
    status: Status
    status_message: str = ""
    phone_number: str = ""
    country_code: str = ""
    number_type: str = ""
    description: str = ""
    target_arn: str = ""
    instance_id: str = ""
    source_phone_number_arn: str = ""
    tags: Mapping[str, str] = field(default_factory=dict)
    # From ListFlowAssociations, not DescribePhoneNumber: the associated flow's ARN, "" for
    # none, None when it was not read (refresh reads it only for numbers that declare a flow).
    contact_flow_arn: str | None = None


@dataclass(frozen=True)
class NumberRef:
    """What ImportPhoneNumber and ListPhoneNumbersV2 hand back: enough to describe it."""

    phone_number_id: str
    phone_number_arn: str
    source_phone_number_arn: str = ""
