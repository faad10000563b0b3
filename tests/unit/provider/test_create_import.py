"""create of a source number not yet imported: the import call, the wait for CLAIMED, failures."""

from __future__ import annotations

import pytest

from connect_numbers.errors import (
    AccessDeniedError,
    ImportFailedError,
    QuotaExceededError,
    ServiceError,
    ThrottledError,
    UnexpectedOwnerError,
    WaitTimeoutError,
)
from connect_numbers.workflows.ownership import OWNER_TAG_KEY, Owner, generation_for

from .fakes import (
    GENERATION,
    IMPORT_OK,
    IMPORT_PARAMS,
    INSTANCE_ARN,
    INSTANCE_ID,
    NUMBER_ARN,
    NUMBER_ID,
    OWNER,
    SOURCE_ARN,
    harness,
    inputs,
    summary,
)


def test_import_sends_exact_parameters_with_owner_tag_and_a_client_token() -> None:
    h = harness()
    h.stub.add_response("import_phone_number", IMPORT_OK, IMPORT_PARAMS)
    h.stub.add_response("describe_phone_number", summary(), {"PhoneNumberId": NUMBER_ID})
    with h.stub:
        result = h.provider.create(inputs())
    h.stub.assert_no_pending_responses()
    assert result.id == NUMBER_ID


def test_an_instance_arn_is_sent_as_the_bare_instance_id() -> None:
    h = harness()
    h.stub.add_response("import_phone_number", IMPORT_OK, IMPORT_PARAMS)
    h.stub.add_response("describe_phone_number", summary(), {"PhoneNumberId": NUMBER_ID})
    with h.stub:
        h.provider.create(inputs(instance_id=INSTANCE_ARN))
    h.stub.assert_no_pending_responses()


def test_an_empty_description_is_left_out_of_the_import() -> None:
    h = harness()
    params = {k: v for k, v in IMPORT_PARAMS.items() if k != "PhoneNumberDescription"}
    h.stub.add_response("import_phone_number", IMPORT_OK, params)
    h.stub.add_response(
        "describe_phone_number", summary(description=""), {"PhoneNumberId": NUMBER_ID}
    )
    with h.stub:
        result = h.provider.create(inputs(description=""))
    assert result.outs is not None and result.outs["description"] == ""


def test_create_waits_through_in_progress_until_claimed_and_returns_outputs() -> None:
    h = harness()
    h.stub.add_response("import_phone_number", IMPORT_OK, IMPORT_PARAMS)
    h.stub.add_response(
        "describe_phone_number", summary("IN_PROGRESS"), {"PhoneNumberId": NUMBER_ID}
    )
    h.stub.add_response(
        "describe_phone_number", summary("IN_PROGRESS"), {"PhoneNumberId": NUMBER_ID}
    )
    h.stub.add_response("describe_phone_number", summary("CLAIMED"), {"PhoneNumberId": NUMBER_ID})
    with h.stub:
        result = h.provider.create(inputs())
    assert h.clock.sleeps == [3.0, 6.0, 7.5]  # draw 0.5 of ceilings 4, 8, 10
    assert result.outs == {
        "phone_number_id": NUMBER_ID,
        "phone_number_arn": NUMBER_ARN,
        "phone_number": "+18005550100",
        "country_code": "US",
        "number_type": "TOLL_FREE",
        "status": "CLAIMED",
        "status_message": "",
        "target_arn": INSTANCE_ARN,
        "instance_id": INSTANCE_ID,
        "source_phone_number_arn": SOURCE_ARN,
        "description": "support line",
        "tags": {"team": "care"},
        "owner": OWNER,
        "contact_flow_id": None,
        "adopt": False,
        "wait_timeout_seconds": 600.0,
        "region": None,
        "owner_generation": GENERATION,
    }


def test_failed_import_releases_the_number_and_reports_the_service_message() -> None:
    h = harness()
    h.stub.add_response("import_phone_number", IMPORT_OK, IMPORT_PARAMS)
    h.stub.add_response(
        "describe_phone_number",
        summary("FAILED", message="The number is not eligible for voice"),
        {"PhoneNumberId": NUMBER_ID},
    )
    h.stub.add_response(
        "release_phone_number", {}, {"PhoneNumberId": NUMBER_ID, "ClientToken": "token-2"}
    )
    h.stub.add_client_error(
        "describe_phone_number",
        "ResourceNotFoundException",
        "gone",
        404,
        expected_params={"PhoneNumberId": NUMBER_ID},
    )
    with h.stub, pytest.raises(ImportFailedError) as caught:
        h.provider.create(inputs())
    h.stub.assert_no_pending_responses()
    message = str(caught.value)
    assert "The number is not eligible for voice" in message
    assert NUMBER_ID in message and "released" in message
    assert "\n" not in message


