"""create's pre-flight with botocore's Stubber: the DescribePhoneNumbers request, its failures
before any import, the warning through the runtime's notice path, and resume left intact."""

from __future__ import annotations

import pytest
from botocore.stub import Stubber

from connect_numbers.aws import clients
from connect_numbers.errors import AccessDeniedError, SourceNotClaimedError, SourceNotFoundError
from connect_numbers.pacing.call_plan import plan_of

from .fakes import (
    IMPORT_OK,
    IMPORT_PARAMS,
    LIST_PARAMS,
    NUMBER_ID,
    OWNER,
    SOURCE_ARN,
    Harness,
    already_imported,
    harness,
    inputs,
    list_page,
    make_source_client,
    source_information,
    summary,
)

DESCRIBE_SOURCE = {"PhoneNumberIds": [SOURCE_ARN]}


def with_sources() -> tuple[Harness, Stubber]:
    client = make_source_client()
    return harness(source_client=client), Stubber(client)


def test_the_source_is_described_by_its_arn_before_the_import() -> None:
    h, sources = with_sources()
    sources.add_response(
        "describe_phone_numbers", {"PhoneNumbers": [source_information()]}, DESCRIBE_SOURCE
    )
    h.stub.add_response("import_phone_number", IMPORT_OK, IMPORT_PARAMS)
    h.stub.add_response("describe_phone_number", summary(), {"PhoneNumberId": NUMBER_ID})
    with h.stub, sources:
        assert h.provider.create(inputs()).id == NUMBER_ID
    sources.assert_no_pending_responses()
    h.stub.assert_no_pending_responses()
    assert h.notices == []


def test_a_source_end_user_messaging_does_not_know_fails_before_any_import() -> None:
    h, sources = with_sources()
    sources.add_client_error(
        "describe_phone_numbers", "ResourceNotFoundException", "not found", 404
    )
    h.stub.add_response("list_phone_numbers_v2", list_page(), LIST_PARAMS)  # not imported either
    with h.stub, sources, pytest.raises(SourceNotFoundError, match="nothing was imported"):
        h.provider.create(inputs())
    h.stub.assert_no_pending_responses()  # and no ImportPhoneNumber was stubbed


def test_a_deleted_source_fails_before_any_import() -> None:
    h, sources = with_sources()
    deleted = source_information(status="DELETED")
    sources.add_response("describe_phone_numbers", {"PhoneNumbers": [deleted]}, DESCRIBE_SOURCE)
    h.stub.add_response("list_phone_numbers_v2", list_page(), LIST_PARAMS)
    with h.stub, sources, pytest.raises(SourceNotClaimedError, match="is DELETED"):
        h.provider.create(inputs())


def test_without_the_optional_list_permission_the_pre_flight_line_still_stands() -> None:
    h, sources = with_sources()
    pending = source_information(status="PENDING")
    sources.add_response("describe_phone_numbers", {"PhoneNumbers": [pending]}, DESCRIBE_SOURCE)
    h.stub.add_client_error("list_phone_numbers_v2", "AccessDeniedException", "denied", 403)
    with h.stub, sources, pytest.raises(SourceNotClaimedError, match="is PENDING"):
        h.provider.create(inputs())


def test_a_failed_pre_flight_of_a_source_imported_already_resumes_it() -> None:
    # AWS does not document how an imported source describes: should End User Messaging no
    # longer know it, the create that imported it still resumes.
    h, sources = with_sources()
    sources.add_client_error(
        "describe_phone_numbers", "ResourceNotFoundException", "not found", 404
    )
    h.stub.add_response("list_phone_numbers_v2", list_page(SOURCE_ARN), LIST_PARAMS)
    already_imported(h)
    h.stub.add_response("list_phone_numbers_v2", list_page(SOURCE_ARN), LIST_PARAMS)
    h.stub.add_response("describe_phone_number", summary(), {"PhoneNumberId": NUMBER_ID})
    with h.stub, sources:
        assert h.provider.create(inputs()).id == NUMBER_ID
    h.stub.assert_no_pending_responses()


def test_a_warning_goes_to_the_runtimes_notice_path_and_the_import_goes_ahead() -> None:
    h, sources = with_sources()
    sms_only = source_information(capabilities=("SMS",))
    sources.add_response("describe_phone_numbers", {"PhoneNumbers": [sms_only]}, DESCRIBE_SOURCE)
    h.stub.add_response("import_phone_number", IMPORT_OK, IMPORT_PARAMS)
    h.stub.add_response("describe_phone_number", summary(), {"PhoneNumberId": NUMBER_ID})
    with h.stub, sources:
        h.provider.create(inputs())
    [notice] = h.notices
    assert notice.startswith(f"connect-numbers WARNING: {OWNER}: source number {SOURCE_ARN}: ")
    assert "no VOICE capability" in notice


def test_access_denied_on_the_describe_names_the_sms_voice_action() -> None:
    h, sources = with_sources()
    sources.add_client_error("describe_phone_numbers", "AccessDeniedException", "denied", 403)
    with h.stub, sources, pytest.raises(AccessDeniedError) as denied:
        h.provider.create(inputs())
    assert denied.value.action == "sms-voice:DescribePhoneNumbers"
    assert "'sms-voice:DescribePhoneNumbers'" in str(denied.value)


def test_a_throttled_describe_is_retried_within_the_deadline() -> None:
    h, sources = with_sources()
    for _ in range(2):  # throttled answers are called again until the resource's deadline
        sources.add_client_error("describe_phone_numbers", "ThrottlingException", "slow", 400)
    sources.add_response(
        "describe_phone_numbers", {"PhoneNumbers": [source_information()]}, DESCRIBE_SOURCE
    )
    h.stub.add_response("import_phone_number", IMPORT_OK, IMPORT_PARAMS)
    h.stub.add_response("describe_phone_number", summary(), {"PhoneNumberId": NUMBER_ID})
    with h.stub, sources:
        h.provider.create(inputs())
    sources.assert_no_pending_responses()


def test_the_pre_flight_client_has_the_settings_and_a_plan_like_the_connect_client() -> None:
    key = clients.ClientKey("eu-west-2", None, "http://127.0.0.1:4599")
    client = clients.make_client(key, clients.SOURCE_NUMBERS_SERVICE)
    assert client.meta.service_model.service_name == "pinpoint-sms-voice-v2"
    assert client.meta.region_name == "eu-west-2"
    assert client.meta.endpoint_url == "http://127.0.0.1:4599"
    assert client.meta.config.retries["total_max_attempts"] == clients.MAX_ATTEMPTS
    assert plan_of(client) is not None
