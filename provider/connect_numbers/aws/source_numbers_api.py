"""The AWS boundary on the End User Messaging SMS/voice side: describing a source number.

Why: the pre-flight check (`workflows.source_check`) decides from a `SourceNumber`; this is the
only code that sees the `pinpoint-sms-voice-v2` client and its answers. Its calls go through the
same throttle retry and error translation as the Connect calls (`calling` with
END_USER_MESSAGING, so an AccessDenied names `sms-voice:DescribePhoneNumbers`), and its client
carries a call plan with the same per-operation budgets (`clients.make_client`).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar

from connect_numbers.aws.error_translation import END_USER_MESSAGING, calling
from connect_numbers.aws.throttle_retry import ThrottleRetry
from connect_numbers.errors import NotFoundError
from connect_numbers.workflows.source_number import SourceNumber

T = TypeVar("T")
# DescribePhoneNumbers' largest page (MaxResults, 1-100 in the service's model).
PAGE_SIZE = 100


def to_source_number(info: Mapping[str, Any]) -> SourceNumber:
    return SourceNumber(
        phone_number_arn=str(info.get("PhoneNumberArn", "")),
        status=str(info.get("Status", "")),
        capabilities=tuple(str(c) for c in info.get("NumberCapabilities", ())),
        phone_number=str(info.get("PhoneNumber", "")),
        number_type=str(info.get("NumberType", "")),
        iso_country_code=str(info.get("IsoCountryCode", "")),
        two_way_enabled=bool(info.get("TwoWayEnabled", False)),
        two_way_channel_arn=str(info.get("TwoWayChannelArn", "") or ""),
        deletion_protection_enabled=bool(info.get("DeletionProtectionEnabled", False)),
        pool_id=str(info.get("PoolId", "") or ""),
    )


class SourceNumbersApi:
    """Thin typed wrapper around one End User Messaging SMS/voice client (one Region)."""

    def __init__(self, client: Any, retry: ThrottleRetry | None = None) -> None:
        self._client = client
        self._retry = retry or ThrottleRetry(timeout=0.0)

    def _call(self, operation: str, call: Callable[[], T]) -> T:
        def translated() -> T:
            with calling(operation, END_USER_MESSAGING):
                return call()

        return self._retry.run(translated)

    def describe(self, source_arn: str) -> SourceNumber | None:
        """The source number, or None when End User Messaging does not know it here.

        DescribePhoneNumbers takes an id or an ARN; the ARN is sent as it is, so a number of
        another account or Region is not mistaken for one with the same id here.
        """
        try:
            answer = self._call(
                "DescribePhoneNumbers",
                lambda: self._client.describe_phone_numbers(PhoneNumberIds=[source_arn]),
            )
        except NotFoundError:
            return None
        numbers = answer.get("PhoneNumbers", [])
        return to_source_number(numbers[0]) if numbers else None

    def list_numbers(self, filters: Sequence[Mapping[str, Any]]) -> list[SourceNumber]:
        """Every number of this account and Region that `filters` match, all pages read."""
        found: list[SourceNumber] = []
        next_token: str | None = None
        while True:
            request: dict[str, Any] = {"Filters": list(filters), "MaxResults": PAGE_SIZE}
            if next_token:
                request["NextToken"] = next_token
            page = self._call(
                "DescribePhoneNumbers",
                functools.partial(self._client.describe_phone_numbers, **request),
            )
            found += [to_source_number(info) for info in page.get("PhoneNumbers", [])]
            next_token = page.get("NextToken")
            if not next_token:
                return found

    def tags_of(self, source_arn: str) -> dict[str, str]:
        answer = self._call(
            "ListTagsForResource",
            lambda: self._client.list_tags_for_resource(ResourceArn=source_arn),
        )
        return {str(t.get("Key", "")): str(t.get("Value", "")) for t in answer.get("Tags", [])}