def test_timeout_names_the_number_and_how_the_next_up_resumes() -> None:
    h = harness()
    h.stub.add_response("import_phone_number", IMPORT_OK, IMPORT_PARAMS)
    for _ in range(3):
        h.stub.add_response(
            "describe_phone_number", summary("IN_PROGRESS"), {"PhoneNumberId": NUMBER_ID}
        )
    with h.stub, pytest.raises(WaitTimeoutError) as caught:
        h.provider.create(inputs(wait_timeout_seconds=10.0))
    h.stub.assert_no_pending_responses()
    assert h.clock.sleeps == [3.0, 6.0, 1.0]  # the last sleep is cut to the deadline
    message = str(caught.value)
    assert NUMBER_ID in message and "pulumi up" in message and "resumes" in message


def test_quota_exceeded_explains_the_180_day_rule_and_asks_for_a_quota_increase() -> None:
    h = harness()
    h.stub.add_client_error(
        "import_phone_number",
        "ServiceQuotaExceededException",
        "Quota exceeded",
        402,
        expected_params=IMPORT_PARAMS,
    )
    with h.stub, pytest.raises(QuotaExceededError) as caught:
        h.provider.create(inputs())
    message = str(caught.value)
    assert "180" in message and "200%" in message and "AWS Support" in message


def test_access_denied_names_the_missing_iam_action() -> None:
    h = harness()
    h.stub.add_client_error(
        "import_phone_number",
        "AccessDeniedException",
        "denied",
        403,
        expected_params=IMPORT_PARAMS,
    )
    with h.stub, pytest.raises(AccessDeniedError) as caught:
        h.provider.create(inputs())
    assert "connect:ImportPhoneNumber" in str(caught.value)


def test_a_fresh_client_token_is_used_for_every_create() -> None:
    h = harness()
    for token in ("token-1", "token-2"):
        owner_tag = Owner(OWNER, generation_for(token)).tag
        tags = {"team": "care", OWNER_TAG_KEY: owner_tag}
        h.stub.add_response(
            "import_phone_number", IMPORT_OK, {**IMPORT_PARAMS, "ClientToken": token, "Tags": tags}
        )
        h.stub.add_response(
            "describe_phone_number", summary(owner=owner_tag), {"PhoneNumberId": NUMBER_ID}
        )
    with h.stub:
        h.provider.create(inputs())
        h.provider.create(inputs())
    h.stub.assert_no_pending_responses()


def test_other_import_errors_keep_the_aws_code_and_request_id() -> None:
    h = harness()
    h.stub.add_client_error(
        "import_phone_number",
        "InternalServiceException",
        "boom",
        500,
        expected_params=IMPORT_PARAMS,
        response_meta={"RequestId": "req-123"},
    )
    with h.stub, pytest.raises(ServiceError) as caught:
        h.provider.create(inputs())
    assert "InternalServiceException" in str(caught.value) and "req-123" in str(caught.value)


def test_an_import_that_comes_back_with_someone_elses_owner_tag_is_not_claimed() -> None:
    h = harness()
    h.stub.add_response("import_phone_number", IMPORT_OK, IMPORT_PARAMS)
    h.stub.add_response(
        "describe_phone_number", summary(owner="phones/prod/x"), {"PhoneNumberId": NUMBER_ID}
    )
    with h.stub, pytest.raises(UnexpectedOwnerError):
        h.provider.create(inputs())


def test_a_throttled_poll_keeps_waiting_instead_of_failing_the_create() -> None:
    h = harness()
    h.stub.add_response("import_phone_number", IMPORT_OK, IMPORT_PARAMS)
    h.stub.add_client_error("describe_phone_number", "ThrottlingException", "Rate exceeded", 429)
    h.stub.add_response("describe_phone_number", summary(), {"PhoneNumberId": NUMBER_ID})
    with h.stub:
        result = h.provider.create(inputs())
    h.stub.assert_no_pending_responses()
    # The first poll comes after 3 s; the throttled answer is asked again after its own backoff.
    assert result.id == NUMBER_ID and h.clock.sleeps == [3.0, 3.0]


def test_a_throttled_import_is_retried_with_the_same_client_token() -> None:
    h = harness()
    h.stub.add_client_error(
        "import_phone_number", "ThrottlingException", "Rate exceeded", 429, None, IMPORT_PARAMS
    )
    h.stub.add_response("import_phone_number", IMPORT_OK, IMPORT_PARAMS)
    h.stub.add_response("describe_phone_number", summary(), {"PhoneNumberId": NUMBER_ID})
    with h.stub:
        result = h.provider.create(inputs())
    h.stub.assert_no_pending_responses()
    assert result.id == NUMBER_ID


def test_throttling_that_outlasts_the_deadline_is_reported_as_one_actionable_line() -> None:
    h = harness()
    for _ in range(3):
        h.stub.add_client_error(
            "import_phone_number",
            "ThrottlingException",
            "Rate exceeded",
            429,
            expected_params=IMPORT_PARAMS,
        )
    with h.stub, pytest.raises(ThrottledError) as caught:
        h.provider.create(inputs(wait_timeout_seconds=5.0))
    h.stub.assert_no_pending_responses()
    assert h.clock.sleeps == [3.0, 2.0]
    assert "ImportPhoneNumber" in str(caught.value) and "\n" not in str(caught.value)
