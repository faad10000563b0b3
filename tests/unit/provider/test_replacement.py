"""Replacement: the new resource is created first, and the old number is released only while
it is still the old resource's (a `--replace` of the same source keeps the number)."""

from __future__ import annotations

from typing import Any

import pulumi
import pytest
from pulumi.dynamic import Resource

from connect_numbers import ImportedPhoneNumber, ImportedPhoneNumberArgs
from connect_numbers.errors import QuotaExceededError
from connect_numbers.workflows.ownership import GENERATION_OUTPUT, OWNER_TAG_KEY, Owner

from .fakes import (
    GENERATION,
    IMPORT_PARAMS,
    INSTANCE_ID,
    LIST_PARAMS,
    NUMBER_ARN,
    NUMBER_ID,
    OTHER_SOURCE_ARN,
    OWNER,
    OWNER_TAG,
    SOURCE_ARN,
    already_imported,
    harness,
    inputs,
    list_page,
    outputs,
    summary,
)

DESCRIBE = {"PhoneNumberId": NUMBER_ID}
# The generation the replaced resource recorded, and the tag it wrote.
OLD_GENERATION = "0123456789ab"
OLD_TAG = Owner(OWNER, OLD_GENERATION).tag


def test_a_new_source_is_imported_before_the_old_number_is_deleted() -> None:
    result = harness().provider.diff(
        NUMBER_ID, outputs(), inputs(source_phone_number_arn=OTHER_SOURCE_ARN)
    )
    assert result.replaces == ["source_phone_number_arn"]
    assert result.delete_before_replace is False


def test_the_resource_does_not_ask_the_engine_to_delete_before_replacing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seen: list[pulumi.ResourceOptions | None] = []

    def record(self: Any, provider: Any, name: str, props: Any, opts: Any = None) -> None:
        seen.append(opts)

    monkeypatch.setattr(Resource, "__init__", record)
    ImportedPhoneNumber(
        "n", ImportedPhoneNumberArgs(instance_id=INSTANCE_ID, source_phone_number_arn=SOURCE_ARN)
    )
    [opts] = seen
    assert opts is None or not opts.delete_before_replace


def test_the_preview_warning_names_the_old_number_of_a_source_change() -> None:
    h = harness()
    h.provider.diff(NUMBER_ID, outputs(), inputs(source_phone_number_arn=OTHER_SOURCE_ARN))
    [notice] = h.notices
    assert "RELEASES phone number +18005550100" in notice and NUMBER_ID in notice
    assert "once the new number is imported" in notice


def test_a_forced_replacement_of_the_same_source_warns_of_no_release() -> None:
    # `pulumi up --replace` still asks diff; the inputs are unchanged, so nothing is released.
    h = harness()
    result = h.provider.diff(NUMBER_ID, outputs(), inputs())
    assert result.replaces == [] and h.notices == []


def _taken_over(h: Any, predecessor_tag: str) -> None:
    """The replacement's import is refused: its predecessor's number holds the source."""
    already_imported(h)
    h.stub.add_response("list_phone_numbers_v2", list_page(SOURCE_ARN), LIST_PARAMS)
    h.stub.add_response("describe_phone_number", summary(owner=predecessor_tag), DESCRIBE)
    h.stub.add_response(
        "tag_resource", {}, {"resourceArn": NUMBER_ARN, "tags": {OWNER_TAG_KEY: OWNER_TAG}}
    )


@pytest.mark.parametrize("predecessor_tag", [OLD_TAG, OWNER], ids=["generation", "no-generation"])
def test_a_replacement_of_the_same_source_takes_the_number_over_by_retagging_it_first(
    predecessor_tag: str,
) -> None:
    h = harness()
    _taken_over(h, predecessor_tag)
    with h.stub:
        result = h.provider.create(inputs())
    h.stub.assert_no_pending_responses()  # one refused import, no release, no second import
    assert result.id == NUMBER_ID
    assert result.outs is not None
    assert result.outs[GENERATION_OUTPUT] == GENERATION and result.outs["owner"] == OWNER


def test_the_replaced_resource_releases_nothing_once_its_successor_took_the_number_over() -> None:
    h = harness()
    h.stub.add_response("describe_phone_number", summary(owner=OWNER_TAG), DESCRIBE)
    with h.stub:
        h.provider.delete(NUMBER_ID, outputs(**{GENERATION_OUTPUT: OLD_GENERATION}))
    h.stub.assert_no_pending_responses()  # no ReleasePhoneNumber
    [notice] = h.notices
    assert "NOT released" in notice and NUMBER_ID in notice and OWNER_TAG in notice
    assert "\n" not in notice


def test_a_source_change_releases_the_old_number_still_tagged_with_its_generation() -> None:
    h = harness()
    h.stub.add_response("describe_phone_number", summary(owner=OLD_TAG), DESCRIBE)
    h.stub.add_response("release_phone_number", {}, {**DESCRIBE, "ClientToken": "token-1"})
    h.stub.add_client_error("describe_phone_number", "ResourceNotFoundException", "gone", 404)
    with h.stub:
        h.provider.delete(NUMBER_ID, outputs(**{GENERATION_OUTPUT: OLD_GENERATION}))
    h.stub.assert_no_pending_responses()
    assert h.notices == []


def test_an_import_refused_by_the_quota_says_the_replaced_number_is_kept() -> None:
    h = harness()
    h.stub.add_client_error(
        "import_phone_number",
        "ServiceQuotaExceededException",
        "Quota exceeded",
        402,
        expected_params=IMPORT_PARAMS,
    )
    with h.stub, pytest.raises(QuotaExceededError, match="Nothing was released"):
        h.provider.create(inputs())


def test_refresh_reports_a_tag_of_another_generation_as_owner_drift_and_keeps_its_own() -> None:
    # A replacement that crashed after taking the number over, and was dropped from state.
    h = harness()
    h.stub.add_response("describe_phone_number", summary(owner=OLD_TAG), DESCRIBE)
    with h.stub:
        result = h.provider.read(NUMBER_ID, outputs())
    assert result.inputs is not None and result.outs is not None
    assert result.inputs["owner"] == OLD_TAG
    assert result.outs[GENERATION_OUTPUT] == GENERATION


def test_the_next_update_writes_this_resources_own_tag_back() -> None:
    h = harness()
    h.stub.add_response("describe_phone_number", summary(owner=OLD_TAG), DESCRIBE)
    h.stub.add_response(
        "tag_resource", {}, {"resourceArn": NUMBER_ARN, "tags": {OWNER_TAG_KEY: OWNER_TAG}}
    )
    h.stub.add_response("describe_phone_number", summary(), DESCRIBE)
    with h.stub:
        result = h.provider.update(NUMBER_ID, outputs(owner=OLD_TAG), inputs())
    h.stub.assert_no_pending_responses()
    assert result.outs is not None and result.outs["owner"] == OWNER
    assert result.outs[GENERATION_OUTPUT] == GENERATION
