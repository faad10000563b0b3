"""Over HTTP, each failure found answered with an undeclared code now gets one its operation
declares (so the Go v2 and JavaScript v3 SDKs type it), with its shape's status."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from connect_local_service.wire.declared_errors import declared_errors

INSTANCE = {"IdentityManagementType": "CONNECT_MANAGED", "InboundCallsEnabled": True}
NUMBER = {
    "IsoCountryCode": "US",
    "MessageType": "TRANSACTIONAL",
    "NumberCapabilities": ["VOICE"],
    "NumberType": "TOLL_FREE",
}


def _code(call: Callable[[], Any]) -> tuple[str, int]:
    with pytest.raises(Exception) as raised:
        call()
    response = raised.value.response  # type: ignore[attr-defined]
    return response["Error"]["Code"], response["ResponseMetadata"]["HTTPStatusCode"]


@pytest.mark.parametrize(
    ("operation", "call"),
    [
        ("ListInstances", lambda c, i: c.list_instances(MaxResults=11)),
        ("DescribeInstance", lambda c, i: c.describe_instance(InstanceId="i" * 101)),
        (
            "CreateInstance",
            lambda c, i: c.create_instance(
                **INSTANCE, InstanceAlias="-bad alias-", OutboundCallsEnabled=True
            ),
        ),
        (
            "CreateTrafficDistributionGroup",
            lambda c, i: c.create_traffic_distribution_group(
                Name="g", InstanceId=i["InstanceId"], Description="d" * 251
            ),
        ),
    ],
)
def test_a_bad_field_is_answered_with_invalid_request_where_invalid_parameter_is_not_declared(
    connect_client: Any, instance: Any, operation: str, call: Any
) -> None:
    assert "InvalidParameterException" not in declared_errors("connect", operation)

    assert _code(lambda: call(connect_client, instance)) == ("InvalidRequestException", 400)


def test_create_instance_refuses_a_reused_client_token_with_invalid_request(
    connect_client: Any,
) -> None:
    connect_client.create_instance(
        **INSTANCE, InstanceAlias="first", OutboundCallsEnabled=True, ClientToken="t-1"
    )
    reused = _code(
        lambda: connect_client.create_instance(
            **INSTANCE, InstanceAlias="second", OutboundCallsEnabled=True, ClientToken="t-1"
        )
    )
    assert reused == ("InvalidRequestException", 400)


def test_request_phone_number_refuses_a_reused_client_token_with_a_conflict(
    sms_client: Any,
) -> None:
    sms_client.request_phone_number(**NUMBER, ClientToken="t-2")
    other = {**NUMBER, "NumberCapabilities": ["SMS", "VOICE"]}
    code, _ = _code(lambda: sms_client.request_phone_number(**other, ClientToken="t-2"))
    assert code == "ConflictException"
    assert "ConflictException" in declared_errors("pinpoint-sms-voice-v2", "RequestPhoneNumber")
