"""One AWS call from raw HTTP parts to an answer: route, fault, throttle, authorise, validate, run.

Kept free of sockets so the whole pipeline can be unit-tested; server.py only moves bytes.
"""

from __future__ import annotations

import time
import urllib.parse
from dataclasses import dataclass
from typing import Any

from . import connect_ops, sms_ops
from .arns import build_arn, signing_region
from .errors import ApiError
from .faults import default_fault_code
from .model import (
    ACTION_PREFIX,
    CONNECT,
    SMS_VOICE,
    RestJsonRouter,
    decode_json_target,
    decode_rest_json,
    service_model,
)
from .protocol import Response, error, success
from .service import RequestContext, ServiceState, settle_due
from .validation import ValidationFailure, validate

_HANDLERS = {CONNECT: connect_ops.HANDLERS, SMS_VOICE: sms_ops.HANDLERS}
_INTERNAL = {CONNECT: "InternalServiceException", SMS_VOICE: "InternalServerException"}


@dataclass
class Outcome:
    response: Response | None
    # "before" or "after": drop the connection instead of answering (after = work was done).
    reset: str | None = None


class Dispatcher:
    def __init__(self, state: ServiceState) -> None:
        self.state = state
        self.router = RestJsonRouter(service_model(CONNECT))

    def handle(self, method: str, raw_path: str, headers: dict[str, str], body: bytes) -> Outcome:
        service = SMS_VOICE if "x-amz-target" in headers else CONNECT
        operation = "Unknown"
        params: dict[str, Any] = {}
        outcome: Outcome
        try:
            service, operation, params = self._decode(method, raw_path, headers, body)
            outcome = self._run(service, operation, params, headers)
        except ApiError as err:
            outcome = Outcome(error(service, err))
        except Exception as exc:
            outcome = Outcome(error(service, ApiError(_INTERNAL[service], f"internal: {exc!r}")))
        response = outcome.response
        self.state.log(
            {
                "service": ACTION_PREFIX[service],
                "operation": operation,
                "params": params,
                "status": None if response is None else response.status,
                "error_code": None if response is None else response.error_code,
                "reset": outcome.reset,
                "time": self.state.clock.now(),
            }
        )
        return outcome

    def _decode(
        self, method: str, raw_path: str, headers: dict[str, str], body: bytes
    ) -> tuple[str, str, dict[str, Any]]:
        target = headers.get("x-amz-target")
        if target is not None:
            try:
                decoded = decode_json_target(target, body)
            except ApiError as err:
                raise ApiError("ValidationException", err.message, Reason="CANNOT_PARSE") from err
            if decoded is None:
                raise ApiError("UnknownOperationException", f"unknown operation {target}")
            return SMS_VOICE, decoded.operation.name, decoded.params
        found = self.router.match(method, raw_path)
        if found is None:
            raise ApiError("UnknownOperationException", f"no operation for {method} {raw_path}")
        operation, labels = found
        query = urllib.parse.parse_qs(urllib.parse.urlsplit(raw_path).query, keep_blank_values=True)
        return CONNECT, operation.name, decode_rest_json(operation, labels, query, headers, body)

    def _run(
        self, service: str, operation: str, params: dict[str, Any], headers: dict[str, str]
    ) -> Outcome:
        state = self.state
        decision = state.faults.decide(operation)
        if decision.latency > 0:
            time.sleep(decision.latency)
        if decision.reset is not None and decision.reset.when == "before":
            return Outcome(None, "before")
        if decision.error is not None:
            rule = decision.error
            code = rule.code or default_fault_code(rule.status, _INTERNAL[service])
            return Outcome(error(service, ApiError(code, "injected fault"), rule.status))
        if not state.buckets.take(operation):
            return Outcome(error(service, ApiError("ThrottlingException", "Rate exceeded")))
        region = signing_region(headers.get("authorization")) or state.settings.region
        account = state.settings.account_id
        self._authorise(service, operation, params, region, account)
        model = service_model(service).operation_model(operation)
        try:
            params = validate(model.input_shape, params)
        except ValidationFailure as failure:
            raise _invalid(service, failure) from failure
        handler = _HANDLERS[service].get(operation)
        if handler is None:
            raise ApiError(
                "InvalidRequestException" if service == CONNECT else "ValidationException",
                f"{operation} is not implemented by the local connect-numbers service",
            )
        pending: ApiError | None = None
        now = state.clock.now()
        with state.store.transaction() as db:
            settle_due(db, now)
        with state.store.transaction() as db:
            ctx = RequestContext(state, db, service, operation, region, account, now)
            try:
                output = handler(ctx, params)
            except ApiError as err:
                if not err.commit:
                    raise
                pending = err
        if pending is not None:
            raise pending
        response = success(service, output)
        if decision.reset is not None:
            return Outcome(None, "after")
        return Outcome(response)

    def _authorise(
        self, service: str, operation: str, params: dict[str, Any], region: str, account: str
    ) -> None:
        allowed = self.state.settings.allowed_actions
        action = f"{ACTION_PREFIX[service]}:{operation}"
        if allowed is None or action in allowed:
            return
        resource = _resource_of(service, params, region, account)
        raise ApiError(
            "AccessDeniedException",
            f"User: arn:aws:iam::{account}:user/local-service is not authorized to perform: "
            f"{action} on resource: {resource} because no identity-based policy allows the "
            f"{action} action",
        )


def _resource_of(service: str, params: dict[str, Any], region: str, account: str) -> str:
    def connect_arn(kind: str, value: Any) -> str:
        text = str(value)
        return (
            text
            if text.startswith("arn:")
            else build_arn("connect", region, account, f"{kind}/{text}")
        )

    if service == CONNECT:
        if "PhoneNumberId" in params:
            return connect_arn("phone-number", params["PhoneNumberId"])
        if "resourceArn" in params:
            return str(params["resourceArn"])
        if "InstanceId" in params:
            return connect_arn("instance", params["InstanceId"])
    return "*"


def _invalid(service: str, failure: ValidationFailure) -> ApiError:
    if service == CONNECT:
        return ApiError("InvalidParameterException", str(failure))
    return ApiError(
        "ValidationException",
        str(failure),
        Reason="FIELD_VALIDATION_FAILED",
        Fields=[{"Name": failure.field, "Message": failure.problem}],
    )
