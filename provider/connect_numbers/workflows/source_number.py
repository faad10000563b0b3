"""The provider's view of an End User Messaging SMS/voice number, the source of an import.

Why: the pre-flight check (`source_check`) decides from these plain values, not from botocore's
response dictionaries, so every rule is a pure function tested without AWS; the mapping from
DescribePhoneNumbers' PhoneNumberInformation lives in one place (`aws.source_numbers_api`).
"""

from __future__ import annotations

from dataclasses import dataclass

# PhoneNumberInformation.Status values (End User Messaging SMS/voice v2 API reference).
PENDING = "PENDING"
ACTIVE = "ACTIVE"
ASSOCIATING = "ASSOCIATING"
DISASSOCIATING = "DISASSOCIATING"
DELETED = "DELETED"

VOICE = "VOICE"


@dataclass(frozen=True)
class SourceNumber:
    """One PhoneNumberInformation of DescribePhoneNumbers."""

    phone_number_arn: str
    status: str
    capabilities: tuple[str, ...] = ()
    phone_number: str = ""  # E.164
    number_type: str = ""
    iso_country_code: str = ""
    two_way_enabled: bool = False
    two_way_channel_arn: str = ""
    deletion_protection_enabled: bool = False
    pool_id: str = ""
