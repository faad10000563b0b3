"""Many threads at once: every mutation is one transaction, so no import is lost or doubled."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest


def test_concurrent_imports_of_distinct_sources_all_succeed(
    local_service: Any, make_client: Any, instance: Any, source_number: Any
) -> None:
    local_service.admin.set_quota(100)
    sources = [source_number()["PhoneNumberArn"] for _ in range(40)]
    client = make_client("connect", max_pool_connections=16)

    def import_one(arn: str) -> str:
        result = client.import_phone_number(
            InstanceId=instance["InstanceId"], SourcePhoneNumberArn=arn
        )
        return str(result["PhoneNumberId"])

    with ThreadPoolExecutor(max_workers=16) as pool:
        ids = list(pool.map(import_one, sources))
    assert len(set(ids)) == 40
    assert sorted(n["PhoneNumberId"] for n in local_service.admin.numbers()) == sorted(ids)


def test_concurrent_imports_of_one_source_yield_exactly_one_number(
    local_service: Any, make_client: Any, instance: Any, source_number: Any
) -> None:
    arn = source_number()["PhoneNumberArn"]
    client = make_client("connect", max_pool_connections=16)

    def import_once(_: int) -> str:
        try:
            client.import_phone_number(InstanceId=instance["InstanceId"], SourcePhoneNumberArn=arn)
        except client.exceptions.IdempotencyException:
            return "refused"
        return "imported"

    with ThreadPoolExecutor(max_workers=16) as pool:
        outcomes = list(pool.map(import_once, range(16)))
    assert sorted(outcomes) == ["imported"] + ["refused"] * 15
    assert len(local_service.admin.numbers()) == 1


@pytest.mark.parametrize("workers", [8])
def test_concurrent_requests_never_fail_with_a_server_error(
    local_service: Any, make_client: Any, workers: int
) -> None:
    client = make_client("connect", max_pool_connections=workers)
    with ThreadPoolExecutor(max_workers=workers) as pool:
        results = list(pool.map(lambda _: client.list_instances(), range(64)))
    assert all(r["ResponseMetadata"]["HTTPStatusCode"] == 200 for r in results)
