"""Numbers tagged before generations existed (`project/stack/name` alone, no generation in
state) keep working: read, update, delete and resume."""

from __future__ import annotations

from typing import Any

from connect_numbers.workflows.ownership import GENERATION_OUTPUT, OWNER_TAG_KEY

from .fakes import (
    LIST_PARAMS,
    NUMBER_ARN,
    NUMBER_ID,
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


def _old_state(**overrides: Any) -> dict[str, Any]:
    state = outputs(**overrides)
    del state[GENERATION_OUTPUT]
    return state


def test_read_reports_no_drift_for_an_owner_tag_without_generation() -> None:
    h = harness()
    h.stub.add_response("describe_phone_number", summary(owner=OWNER), DESCRIBE)
    with h.stub:
        result = h.provider.read(NUMBER_ID, _old_state())
    assert result.inputs is not None and result.outs is not None
    assert result.inputs["owner"] == OWNER and result.outs["owner"] == OWNER
    assert result.outs[GENERATION_OUTPUT] == ""


def test_update_keeps_the_owner_tag_as_it_is() -> None:
    h = harness()
    h.stub.add_response("describe_phone_number", summary(owner=OWNER), DESCRIBE)
    h.stub.add_response(
        "update_phone_number_metadata",
        {},
        {"PhoneNumberId": NUMBER_ID, "PhoneNumberDescription": "new", "ClientToken": "token-1"},
    )
    h.stub.add_response("describe_phone_number", summary(owner=OWNER, description="new"), DESCRIBE)
    with h.stub:
        result = h.provider.update(NUMBER_ID, _old_state(), inputs(description="new"))
    h.stub.assert_no_pending_responses()  # no TagResource
    assert result.outs is not None and result.outs[GENERATION_OUTPUT] == ""


def test_delete_releases_a_number_whose_tag_and_state_have_no_generation() -> None:
    h = harness()
    h.stub.add_response("describe_phone_number", summary(owner=OWNER), DESCRIBE)
    h.stub.add_response("release_phone_number", {}, {**DESCRIBE, "ClientToken": "token-1"})
    h.stub.add_client_error("describe_phone_number", "ResourceNotFoundException", "gone", 404)
    with h.stub:
        h.provider.delete(NUMBER_ID, _old_state())
    h.stub.assert_no_pending_responses()
    assert h.notices == []


def test_a_crashed_create_of_an_older_version_is_resumed_and_given_a_generation() -> None:
    h = harness()
    already_imported(h)
    h.stub.add_response("list_phone_numbers_v2", list_page(SOURCE_ARN), LIST_PARAMS)
    h.stub.add_response("describe_phone_number", summary("IN_PROGRESS", owner=OWNER), DESCRIBE)
    h.stub.add_response("describe_phone_number", summary(owner=OWNER), DESCRIBE)
    h.stub.add_response(
        "tag_resource", {}, {"resourceArn": NUMBER_ARN, "tags": {OWNER_TAG_KEY: OWNER_TAG}}
    )
    with h.stub:
        result = h.provider.create(inputs())
    h.stub.assert_no_pending_responses()
    assert result.id == NUMBER_ID
