"""The release quota of the ImportPhoneNumber reference page, on a virtual 180-day clock."""

from __future__ import annotations

from typing import Any

import pytest

DAY = 86_400.0


def _import_all(client: Any, instance: Any, sources: list[str]) -> list[str]:
    return [
        client.import_phone_number(InstanceId=instance["InstanceId"], SourcePhoneNumberArn=arn)[
            "PhoneNumberId"
        ]
        for arn in sources
    ]


def _release_all(local_service: Any, client: Any, number_ids: list[str]) -> None:
    local_service.admin.advance_clock(2.0)
    for number_id in number_ids:
        client.release_phone_number(PhoneNumberId=number_id)
    local_service.admin.advance_clock(1.0)


def test_the_seeds_99_number_example_blocks_further_imports(
    local_service: Any, connect_client: Any, instance: Any, source_number: Any
) -> None:
    local_service.admin.set_quota(99)
    sources = [source_number()["PhoneNumberArn"] for _ in range(99)]
    held = _import_all(connect_client, instance, sources)  # 99 imported numbers, quota 99
    _release_all(local_service, connect_client, held)  # release 99
    held = _import_all(connect_client, instance, sources)  # claim 99
    _release_all(local_service, connect_client, held)  # release 99: 198 = 200% of 99
    with pytest.raises(connect_client.exceptions.InvalidParameterException) as raised:
        _import_all(connect_client, instance, sources[:1])
    message = raised.value.response["Error"]["Message"]
    assert "180 days" in message and "200%" in message
    assert raised.value.response["ResponseMetadata"]["HTTPStatusCode"] == 400


def test_releases_below_200_percent_do_not_block(
    local_service: Any, connect_client: Any, instance: Any, source_number: Any
) -> None:
    local_service.admin.set_quota(2)
    sources = [source_number()["PhoneNumberArn"] for _ in range(2)]
    _release_all(local_service, connect_client, _import_all(connect_client, instance, sources))
    _release_all(local_service, connect_client, _import_all(connect_client, instance, sources[:1]))
    assert _import_all(connect_client, instance, sources[:1])


def test_the_block_lifts_180_days_after_the_oldest_release(
    local_service: Any, connect_client: Any, instance: Any, source_number: Any
) -> None:
    local_service.admin.set_quota(1)
    source = [source_number()["PhoneNumberArn"]]
    _release_all(local_service, connect_client, _import_all(connect_client, instance, source))
    local_service.admin.advance_clock(10 * DAY)
    _release_all(local_service, connect_client, _import_all(connect_client, instance, source))
    with pytest.raises(connect_client.exceptions.InvalidParameterException):
        _import_all(connect_client, instance, source)
    local_service.admin.advance_clock(170 * DAY - 5.0)  # 1 s before the oldest release ages out
    with pytest.raises(connect_client.exceptions.InvalidParameterException):
        _import_all(connect_client, instance, source)
    local_service.admin.advance_clock(1.0)
    assert _import_all(connect_client, instance, source)


def test_importing_beyond_the_active_number_quota_is_refused(
    local_service: Any, connect_client: Any, instance: Any, source_number: Any
) -> None:
    local_service.admin.set_quota(2)
    _import_all(connect_client, instance, [source_number()["PhoneNumberArn"] for _ in range(2)])
    with pytest.raises(connect_client.exceptions.InvalidParameterException) as raised:
        _import_all(connect_client, instance, [source_number()["PhoneNumberArn"]])
    assert "2 active phone numbers" in raised.value.response["Error"]["Message"]


def test_failed_imports_count_neither_as_active_nor_as_releases(
    local_service: Any, connect_client: Any, instance: Any, source_number: Any
) -> None:
    local_service.admin.set_quota(1)
    failing = [source_number(status="PENDING")["PhoneNumberArn"] for _ in range(3)]
    _release_all(local_service, connect_client, _import_all(connect_client, instance, failing))
    assert _import_all(connect_client, instance, [source_number()["PhoneNumberArn"]])
    assert [e["kind"] for e in local_service.admin.quota_events()] == ["import"]


def test_quota_errors_are_not_retried_by_standard_mode(
    local_service: Any, connect_client: Any, instance: Any, source_number: Any
) -> None:
    local_service.admin.set_quota(0)
    with pytest.raises(connect_client.exceptions.InvalidParameterException) as raised:
        _import_all(connect_client, instance, [source_number()["PhoneNumberArn"]])
    assert raised.value.response["ResponseMetadata"]["RetryAttempts"] == 0
