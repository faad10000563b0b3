"""Routing reads botocore's model: every Connect operation is found from method and raw path."""

from __future__ import annotations

import pytest

from connect_local_service.wire.botocore_models import CONNECT, error_status, service_model
from connect_local_service.wire.request_decoding import (
    RestJsonRouter,
    decode_json_target,
    decode_rest_json,
)

ROUTER = RestJsonRouter(service_model(CONNECT))
ARN = "arn:aws:connect:us-east-1:123456789012:phone-number/abc"


@pytest.mark.parametrize(
    ("method", "path", "operation"),
    [
        ("POST", "/phone-number/import", "ImportPhoneNumber"),
        ("POST", "/phone-number/list", "ListPhoneNumbersV2"),
        ("GET", "/phone-number/abc", "DescribePhoneNumber"),
        ("PUT", "/phone-number/abc", "UpdatePhoneNumber"),
        ("PUT", "/phone-number/abc/metadata", "UpdatePhoneNumberMetadata"),
        ("DELETE", "/phone-number/abc?clientToken=t", "ReleasePhoneNumber"),
        ("GET", "/tags/x", "ListTagsForResource"),
        ("POST", "/tags/x", "TagResource"),
        ("DELETE", "/tags/x?tagKeys=a", "UntagResource"),
        ("GET", "/instance/i", "DescribeInstance"),
    ],
)
def test_each_operation_is_found_from_method_and_path(
    method: str, path: str, operation: str
) -> None:
    found = ROUTER.match(method, path)
    assert found is not None and found[0].name == operation


def test_an_encoded_arn_label_is_decoded_after_splitting() -> None:
    found = ROUTER.match(
        "GET", "/phone-number/arn%3Aaws%3Aconnect%3Aus-east-1%3A123456789012%3Aphone-number%2Fabc"
    )
    assert found is not None and found[1] == {"PhoneNumberId": ARN}


def test_unknown_paths_match_nothing() -> None:
    assert ROUTER.match("GET", "/phone-number/a/b/c/d") is None
    assert ROUTER.match("PATCH", "/phone-number/import") is None


def test_query_list_members_keep_every_value() -> None:
    operation = service_model(CONNECT).operation_model("UntagResource")
    params = decode_rest_json(operation, {"resourceArn": "r"}, {"tagKeys": ["a", "b"]}, {}, b"")
    assert params == {"resourceArn": "r", "tagKeys": ["a", "b"]}


def test_a_non_integer_query_value_is_an_invalid_parameter() -> None:
    operation = service_model(CONNECT).operation_model("ListInstances")
    with pytest.raises(Exception, match="MaxResults: must be an integer"):
        decode_rest_json(operation, {}, {"maxResults": ["ten"]}, {}, b"")


def test_a_body_that_is_not_a_json_object_is_an_invalid_parameter() -> None:
    operation = service_model(CONNECT).operation_model("ImportPhoneNumber")
    with pytest.raises(Exception, match="JSON object"):
        decode_rest_json(operation, {}, {}, {}, b"[1]")


def test_json_targets_name_sms_voice_operations() -> None:
    decoded = decode_json_target("PinpointSMSVoiceV2.DescribePhoneNumbers", b"{}")
    assert decoded is not None and decoded.operation.name == "DescribePhoneNumbers"
    assert decode_json_target("PinpointSMSVoiceV2.NoSuchThing", b"{}") is None


@pytest.mark.parametrize(
    ("code", "status"),
    [
        ("InvalidParameterException", 400),
        ("ResourceNotFoundException", 404),
        ("IdempotencyException", 409),
        ("ResourceInUseException", 409),
        ("ThrottlingException", 429),
        ("ServiceQuotaExceededException", 402),
        ("InternalServiceException", 500),
        ("AccessDeniedException", 403),
    ],
)
def test_error_statuses_come_from_the_model(code: str, status: int) -> None:
    assert error_status(CONNECT, code) == status
