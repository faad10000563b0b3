"""create when the source is already imported: resume our own import, adopt, or refuse."""

from __future__ import annotations

import pytest

from connect_numbers.errors import (
    AdoptionRequiredError,
    IdempotencyConflictError,
    ImportFailedError,
    OwnedElsewhereError,
)
from connect_numbers.workflows.ownership import OWNER_TAG_KEY

from .fakes import (
    INSTANCE_ID,
    LIST_PARAMS,
    NUMBER_ARN,
    NUMBER_ID,
    OTHER_INSTANCE_ID,
    OWNER,
    OWNER_TAG,
    SOURCE_ARN,
    already_imported,
    harness,
    inputs,
    list_page,
    summary,
)


def test_an_interrupted_create_is_resumed_by_finding_our_owner_tag() -> None:
    h = harness()
    already_imported(h)
    h.stub.add_response(
        "list_phone_numbers_v2", list_page("arn:other", next_token="n2"), LIST_PARAMS
    )
    h.stub.add_response(
        "list_phone_numbers_v2", list_page(SOURCE_ARN), {**LIST_PARAMS, "NextToken": "n2"}
    )
    h.stub.add_response(
        "describe_phone_number", summary("IN_PROGRESS"), {"PhoneNumberId": NUMBER_ID}
    )
    h.stub.add_response("describe_phone_number", summary("CLAIMED"), {"PhoneNumberId": NUMBER_ID})
    with h.stub:
        result = h.provider.create(inputs())
    h.stub.assert_no_pending_responses()
    assert result.id == NUMBER_ID


def test_a_resumed_number_is_moved_and_updated_to_the_declared_inputs() -> None:
    h = harness()
    already_imported(h)
    h.stub.add_response("list_phone_numbers_v2", list_page(SOURCE_ARN), LIST_PARAMS)
    h.stub.add_response(
        "describe_phone_number",
        summary(instance_id=OTHER_INSTANCE_ID, description="old", tags={"stale": "x"}),
        {"PhoneNumberId": NUMBER_ID},
    )
    h.stub.add_response(
        "update_phone_number",
        {"PhoneNumberId": NUMBER_ID, "PhoneNumberArn": NUMBER_ARN},
        {"PhoneNumberId": NUMBER_ID, "InstanceId": INSTANCE_ID, "ClientToken": "token-2"},
    )
    h.stub.add_response(
        "describe_phone_number",
        summary(description="old", tags={"stale": "x"}),
        {"PhoneNumberId": NUMBER_ID},
    )
    h.stub.add_response(
        "update_phone_number_metadata",
        {},
        {
            "PhoneNumberId": NUMBER_ID,
            "PhoneNumberDescription": "support line",
            "ClientToken": "token-3",
        },
    )
    h.stub.add_response(
        "describe_phone_number", summary(tags={"stale": "x"}), {"PhoneNumberId": NUMBER_ID}
    )
    h.stub.add_response("tag_resource", {}, {"resourceArn": NUMBER_ARN, "tags": {"team": "care"}})
    h.stub.add_response("untag_resource", {}, {"resourceArn": NUMBER_ARN, "tagKeys": ["stale"]})
    h.stub.add_response("describe_phone_number", summary(), {"PhoneNumberId": NUMBER_ID})
    with h.stub:
        result = h.provider.create(inputs())
    h.stub.assert_no_pending_responses()
    assert result.outs is not None and result.outs["instance_id"] == INSTANCE_ID


def test_an_unowned_imported_number_is_refused_without_adopt_and_names_the_number() -> None:
    h = harness()
    already_imported(h)
    h.stub.add_response("list_phone_numbers_v2", list_page(SOURCE_ARN), LIST_PARAMS)
    h.stub.add_response("describe_phone_number", summary(owner=None), {"PhoneNumberId": NUMBER_ID})
    with h.stub, pytest.raises(AdoptionRequiredError) as caught:
        h.provider.create(inputs())
    h.stub.assert_no_pending_responses()
    assert NUMBER_ID in str(caught.value) and "adopt=True" in str(caught.value)


def test_adopt_writes_the_owner_tag_first_then_applies_the_declared_inputs() -> None:
    h = harness()
    already_imported(h)
    h.stub.add_response("list_phone_numbers_v2", list_page(SOURCE_ARN), LIST_PARAMS)
    h.stub.add_response(
        "describe_phone_number",
        summary(owner=None, description="console", tags={}),
        {"PhoneNumberId": NUMBER_ID},
    )
    h.stub.add_response(
        "tag_resource", {}, {"resourceArn": NUMBER_ARN, "tags": {OWNER_TAG_KEY: OWNER_TAG}}
    )
    h.stub.add_response(
        "update_phone_number_metadata",
        {},
        {
            "PhoneNumberId": NUMBER_ID,
            "PhoneNumberDescription": "support line",
            "ClientToken": "token-2",
        },
    )
    h.stub.add_response("describe_phone_number", summary(tags={}), {"PhoneNumberId": NUMBER_ID})
    h.stub.add_response("tag_resource", {}, {"resourceArn": NUMBER_ARN, "tags": {"team": "care"}})
    h.stub.add_response("describe_phone_number", summary(), {"PhoneNumberId": NUMBER_ID})
    with h.stub:
        result = h.provider.create(inputs(adopt=True))
    h.stub.assert_no_pending_responses()
    assert result.outs is not None and result.outs["owner"] == OWNER


@pytest.mark.parametrize("adopt", [False, True])
def test_a_number_owned_by_another_stack_is_never_taken_over(adopt: bool) -> None:
    h = harness()
    already_imported(h)
    h.stub.add_response("list_phone_numbers_v2", list_page(SOURCE_ARN), LIST_PARAMS)
    h.stub.add_response(
        "describe_phone_number",
        summary(owner="phones/prod/support-line"),
        {"PhoneNumberId": NUMBER_ID},
    )
    with h.stub, pytest.raises(OwnedElsewhereError) as caught:
        h.provider.create(inputs(adopt=adopt))
    h.stub.assert_no_pending_responses()
    assert "phones/prod/support-line" in str(caught.value)


def test_the_original_conflict_stands_when_no_imported_number_is_found() -> None:
    h = harness()
    already_imported(h)
    h.stub.add_response("list_phone_numbers_v2", list_page("arn:other"), LIST_PARAMS)
    with h.stub, pytest.raises(IdempotencyConflictError):
        h.provider.create(inputs())


def test_a_resumed_import_that_failed_is_released_and_reported() -> None:
    h = harness()
    already_imported(h)
    h.stub.add_response("list_phone_numbers_v2", list_page(SOURCE_ARN), LIST_PARAMS)
    h.stub.add_response(
        "describe_phone_number",
        summary("FAILED", message="carrier refused"),
        {"PhoneNumberId": NUMBER_ID},
    )
    h.stub.add_response(
        "release_phone_number", {}, {"PhoneNumberId": NUMBER_ID, "ClientToken": "token-2"}
    )
    h.stub.add_client_error("describe_phone_number", "ResourceNotFoundException", "gone", 404)
    with h.stub, pytest.raises(ImportFailedError, match="carrier refused"):
        h.provider.create(inputs())
    h.stub.assert_no_pending_responses()
