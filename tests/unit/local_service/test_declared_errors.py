"""Every error the local service can answer is one the operation's own model declares, with the
HTTP status its shape declares.

The pairs checked: every implemented operation (the handlers' tables) with every error code the
service's source can raise (each `...Exception` string in `connect_local_service`, which is
where every ApiError code, fault default and internal code is written). That covers every
error path, and more: a pair that no path reaches is checked too. It runs against the installed
botocore, so tests/e2e/test_user_project.py runs it again at both ends of the botocore range.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import connect_local_service
from connect_local_service.wire import connect_handlers, sms_voice_handlers
from connect_local_service.wire.api_errors import ApiError, validation_exception
from connect_local_service.wire.botocore_models import (
    CONNECT,
    SMS_VOICE,
    service_model,
)
from connect_local_service.wire.declared_errors import (
    COMMON_ERRORS,
    NO_OPERATION,
    as_declared,
    declared_code,
    declared_errors,
)
from connect_local_service.wire.protocol_encoding import error

PACKAGE = Path(connect_local_service.__file__).parent
IMPLEMENTED = {CONNECT: connect_handlers.HANDLERS, SMS_VOICE: sms_voice_handlers.HANDLERS}


def raised_codes() -> set[str]:
    """Every error code written in the service's source."""
    codes: set[str] = set()
    for path in PACKAGE.rglob("*.py"):
        codes |= set(re.findall(r'"([A-Z][A-Za-z]+Exception)"', path.read_text()))
    return codes


PAIRS = sorted(
    (service, operation, code)
    for service, handlers in IMPLEMENTED.items()
    for operation in handlers
    for code in raised_codes()
)


def test_every_operation_answers_every_error_with_a_declared_shape() -> None:
    undeclared = [
        (operation, code, answered)
        for service, operation, code in PAIRS
        if (answered := declared_code(service, operation, code))
        not in declared_errors(service, operation) | COMMON_ERRORS | {NO_OPERATION}
    ]
    assert undeclared == []
    print(f"checked {len(PAIRS)} (operation, error) pairs")  # in -s and the CI log's -rA


def test_the_check_covers_every_implemented_operation_and_the_known_codes() -> None:
    operations = {(s, o) for s, o, _ in PAIRS}
    assert len(operations) == sum(len(h) for h in IMPLEMENTED.values())
    # One code of each way the service fails: lookups, validation, idempotency, quotas, the
    # pacing and IAM guards; a scan that missed any of them would check too little.
    assert {
        "ResourceNotFoundException",
        "InvalidParameterException",
        "InvalidRequestException",
        "IdempotencyException",
        "ServiceQuotaExceededException",
        "ThrottlingException",
        "AccessDeniedException",
    } <= raised_codes()


def _declared_status(service: str, code: str) -> int | None:
    if code not in {shape.name for shape in service_model(service).error_shapes}:
        return None  # a common error, documented outside the model
    status = service_model(service).shape_for(code).metadata.get("error", {})
    return status.get("httpStatusCode")  # End User Messaging's JSON 1.0 model gives none


def _declared_status(service: str, code: str) -> int | None:
    if code not in {shape.name for shape in service_model(service).error_shapes}:
        return None  # a common error, documented outside the model
    status = service_model(service).shape_for(code).metadata.get("error", {})
    return status.get("httpStatusCode")  # End User Messaging's JSON 1.0 model gives none


def _answered(service: str, operation: str, code: str) -> ApiError:
    return as_declared(service, operation, ApiError(code, "m"))


# End User Messaging's JSON 1.0 model declares no statuses, and common errors have no shape here:
# both answer the status in botocore_models._FALLBACK_STATUS (docs/local-service.md).
STATUS_PAIRS = [
    (service, operation, code)
    for service, operation, code in PAIRS
    if _declared_status(service, _answered(service, operation, code).code) is not None
]


@pytest.mark.parametrize(("service", "operation", "code"), STATUS_PAIRS)
def test_each_answer_has_the_http_status_its_shape_declares(
    service: str, operation: str, code: str
) -> None:
    answered = _answered(service, operation, code)
    assert error(service, answered).status == _declared_status(service, answered.code)


def test_the_status_check_covers_every_connect_pair() -> None:
    connect_pairs = [p for p in PAIRS if p[0] == CONNECT]
    common = [p for p in connect_pairs if _answered(*p).code in COMMON_ERRORS | {NO_OPERATION}]
    assert len([p for p in STATUS_PAIRS if p[0] == CONNECT]) + len(common) >= len(connect_pairs)


def test_list_instances_answers_a_bad_page_size_with_invalid_request() -> None:
    # ListInstances declares InvalidRequestException but not InvalidParameterException.
    assert declared_code(CONNECT, "ListInstances", "InvalidParameterException") == (
        "InvalidRequestException"
    )


def test_a_quota_refused_import_is_an_invalid_parameter_exception() -> None:
    # ImportPhoneNumber declares no quota error.
    assert declared_code(CONNECT, "ImportPhoneNumber", "ServiceQuotaExceededException") == (
        "InvalidParameterException"
    )


def test_create_instance_answers_a_reused_client_token_with_invalid_request() -> None:
    assert declared_code(CONNECT, "CreateInstance", "IdempotencyException") == (
        "InvalidRequestException"
    )


def test_request_phone_number_answers_a_reused_client_token_with_a_conflict() -> None:
    answered = as_declared(SMS_VOICE, "RequestPhoneNumber", ApiError("IdempotencyException", "m"))
    assert answered.code == "ConflictException"


def test_a_translated_sms_voice_validation_error_keeps_only_its_shapes_fields() -> None:
    err = validation_exception("bad", "FIELD_VALIDATION_FAILED", Fields=[])
    assert as_declared(SMS_VOICE, "DescribePhoneNumbers", err) is err
    moved = as_declared(CONNECT, "DescribePhoneNumber", err)
    assert moved.code == "InvalidParameterException"
    assert "Reason" not in moved.extra


def test_a_declared_code_is_answered_as_it_is() -> None:
    err = ApiError("ResourceInUseException", "busy")
    assert as_declared(CONNECT, "ReleasePhoneNumber", err) is err
