"""AWS errors become one line a user can act on."""

from __future__ import annotations

import botocore.exceptions
import pytest

from connect_numbers.aws.connect_api import ConnectApi
from connect_numbers.aws.error_translation import END_USER_MESSAGING, calling, translate
from connect_numbers.errors import (
    AccessDeniedError,
    ConfigurationError,
    QuotaExceededError,
    ServiceError,
    ThrottledError,
)

from .fakes import NUMBER_ID, make_client


def client_error(
    code: str, message: str = "", status: int = 400, request_id: str = "rid-1"
) -> botocore.exceptions.ClientError:
    return botocore.exceptions.ClientError(
        {
            "Error": {"Code": code, "Message": message},
            "ResponseMetadata": {"RequestId": request_id, "HTTPStatusCode": status},
        },
        "DescribePhoneNumber",
    )


def test_access_denied_names_the_action_for_the_operation() -> None:
    err = translate(client_error("AccessDeniedException", "denied", 403), "DescribePhoneNumber")
    assert isinstance(err, AccessDeniedError)
    assert "connect:DescribePhoneNumber" in str(err) and "rid-1" in str(err)


def test_access_denied_prefers_the_action_quoted_by_aws() -> None:
    message = (
        "User: arn:aws:sts::123456789012:assumed-role/ci/x is not authorized to perform: "
        "sms-voice:DescribePhoneNumbers on resource: "
        "arn:aws:sms-voice:us-east-1:123456789012:phone-number/p"
    )
    err = translate(client_error("AccessDeniedException", message, 403), "ImportPhoneNumber")
    assert isinstance(err, AccessDeniedError) and err.action == "sms-voice:DescribePhoneNumbers"


def test_throttling_left_after_retries_says_what_to_do() -> None:
    err = translate(
        client_error("ThrottlingException", "Rate exceeded", 429), "DescribePhoneNumber"
    )
    assert isinstance(err, ThrottledError) and "--parallel" in str(err)


def test_unknown_errors_keep_code_message_and_request_id_on_one_line() -> None:
    err = translate(client_error("WeirdNewException", "odd", 418, "rid-9"), "ReleasePhoneNumber")
    assert type(err) is ServiceError
    assert str(err) == "ReleasePhoneNumber failed: WeirdNewException: odd (AWS request id rid-9)"


def test_a_quota_refusal_under_invalid_parameter_explains_the_180_day_rule() -> None:
    message = "The account already has 2 active phone numbers, the maximum allowed by its quota"
    err = translate(client_error("InvalidParameterException", message), "ImportPhoneNumber")
    assert isinstance(err, QuotaExceededError)
    assert "180 days" in str(err)


def test_an_invalid_parameter_that_names_no_quota_stays_a_service_error() -> None:
    err = translate(client_error("InvalidParameterException", "Tags: bad key"), "ImportPhoneNumber")
    assert type(err) is ServiceError


def test_missing_credentials_are_a_configuration_error_naming_the_settings() -> None:
    client = make_client()

    def no_credentials(**_: object) -> None:
        raise botocore.exceptions.NoCredentialsError()

    api = ConnectApi(client)
    client.describe_phone_number = no_credentials  # type: ignore[method-assign]
    try:
        with pytest.raises(ConfigurationError, match="aws:profile"):
            api.describe(NUMBER_ID)
    finally:
        del client.describe_phone_number


def test_access_denied_on_end_user_messaging_names_the_sms_voice_action() -> None:
    err = translate(
        client_error("AccessDeniedException", "denied", 403),
        "DescribePhoneNumbers",
        END_USER_MESSAGING,
    )
    assert isinstance(err, AccessDeniedError) and err.action == "sms-voice:DescribePhoneNumbers"


def test_throttling_by_end_user_messaging_names_that_service() -> None:
    err = translate(
        client_error("ThrottlingException", "Rate exceeded", 400),
        "DescribePhoneNumbers",
        END_USER_MESSAGING,
    )
    assert isinstance(err, ThrottledError)
    assert "throttled by AWS End User Messaging SMS/voice" in str(err)


def test_an_unreachable_end_user_messaging_endpoint_names_its_setting() -> None:
    with (
        pytest.raises(ConfigurationError, match="AWS_ENDPOINT_URL_PINPOINT_SMS_VOICE_V2"),
        calling("DescribePhoneNumbers", END_USER_MESSAGING),
    ):
        raise botocore.exceptions.EndpointConnectionError(endpoint_url="http://127.0.0.1:1")
