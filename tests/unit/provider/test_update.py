"""update: description, tags and instance change in place and keep the phone number id."""

from __future__ import annotations

import pytest

from connect_numbers.errors import AccessDeniedError, ImportFailedError, NotFoundError
from connect_numbers.workflows.ownership import OWNER_TAG_KEY

from .fakes import (
    NUMBER_ARN,
    NUMBER_ID,
    OTHER_INSTANCE_ARN,
    OTHER_INSTANCE_ID,
    OWNER,
    OWNER_TAG,
    harness,
    inputs,
    outputs,
    summary,
)

DESCRIBE = {"PhoneNumberId": NUMBER_ID}


def test_a_description_change_calls_update_metadata_and_keeps_the_id() -> None:
    h = harness()
    h.stub.add_response("describe_phone_number", summary(), DESCRIBE)
    h.stub.add_response(
        "update_phone_number_metadata",
        {},
        {
            "PhoneNumberId": NUMBER_ID,
            "PhoneNumberDescription": "new words",
            "ClientToken": "token-1",
        },
    )
    h.stub.add_response("describe_phone_number", summary(description="new words"), DESCRIBE)
    with h.stub:
        result = h.provider.update(NUMBER_ID, outputs(), inputs(description="new words"))
    h.stub.assert_no_pending_responses()
    assert h.clock.sleeps == []  # metadata changes are checked at once, not after a sleep
    assert result.outs is not None
    assert result.outs["phone_number_id"] == NUMBER_ID
    assert result.outs["description"] == "new words"


def test_tags_are_added_before_old_ones_are_removed() -> None:
    h = harness()
    h.stub.add_response(
        "describe_phone_number", summary(tags={"team": "care", "old": "1"}), DESCRIBE
    )
    h.stub.add_response(
        "tag_resource", {}, {"resourceArn": NUMBER_ARN, "tags": {"new": "2", "team": "ops"}}
    )
    h.stub.add_response("untag_resource", {}, {"resourceArn": NUMBER_ARN, "tagKeys": ["old"]})
    h.stub.add_response(
        "describe_phone_number", summary(tags={"team": "ops", "new": "2"}), DESCRIBE
    )
    with h.stub:
        result = h.provider.update(NUMBER_ID, outputs(), inputs(tags={"team": "ops", "new": "2"}))
    h.stub.assert_no_pending_responses()
    assert result.outs is not None and result.outs["tags"] == {"team": "ops", "new": "2"}


def test_a_failed_tag_call_removes_nothing() -> None:
    h = harness()
    h.stub.add_response("describe_phone_number", summary(tags={"old": "1"}), DESCRIBE)
    h.stub.add_client_error(
        "tag_resource",
        "AccessDeniedException",
        "User: arn:aws:iam::123456789012:user/ci is not authorized to perform: "
        "connect:TagResource on resource: x",
        403,
    )
    with h.stub, pytest.raises(AccessDeniedError, match="connect:TagResource"):
        h.provider.update(NUMBER_ID, outputs(), inputs(tags={"new": "2"}))
    h.stub.assert_no_pending_responses()  # no UntagResource was queued or called


def test_a_missing_owner_tag_is_written_back() -> None:
    h = harness()
    h.stub.add_response("describe_phone_number", summary(owner=None), DESCRIBE)
    h.stub.add_response(
        "tag_resource", {}, {"resourceArn": NUMBER_ARN, "tags": {OWNER_TAG_KEY: OWNER_TAG}}
    )
    h.stub.add_response("describe_phone_number", summary(), DESCRIBE)
    with h.stub:
        result = h.provider.update(NUMBER_ID, outputs(owner=None), inputs())
    assert result.outs is not None and result.outs["owner"] == OWNER


def test_an_instance_change_moves_the_number_and_waits_for_claimed() -> None:
    h = harness()
    h.stub.add_response("describe_phone_number", summary(), DESCRIBE)
    h.stub.add_response(
        "update_phone_number",
        {"PhoneNumberId": NUMBER_ID, "PhoneNumberArn": NUMBER_ARN},
        {"PhoneNumberId": NUMBER_ID, "InstanceId": OTHER_INSTANCE_ID, "ClientToken": "token-1"},
    )
    h.stub.add_response("describe_phone_number", summary("IN_PROGRESS"), DESCRIBE)
    h.stub.add_response("describe_phone_number", summary(instance_id=OTHER_INSTANCE_ID), DESCRIBE)
    with h.stub:
        result = h.provider.update(NUMBER_ID, outputs(), inputs(instance_id=OTHER_INSTANCE_ARN))
    h.stub.assert_no_pending_responses()
    assert h.clock.sleeps == [3.0, 6.0]
    assert result.outs is not None
    assert result.outs["instance_id"] == OTHER_INSTANCE_ARN  # as declared
    assert result.outs["phone_number_id"] == NUMBER_ID


def test_a_move_that_fails_reports_the_service_message() -> None:
    h = harness()
    h.stub.add_response("describe_phone_number", summary(), DESCRIBE)
    h.stub.add_response(
        "update_phone_number", {"PhoneNumberId": NUMBER_ID, "PhoneNumberArn": NUMBER_ARN}
    )
    h.stub.add_response("describe_phone_number", summary("FAILED", message="target busy"), DESCRIBE)
    with h.stub, pytest.raises(ImportFailedError, match="target busy"):
        h.provider.update(NUMBER_ID, outputs(), inputs(instance_id=OTHER_INSTANCE_ID))


def test_a_number_in_progress_is_waited_for_before_it_is_changed() -> None:
    h = harness()
    h.stub.add_response("describe_phone_number", summary("IN_PROGRESS"), DESCRIBE)
    h.stub.add_response("describe_phone_number", summary(), DESCRIBE)
    h.stub.add_response(
        "update_phone_number_metadata",
        {},
        {"PhoneNumberId": NUMBER_ID, "PhoneNumberDescription": "d2", "ClientToken": "token-1"},
    )
    h.stub.add_response("describe_phone_number", summary(description="d2"), DESCRIBE)
    with h.stub:
        h.provider.update(NUMBER_ID, outputs(), inputs(description="d2"))
    h.stub.assert_no_pending_responses()


def test_changing_only_the_wait_deadline_calls_nothing_but_describe() -> None:
    h = harness()
    h.stub.add_response("describe_phone_number", summary(), DESCRIBE)
    with h.stub:
        result = h.provider.update(NUMBER_ID, outputs(), inputs(wait_timeout_seconds=60.0))
    h.stub.assert_no_pending_responses()
    assert result.outs is not None and result.outs["wait_timeout_seconds"] == 60.0


def test_updating_a_number_that_is_gone_says_to_refresh() -> None:
    h = harness()
    h.stub.add_client_error("describe_phone_number", "ResourceNotFoundException", "", 404)
    with h.stub, pytest.raises(NotFoundError, match="pulumi refresh"):
        h.provider.update(NUMBER_ID, outputs(), inputs(description="x"))
