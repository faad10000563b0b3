"""The IAM-like allow-list: an action that is not listed is refused as IAM refuses it.

Off (None) by default. When set, each call needs `<prefix>:<Operation>` in the list, and also
every dependent action IAM checks for it.
"""

from __future__ import annotations

from typing import Any

from connect_local_service.domain.arn_format import build_arn
from connect_local_service.wire.api_errors import ApiError
from connect_local_service.wire.botocore_models import ACTION_PREFIX, CONNECT

# The "Dependent actions" column of the IAM Service Authorization Reference for Amazon Connect,
# for the actions modelled here, with the request member naming the resource each is checked on.
DEPENDENT_ACTIONS: dict[str, tuple[tuple[str, str], ...]] = {
    "connect:ImportPhoneNumber": (("sms-voice:DescribePhoneNumbers", "SourcePhoneNumberArn"),),
}


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
        if "ContactFlowId" in params and "InstanceId" in params:
            flow = str(params["ContactFlowId"])
            if flow.startswith("arn:"):
                return flow
            instance = str(params["InstanceId"]).rsplit("/", 1)[-1]
            return connect_arn("instance", f"{instance}/contact-flow/{flow}")
        if "TrafficDistributionGroupId" in params:
            group = params["TrafficDistributionGroupId"]
            return connect_arn("traffic-distribution-group", group)
        if "InstanceId" in params:
            return connect_arn("instance", params["InstanceId"])
    return "*"


def _denied(account: str, action: str, resource: str, note: str = "") -> ApiError:
    return ApiError(
        "AccessDeniedException",
        f"User: arn:aws:iam::{account}:user/local-service is not authorized to perform: "
        f"{action} on resource: {resource}{note} because no identity-based policy allows the "
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
    if allowed is None:
        return
    action = f"{ACTION_PREFIX[service]}:{operation}"
    if action not in allowed:
        raise _denied(account, action, _resource_of(service, params, region, account))
    for dependent, member in DEPENDENT_ACTIONS.get(action, ()):
        if dependent not in allowed:
            resource = str(params.get(member, "*"))
            raise _denied(account, dependent, resource, f" (a dependent action of {action})")
