"""delete: release only what we own, wait until it is gone, and treat gone as done."""

from __future__ import annotations

import pytest

from connect_numbers.errors import NotOwnedError, ReleaseTimeoutError, ResourceInUseError

from .fakes import NUMBER_ID, harness, outputs, summary

DESCRIBE = {"PhoneNumberId": NUMBER_ID}
RELEASE = {"PhoneNumberId": NUMBER_ID, "ClientToken": "token-1"}


def gone(h: object) -> None:
    h.stub.add_client_error(  # type: ignore[attr-defined]
        "describe_phone_number",
        "ResourceNotFoundException",
        "not found",
        404,
        expected_params=DESCRIBE,
    )


def test_release_is_called_with_a_client_token_and_waited_for_until_gone() -> None:
    h = harness()
    h.stub.add_response("describe_phone_number", summary(), DESCRIBE)
    h.stub.add_response("release_phone_number", {}, RELEASE)
    h.stub.add_response("describe_phone_number", summary("IN_PROGRESS"), DESCRIBE)
    gone(h)
    with h.stub:
        h.provider.delete(NUMBER_ID, outputs())
    h.stub.assert_no_pending_responses()
    assert h.clock.sleeps == [3.0, 6.0]


def test_a_number_already_gone_is_not_released_again() -> None:
    h = harness()
    gone(h)
    with h.stub:
        h.provider.delete(NUMBER_ID, outputs())
    h.stub.assert_no_pending_responses()


def test_not_found_from_release_counts_as_success() -> None:
    h = harness()
    h.stub.add_response("describe_phone_number", summary(), DESCRIBE)
    h.stub.add_client_error("release_phone_number", "ResourceNotFoundException", "", 404)
    with h.stub:
        h.provider.delete(NUMBER_ID, outputs())
    h.stub.assert_no_pending_responses()


def test_a_number_tagged_for_another_resource_is_not_released() -> None:
    h = harness()
    h.stub.add_response("describe_phone_number", summary(owner="phones/prod/main"), DESCRIBE)
    with h.stub, pytest.raises(NotOwnedError, match="pulumi state delete"):
        h.provider.delete(NUMBER_ID, outputs())
    h.stub.assert_no_pending_responses()


def test_a_number_without_owner_tag_is_released_because_state_says_we_manage_it() -> None:
    h = harness()
    h.stub.add_response("describe_phone_number", summary(owner=None), DESCRIBE)
    h.stub.add_response("release_phone_number", {}, RELEASE)
    gone(h)
    with h.stub:
        h.provider.delete(NUMBER_ID, outputs())
    h.stub.assert_no_pending_responses()


def test_an_in_progress_number_is_waited_for_before_release() -> None:
    h = harness()
    h.stub.add_response("describe_phone_number", summary("IN_PROGRESS"), DESCRIBE)
    h.stub.add_response("describe_phone_number", summary(), DESCRIBE)
    h.stub.add_response("release_phone_number", {}, RELEASE)
    gone(h)
    with h.stub:
        h.provider.delete(NUMBER_ID, outputs())
    h.stub.assert_no_pending_responses()


def test_a_release_still_visible_at_the_deadline_says_how_to_finish() -> None:
    h = harness()
    h.stub.add_response("describe_phone_number", summary(), DESCRIBE)
    h.stub.add_response("release_phone_number", {}, RELEASE)
    for _ in range(2):
        h.stub.add_response("describe_phone_number", summary("IN_PROGRESS"), DESCRIBE)
    with h.stub, pytest.raises(ReleaseTimeoutError, match="pulumi destroy"):
        h.provider.delete(NUMBER_ID, outputs(wait_timeout_seconds=5.0))
    assert h.clock.sleeps == [3.0, 2.0]


def test_a_number_in_use_is_reported_with_what_to_do() -> None:
    h = harness()
    h.stub.add_response("describe_phone_number", summary(), DESCRIBE)
    h.stub.add_client_error("release_phone_number", "ResourceInUseException", "in use by flow", 409)
    with h.stub, pytest.raises(ResourceInUseError, match="in use by flow"):
        h.provider.delete(NUMBER_ID, outputs())


def test_a_release_interrupted_earlier_that_finishes_while_waiting_is_done() -> None:
    h = harness()
    h.stub.add_response("describe_phone_number", summary("IN_PROGRESS"), DESCRIBE)
    gone(h)
    with h.stub:
        h.provider.delete(NUMBER_ID, outputs())
    h.stub.assert_no_pending_responses()  # and no second ReleasePhoneNumber
