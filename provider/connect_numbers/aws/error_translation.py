"""Where botocore's failures become ours: the one place that catches a botocore exception.

Why: everything above the AWS boundary is written in terms of our error types, one per way of
failing, each with a message that names the IAM action, the field or the next step. Keeping the
translation in one place keeps botocore out of every other module.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import botocore.exceptions

from connect_numbers.errors import (
    AccessDeniedError,
    ConfigurationError,
    ConnectNumbersError,
    IdempotencyConflictError,
    NotFoundError,
    QuotaExceededError,
    ResourceInUseError,
    ServiceError,
    ThrottledError,
)
from connect_numbers.pacing.call_plan import THROTTLING_CODES

_DENIED_ACTION = re.compile(r"perform:?\s+([a-z0-9-]+:[A-Za-z0-9]+)")


@dataclass(frozen=True)
class AwsService:
    """What failures name about the service called: its IAM prefix, name and endpoint setting."""

    iam_prefix: str
    name: str
    endpoint_variable: str


CONNECT = AwsService("connect", "Amazon Connect", "AWS_ENDPOINT_URL_CONNECT")
END_USER_MESSAGING = AwsService(
    "sms-voice", "AWS End User Messaging SMS/voice", "AWS_ENDPOINT_URL_PINPOINT_SMS_VOICE_V2"
)


def iam_action(operation: str, service: AwsService = CONNECT) -> str:
    """The IAM action behind an API operation (Connect's and End User Messaging's share the
    operation's name)."""
    return f"{service.iam_prefix}:{operation}"


def translate(
    err: botocore.exceptions.ClientError, operation: str, service: AwsService = CONNECT
) -> ServiceError:
    """One of our error types for a botocore ClientError, keeping code and request id."""
    error: Mapping[str, Any] = err.response.get("Error", {})
    meta: Mapping[str, Any] = err.response.get("ResponseMetadata", {})
    code = str(error.get("Code", "Unknown"))
    message = str(error.get("Message", "") or "")
    request_id = meta.get("RequestId") or None
    status = meta.get("HTTPStatusCode")
    if code in ("AccessDeniedException", "AccessDenied") or status == 403:
        match = _DENIED_ACTION.search(message)
        action = match.group(1) if match else iam_action(operation, service)
        return AccessDeniedError(operation, action, message, request_id)
    if code in THROTTLING_CODES or status == 429:
        return ThrottledError(operation, code, message, request_id, service_name=service.name)
    if code == "ResourceNotFoundException":
        return NotFoundError(operation, code, message, request_id)
    if code == "ResourceInUseException":
        return ResourceInUseError(
            operation,
            code,
            message,
            request_id,
            hint="Another change to this number may still be in progress; run again shortly",
        )
    if code == "IdempotencyException":
        return IdempotencyConflictError(operation, code, message, request_id)
    if code == "ServiceQuotaExceededException" or _refused_by_quota(code, message):
        return QuotaExceededError(operation, code, message, request_id)
    return ServiceError(operation, code, message, request_id)


def _refused_by_quota(code: str, message: str) -> bool:
    """A quota refusal under a code the operation declares.

    ImportPhoneNumber declares no quota error, and AWS does not document which code a refused
    import gets; the local service answers InvalidParameterException naming the quota.
    """
    return code in _QUOTA_CARRIERS and _QUOTA.search(message) is not None


_QUOTA_CARRIERS = ("InvalidParameterException", "InvalidRequestException")
_QUOTA = re.compile(r"\bquota\b", re.IGNORECASE)


@contextlib.contextmanager
def calling(operation: str, service: AwsService = CONNECT) -> Iterator[None]:
    """Translate whatever botocore raises during `operation` of `service` into our errors."""
    try:
        yield
    except botocore.exceptions.ClientError as err:
        raise translate(err, operation, service) from None
    except botocore.exceptions.NoCredentialsError:
        raise ConfigurationError(
            f"{operation}: no AWS credentials found. Set aws:profile (stack config), AWS_PROFILE "
            "or the AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY environment variables"
        ) from None
    except botocore.exceptions.NoRegionError:
        raise ConfigurationError(
            f"{operation}: no AWS Region; set aws:region or AWS_REGION"
        ) from None
    except botocore.exceptions.EndpointConnectionError as err:
        raise ConfigurationError(
            f"{operation}: could not reach {service.name} at {err.kwargs.get('endpoint_url')}; "
            f"check the network and connect-numbers:endpoint / {service.endpoint_variable}"
        ) from None
    except botocore.exceptions.ParamValidationError as err:
        raise ConnectNumbersError(f"{operation}: invalid request: {err}") from None
    except botocore.exceptions.BotoCoreError as err:
        raise ConnectNumbersError(f"{operation} failed: {err}") from None
