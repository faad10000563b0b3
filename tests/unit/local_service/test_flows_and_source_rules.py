"""Rules of contact flows, flow associations and source numbers that need no service running:
the filter rules, the error each new operation answers, and the state file's schema upgrade."""

from __future__ import annotations

import dataclasses
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from connect_local_service.domain.contact_flow_operations import content_problem
from connect_local_service.domain.records import SourceNumberRecord
from connect_local_service.domain.source_filters import FILTER_VALUES, matches, matching
from connect_local_service.store import Store
from connect_local_service.wire.botocore_models import CONNECT, SMS_VOICE, service_model
from connect_local_service.wire.declared_errors import declared_code

_SOURCE = SourceNumberRecord(
    id="phone-1",
    arn="arn:aws:sms-voice:us-east-1:123456789012:phone-number/phone-1",
    phone_number="+18005550100",
    account="123456789012",
    region="us-east-1",
    iso_country="US",
    number_type="TOLL_FREE",
    message_type="TRANSACTIONAL",
    capabilities=("SMS", "VOICE"),
    status="ACTIVE",
    deletion_protection=False,
    created_at=0.0,
)


def _source(**changes: Any) -> SourceNumberRecord:
    return dataclasses.replace(_SOURCE, **changes)


def test_every_filter_name_of_the_model_has_a_rule() -> None:
    filter_shape = service_model(SMS_VOICE).shape_for("PhoneNumberFilterName")
    assert set(FILTER_VALUES) == set(filter_shape.metadata["enum"])


def test_a_capability_filter_matches_any_listed_capability() -> None:
    sms_only = _source(capabilities=("SMS",))
    assert matches(sms_only, {"Name": "number-capability", "Values": ["VOICE", "SMS"]})
    assert not matches(sms_only, {"Name": "number-capability", "Values": ["VOICE"]})


def test_boolean_filters_read_true_and_false_in_any_case() -> None:
    protected = _source(deletion_protection=True)
    assert matches(protected, {"Name": "deletion-protection-enabled", "Values": ["TRUE"]})
    assert not matches(protected, {"Name": "deletion-protection-enabled", "Values": ["false"]})


def test_a_number_without_a_two_way_channel_matches_no_channel_filter() -> None:
    assert not matches(_source(), {"Name": "two-way-channel-arn", "Values": ["arn:aws:sns:x"]})


def test_a_number_must_meet_every_filter() -> None:
    british = _source(id="gb", iso_country="GB")
    pending = _source(id="p", status="PENDING")
    both = _source(id="both", iso_country="GB", status="PENDING")
    wanted = [
        {"Name": "iso-country-code", "Values": ["GB"]},
        {"Name": "status", "Values": ["PENDING"]},
    ]
    assert matching([british, pending, both], wanted) == [both]


@pytest.mark.parametrize(
    ("content", "problem"),
    [("{}", None), ("[]", "Content is not a JSON object"), ("{", "Content is not JSON")],
)
def test_published_content_must_be_a_json_object(content: str, problem: str | None) -> None:
    found = content_problem(content)
    assert found == problem if problem is None else (found or "").startswith(problem)


@pytest.mark.parametrize(
    ("operation", "raised", "answered"),
    [
        # A flow or number that is not in the instance: both operations declare it.
        (
            "AssociatePhoneNumberContactFlow",
            "ResourceNotFoundException",
            "ResourceNotFoundException",
        ),
        (
            "DisassociatePhoneNumberContactFlow",
            "ResourceNotFoundException",
            "ResourceNotFoundException",
        ),
        # A number that is not CLAIMED: they declare neither ResourceInUse nor InvalidRequest.
        ("AssociatePhoneNumberContactFlow", "ResourceInUseException", "InvalidParameterException"),
        (
            "AssociatePhoneNumberContactFlow",
            "InvalidParameterException",
            "InvalidParameterException",
        ),
        ("CreateContactFlow", "DuplicateResourceException", "DuplicateResourceException"),
        ("CreateContactFlow", "InvalidContactFlowException", "InvalidContactFlowException"),
        (
            "DescribeContactFlow",
            "ContactFlowNotPublishedException",
            "ContactFlowNotPublishedException",
        ),
        # Elsewhere the new codes fall back to declared ones.
        ("DescribePhoneNumber", "ContactFlowNotPublishedException", "ResourceNotFoundException"),
        ("ImportPhoneNumber", "DuplicateResourceException", "InvalidParameterException"),
        ("ListFlowAssociations", "InvalidContactFlowException", "InvalidParameterException"),
    ],
)
def test_the_new_operations_answer_their_declared_codes(
    operation: str, raised: str, answered: str
) -> None:
    assert declared_code(CONNECT, operation, raised) == answered


def test_a_state_file_of_schema_1_gains_the_source_attribute_columns(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    db = sqlite3.connect(path)
    db.executescript(
        """
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        INSERT INTO meta VALUES ('schema_version', '1');
        CREATE TABLE sources (
            id TEXT PRIMARY KEY, arn TEXT NOT NULL UNIQUE, phone_number TEXT NOT NULL,
            account TEXT NOT NULL, region TEXT NOT NULL, iso_country TEXT NOT NULL,
            number_type TEXT NOT NULL, message_type TEXT NOT NULL, capabilities TEXT NOT NULL,
            status TEXT NOT NULL, deletion_protection INTEGER NOT NULL DEFAULT 0,
            created_at REAL NOT NULL);
        INSERT INTO sources VALUES ('phone-1', 'arn:s', '+18005550100', 'a', 'r', 'US',
            'TOLL_FREE', 'TRANSACTIONAL', '["SMS"]', 'ACTIVE', 0, 0.0);
        """
    )
    db.commit()
    db.close()
    store = Store(path)
    with store.transaction() as tx:
        [source] = tx.sources("a", "r")
    assert (source.two_way_enabled, source.two_way_channel_arn, source.pool_id) == (
        False,
        None,
        None,
    )
    assert store.get_meta("schema_version") == "2"
    store.close()
