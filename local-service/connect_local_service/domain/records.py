"""The domain records the store returns and accepts: plain values, no SQL, no wire names."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class InstanceRecord:
    id: str
    arn: str
    alias: str
    account: str
    region: str
    created_at: float


@dataclass(frozen=True)
class SourceNumberRecord:
    """An End User Messaging SMS/voice phone number, the source of an import."""

    id: str
    arn: str
    phone_number: str
    account: str
    region: str
    iso_country: str
    number_type: str
    message_type: str
    capabilities: tuple[str, ...]
    status: str
    deletion_protection: bool
    created_at: float
    two_way_channel_arn: str | None = None
    two_way_enabled: bool = False
    pool_id: str | None = None


@dataclass(frozen=True)
class ContactFlowRecord:
    """A Connect contact flow; it belongs to one instance."""

    id: str
    arn: str
    instance_id: str
    account: str
    region: str
    name: str
    type: str
    description: str | None
    content: str
    status: str
    created_at: float
    # Creation order, for listing and pagination; assigned by the store.
    seq: int = 0


@dataclass(frozen=True)
class FlowAssociationRecord:
    """The flow a voice phone number routes its calls to (at most one per number)."""

    phone_number_id: str
    phone_number_arn: str
    instance_id: str
    flow_id: str
    flow_arn: str
    account: str
    region: str
    # Association order, for listing and pagination; assigned by the store.
    seq: int = 0


@dataclass(frozen=True)
class PhoneNumberRecord:
    """A Connect phone number; its status fields belong to phone_number_lifecycle.py."""

    id: str
    arn: str
    account: str
    region: str
    # Empty when the source did not exist at import time (the import then FAILS).
    phone_number: str
    country_code: str
    number_type: str
    description: str | None
    instance_id: str
    target_arn: str
    source_arn: str
    status: str
    message: str | None
    # What an IN_PROGRESS (or RELEASING) number becomes, and when: at `settle_at` on the
    # service clock, or, when `describes_left` is set, on that many more DescribePhoneNumbers.
    outcome: str | None
    outcome_message: str | None
    settle_at: float | None
    describes_left: int | None
    created_at: float
    # Creation order, for listing and pagination; assigned by the store.
    seq: int = 0


@dataclass(frozen=True)
class TrafficGroupRecord:
    """A traffic distribution group; its status fields belong to traffic_group_lifecycle.py."""

    id: str
    arn: str
    name: str
    description: str | None
    instance_id: str
    instance_arn: str
    account: str
    region: str
    status: str
    # When a CREATION_IN_PROGRESS or PENDING_DELETION group settles, on the service clock.
    settle_at: float | None
    created_at: float


@dataclass(frozen=True)
class QuotaEvent:
    kind: str  # "import" or "release"
    phone_number_id: str
    at: float
    account: str
    region: str


@dataclass(frozen=True)
class RememberedAnswer:
    """The first answer to a request with a ClientToken, replayed to a retry of it."""

    fingerprint: str
    response: dict[str, Any]
