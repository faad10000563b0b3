"""The one exception type that operations raise to answer an AWS error, and its usual forms.

Operations never build HTTP responses themselves: protocol_encoding.py turns an ApiError into the
wire shape of the service that was called (REST-JSON header + body, or JSON 1.0 `__type`).
"""

from __future__ import annotations

from typing import Any


class ApiError(Exception):
    """An error answer in AWS terms; the HTTP status comes from the service model."""

    def __init__(self, code: str, message: str, commit: bool = False, **extra: Any) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        # True when the request changed state before failing (a describe that completes a
        # release answers 404 but must keep the deletion).
        self.commit = commit
        self.extra = extra


def invalid_parameter(field: str, problem: str) -> ApiError:
    return ApiError("InvalidParameterException", f"{field}: {problem}")


def not_found(what: str, **extra: Any) -> ApiError:
    return ApiError("ResourceNotFoundException", f"{what} not found", **extra)


def validation_exception(message: str, reason: str, **extra: Any) -> ApiError:
    """End User Messaging's ValidationException: its model gives every one a `Reason`."""
    return ApiError("ValidationException", message, Reason=reason, **extra)
