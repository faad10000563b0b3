"""Each answer's error code: one that the operation's own botocore model declares.

Why: the AWS SDKs for Go v2 and JavaScript v3 type only the errors an operation declares; any
other code reaches the user as a generic, untyped error that `errors.As` or `instanceof` never
matches. The service's domain code raises the code that says what went wrong
(`InvalidParameterException` for a bad field, `IdempotencyException` for a reused token, ...);
`as_declared` then picks, for the operation being answered, the first code that both fits the
failure and is declared. The fallbacks, best first, are the local service's choice where AWS is
silent (docs/local-service.md, "Which error an operation answers").

Not translated: the errors AWS documents as common to every action of every service
(AccessDeniedException, ThrottlingException, ServiceUnavailable), which AWS sends whatever an
operation declares; an unknown operation (there is no model to declare anything); and a fault
injected with an explicit code, which is the user's own choice.
"""

from __future__ import annotations

from functools import cache

from botocore.model import StructureShape

from connect_local_service.wire.api_errors import ApiError
from connect_local_service.wire.botocore_models import SMS_VOICE, service_model

COMMON_ERRORS = frozenset(
    {"AccessDeniedException", "ThrottlingException", "ServiceUnavailableException"}
)
NO_OPERATION = "UnknownOperationException"

# For each code the domain raises, the codes that also describe that failure, best first.
FALLBACKS: dict[str, tuple[str, ...]] = {
    "InvalidParameterException": ("InvalidRequestException", "ValidationException"),
    "InvalidRequestException": ("InvalidParameterException", "ValidationException"),
    "IdempotencyException": (
        "ConflictException",
        "InvalidRequestException",
        "InvalidParameterException",
        "ValidationException",
    ),
    "ServiceQuotaExceededException": (
        "InvalidRequestException",
        "InvalidParameterException",
        "ValidationException",
    ),
    "ResourceNotFoundException": (
        "InvalidRequestException",
        "InvalidParameterException",
        "ValidationException",
    ),
    "ResourceInUseException": (
        "ResourceConflictException",
        "ConflictException",
        "InvalidRequestException",
        "InvalidParameterException",
        "ValidationException",
    ),
    "ResourceConflictException": (
        "ResourceInUseException",
        "ConflictException",
        "InvalidRequestException",
        "InvalidParameterException",
        "ValidationException",
    ),
    "ConflictException": (
        "ResourceConflictException",
        "ResourceInUseException",
        "InvalidRequestException",
        "InvalidParameterException",
        "ValidationException",
    ),
    "ResourceNotReadyException": (
        "InvalidRequestException",
        "InvalidParameterException",
        "ValidationException",
    ),
    "ValidationException": ("InvalidParameterException", "InvalidRequestException"),
    "DuplicateResourceException": (
        "ResourceConflictException",
        "ConflictException",
        "ResourceInUseException",
        "InvalidRequestException",
        "InvalidParameterException",
        "ValidationException",
    ),
    "InvalidContactFlowException": (
        "InvalidParameterException",
        "InvalidRequestException",
        "ValidationException",
    ),
    "ContactFlowNotPublishedException": (
        "ResourceNotFoundException",
        "InvalidRequestException",
        "InvalidParameterException",
        "ValidationException",
    ),
    "InternalServiceException": ("InternalServerException",),
    "InternalServerException": ("InternalServiceException",),
}


@cache
def declared_errors(service: str, operation: str) -> frozenset[str]:
    """The error shapes the operation's model lists."""
    model = service_model(service).operation_model(operation)
    return frozenset(shape.name for shape in model.error_shapes)


def declared_code(service: str, operation: str, code: str) -> str:
    """The code to answer with: `code` if declared (or common), else its first declared fallback.

    A code with no declared fallback is returned as it is; the model test
    (tests/unit/local_service/test_declared_errors.py) fails for any such pair.
    """
    if code in COMMON_ERRORS or code == NO_OPERATION or operation not in _operations(service):
        return code
    declared = declared_errors(service, operation)
    if code in declared:
        return code
    for fallback in FALLBACKS.get(code, ()):
        if fallback in declared:
            return fallback
    return code


def as_declared(service: str, operation: str, err: ApiError) -> ApiError:
    """`err` under the code `declared_code` picks, with the fields that shape carries."""
    code = declared_code(service, operation, err.code)
    if code == err.code:
        return err
    extra = dict(err.extra)
    if service == SMS_VOICE and code == "ValidationException":
        extra.setdefault("Reason", "INVALID_REQUEST")
    shape = service_model(service).shape_for(code)
    members = shape.members if isinstance(shape, StructureShape) else {}
    extra = {key: value for key, value in extra.items() if key in members}
    return ApiError(code, err.message, err.commit, **extra)


@cache
def _operations(service: str) -> frozenset[str]:
    return frozenset(service_model(service).operation_names)
