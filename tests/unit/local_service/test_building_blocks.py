"""The building blocks: ARNs, the clock, token buckets, faults, transactions, claim times."""

from __future__ import annotations

import time

import pytest

from connect_local_service.domain.arn_format import (
    build_arn,
    parse_arn,
    partition_for,
    signing_region,
)
from connect_local_service.domain.phone_number_lifecycle import claim_time
from connect_local_service.guards.fault_injection import FaultRule, Faults
from connect_local_service.guards.token_buckets import TokenBuckets
from connect_local_service.server.clock import VIRTUAL_EPOCH, Clock
from connect_local_service.server.service_settings import LocalServiceSettings, ThrottleRule
from connect_local_service.store import Store


@pytest.mark.parametrize(
    ("region", "partition"),
    [("us-east-1", "aws"), ("us-gov-west-1", "aws-us-gov"), ("cn-north-1", "aws-cn")],
)
def test_partition_follows_the_region(region: str, partition: str) -> None:
    assert partition_for(region) == partition
    assert build_arn("connect", region, "1", "instance/x").startswith(f"arn:{partition}:")


def test_parse_arn_splits_resource_type_and_id() -> None:
    parsed = parse_arn("arn:aws:sms-voice:us-east-1:123456789012:phone-number/phone-1")
    assert parsed is not None
    assert (parsed.service, parsed.resource_type, parsed.resource_id) == (
        "sms-voice",
        "phone-number",
        "phone-1",
    )
    assert parse_arn("not-an-arn") is None


def test_signing_region_is_read_from_the_sigv4_scope() -> None:
    header = "AWS4-HMAC-SHA256 Credential=AKID/20240101/eu-west-2/connect/aws4_request, X=1"
    assert signing_region(header) == "eu-west-2"
    assert signing_region(None) is None


def test_virtual_clock_moves_only_when_advanced() -> None:
    clock = Clock(virtual=True)
    assert clock.now() == VIRTUAL_EPOCH
    clock.advance(180 * 86_400)
    assert clock.now() == VIRTUAL_EPOCH + 180 * 86_400
    with pytest.raises(ValueError):
        clock.advance(-1)


def test_token_bucket_allows_the_burst_then_refuses() -> None:
    buckets = TokenBuckets()
    buckets.configure("Op", ThrottleRule(rate=0.0, burst=2))
    assert [buckets.take("Op") for _ in range(3)] == [True, True, False]
    assert buckets.take("Other")


def test_token_bucket_refills_at_its_rate() -> None:
    buckets = TokenBuckets()
    buckets.configure("Op", ThrottleRule(rate=1000.0, burst=1))
    assert buckets.take("Op")
    time.sleep(0.01)
    assert buckets.take("Op")


def test_counted_faults_expire_after_their_count() -> None:
    faults = Faults()
    faults.add(FaultRule(operation="Op", status=503, count=2))
    hits = [faults.decide("Op").error is not None for _ in range(3)]
    assert hits == [True, True, False]
    assert faults.decide("Else").error is None


def test_a_failed_transaction_leaves_no_trace(tmp_path: object) -> None:
    store = Store(":memory:")
    with pytest.raises(RuntimeError), store.transaction() as tx:
        tx.set_meta("k", "v")
        raise RuntimeError("boom")
    assert store.get_meta("k") is None


def test_claim_jitter_spreads_claims_around_the_delay_and_never_below_zero() -> None:
    spread = LocalServiceSettings(claim_delay=2.0, claim_jitter=0.5)
    times = [claim_time(spread) for _ in range(200)]
    assert all(1.5 <= t <= 2.5 for t in times)
    assert max(times) - min(times) > 0.5  # really spread, not a constant
    assert claim_time(LocalServiceSettings(claim_delay=0.1, claim_jitter=1.0)) >= 0.0
    assert claim_time(LocalServiceSettings(claim_delay=2.0)) == 2.0
