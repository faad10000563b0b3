"""The IAM-like allow-list: an action that is not listed is refused as IAM refuses it.

Off (None) by default. When set, each call needs `<prefix>:<Operation>` in the list.
"""

from __future__ import annotations

from typing import Any

from .api_errors import ApiError
from .arn_format import build_arn
from .botocore_models import ACTION_PREFIX, CONNECT


def _resource_of(service: str, params: dict[str, Any], region: str, account: str) -> str:
    """The resource ARN IAM would name in its refusal, or `*`."""

    def connect_arn(kind: str, value: Any) -> str:
        text = str(value)
        if text.startswith("arn:"):
            return text
        return build_arn("connect", region, account, f"{kind}/{text}")

    if service == CONNECT:
        if "PhoneNumberId" in params:
            return connect_arn("phone-number", params["PhoneNumberId"])
        if "resourceArn" in params:
            return str(params["resourceArn"])
        if "InstanceId" in params:
            return connect_arn("instance", params["InstanceId"])
    return "*"


def _denied(account: str, action: str, resource: str) -> ApiError:
    return ApiError(
        "AccessDeniedException",
        f"User: arn:aws:iam::{account}:user/local-service is not authorized to perform: "
        f"{action} on resource: {resource} because no identity-based policy allows the "
        f"{action} action",
    )


def authorise(
    allowed: list[str] | None,
    service: str,
    operation: str,
    params: dict[str, Any],
    region: str,
    account: str,
) -> None:
    """Raises AccessDeniedException unless the allow-list is off or lists the action."""
    action = f"{ACTION_PREFIX[service]}:{operation}"
    if allowed is None or action in allowed:
        return
    raise _denied(account, action, _resource_of(service, params, region, account))
