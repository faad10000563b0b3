"""The raw-wire checker itself can fail: each kind of mismatch it exists for is reported."""

from __future__ import annotations

from typing import Any

import botocore.session
import pytest
from wire_check import shape_problems

_CONNECT = botocore.session.get_session().get_service_model("connect")


def _summary_problems(summary: dict[str, Any]) -> list[str]:
    shape = _CONNECT.operation_model("ListPhoneNumbersV2").output_shape
    assert shape is not None
    return shape_problems(shape, {"ListPhoneNumbersSummaryList": [summary]})


GOOD = {
    "PhoneNumberId": "id",
    "PhoneNumberArn": "arn",
    "PhoneNumberType": "DID",
    "PhoneNumberDescription": "d",
}


def test_a_well_formed_body_has_no_problems() -> None:
    assert _summary_problems(GOOD) == []


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"PhoneNumberDescripton": "typo"}, "PhoneNumberDescripton: not a member of"),
        ({"PhoneNumberType": "MOBILE"}, "'MOBILE' is not one of PhoneNumberType's values"),
        ({"PhoneNumberId": 7}, "PhoneNumberId: int instead of string"),
        ({"PhoneNumberId": None}, "PhoneNumberId: NoneType instead of string"),
    ],
)
def test_each_kind_of_mismatch_is_reported(change: dict[str, Any], problem: str) -> None:
    problems = _summary_problems({**GOOD, **change})
    assert len(problems) == 1 and problem in problems[0], problems


def test_a_missing_required_member_is_reported() -> None:
    shape = _CONNECT.shape_for("InvalidParameterException")
    sms = botocore.session.get_session().get_service_model("pinpoint-sms-voice-v2")
    assert shape_problems(shape, {"Message": "m"}) == []
    info = sms.shape_for("PhoneNumberInformation")
    problems = shape_problems(info, {"PhoneNumberArn": "a"})
    assert "PhoneNumber: required by PhoneNumberInformation but missing" in problems


def test_booleans_are_not_integers_and_numbers_are_not_booleans() -> None:
    instance = _CONNECT.shape_for("InstanceSummary")
    assert shape_problems(instance, {"InboundCallsEnabled": 1}) == [
        "InboundCallsEnabled: int instead of boolean"
    ]
    page = _CONNECT.operation_model("ListInstances").input_shape
    assert page is not None
    assert shape_problems(page.members["MaxResults"], True, "MaxResults") == [
        "MaxResults: bool instead of integer"
    ]
