"""The selection's lookup over End User Messaging, against the local service over HTTP: every
filter, paging, tags matched per candidate, and only reads."""

from __future__ import annotations

from typing import Any

import pytest

from connect_local_service import RunningLocalService
from connect_numbers.aws.source_numbers_api import SourceNumbersApi
from connect_numbers.selection.criteria import selection_from
from connect_numbers.selection.lookup import matching
from tests.integration.conftest import SourceFactory
from tests.support.mutating_operations import MUTATING

pytestmark = pytest.mark.integration


def _arns(found: list[Any]) -> list[str]:
    return [number.phone_number_arn for number in found]


def test_the_lookup_returns_the_arns_of_numbers_matching_country_type_capability_and_status(
    sms_client: Any, source_number: SourceFactory
) -> None:
    wanted = source_number(iso_country="US", number_type="TOLL_FREE")["PhoneNumberArn"]
    source_number(iso_country="GB", number_type="TOLL_FREE")
    source_number(iso_country="US", number_type="LONG_CODE")
    source_number(iso_country="US", number_type="TOLL_FREE", capabilities=["SMS"])
    source_number(iso_country="US", number_type="TOLL_FREE", status="PENDING")
    selection = selection_from({"isoCountryCode": "US", "numberType": "TOLL_FREE"})

    assert _arns(matching(selection, SourceNumbersApi(sms_client))) == [wanted]


def test_the_lookup_reads_every_page(sms_client: Any, source_number: SourceFactory) -> None:
    made = sorted(source_number()["PhoneNumberArn"] for _ in range(105))

    found = matching(selection_from({}), SourceNumbersApi(sms_client))

    assert _arns(found) == made


def test_tags_are_matched_on_each_candidates_own_tags(sms_client: Any) -> None:
    def request(pool: str) -> str:
        return str(
            sms_client.request_phone_number(
                IsoCountryCode="US",
                MessageType="TRANSACTIONAL",
                NumberCapabilities=["SMS", "VOICE"],
                NumberType="TOLL_FREE",
                Tags=[{"Key": "pool", "Value": pool}],
            )["PhoneNumberArn"]
        )

    care, _ = request("care"), request("sales")
    selection = selection_from({"tags": {"pool": "care"}})

    assert _arns(matching(selection, SourceNumbersApi(sms_client))) == [care]


def test_the_lookup_changes_nothing(
    sms_client: Any, source_number: SourceFactory, local_service: RunningLocalService
) -> None:
    source_number()
    local_service.admin.clear_request_log()

    matching(selection_from({"tags": {"pool": "x"}}), SourceNumbersApi(sms_client))

    operations = [entry["operation"] for entry in local_service.admin.request_log()]
    assert operations and not set(operations) & set(MUTATING)
