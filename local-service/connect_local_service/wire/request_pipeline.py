"""One AWS call from raw HTTP parts to an answer: route, fault, throttle, authorise, validate, run.

Kept free of sockets so the whole pipeline can be unit-tested; server.py only moves bytes.
"""

from __future__ import annotations

import time
import urllib.parse
from dataclasses import dataclass
from typing import Any

from connect_local_service.domain.arn_format import signing_region
from connect_local_service.domain.phone_number_lifecycle import settle_due
from connect_local_service.domain.traffic_group_lifecycle import settle_due_groups
from connect_local_service.guards.fault_injection import default_fault_code
from connect_local_service.guards.iam_allow_list import authorise
from connect_local_service.server.request_context import RequestContext
from connect_local_service.server.service_state import ServiceState
from connect_local_service.wire import connect_handlers, sms_voice_handlers
from connect_local_service.wire.api_errors import ApiError, validation_exception
from connect_local_service.wire.botocore_models import (
    ACTION_PREFIX,
    CONNECT,
    SMS_VOICE,
    service_model,
)
from connect_local_service.wire.declared_errors import as_declared, declared_code
from connect_local_service.wire.model_constraints import ValidationFailure, validate
from connect_local_service.wire.protocol_encoding import Response, error, success
from connect_local_service.wire.request_decoding import (
    RestJsonRouter,
    decode_json_target,
    decode_rest_json,
)

_HANDLERS = {CONNECT: connect_handlers.HANDLERS, SMS_VOICE: sms_voice_handlers.HANDLERS}
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
            outcome = Outcome(error(service, as_declared(service, operation, err)))
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
                raise validation_exception(err.message, "CANNOT_PARSE") from err
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
        """Faults, throttling, IAM and validation in that order; then the operation itself."""
        state = self.state
        decision = state.faults.decide(operation)
        if decision.latency > 0:
            time.sleep(decision.latency)
        if decision.reset is not None and decision.reset.when == "before":
            return Outcome(None, "before")
        if decision.error is not None:
            rule = decision.error
            code = rule.code or declared_code(
                service, operation, default_fault_code(rule.status, _INTERNAL[service])
            )
            return Outcome(error(service, ApiError(code, "injected fault"), rule.status))
        if not state.buckets.take(operation):
            return Outcome(error(service, ApiError("ThrottlingException", "Rate exceeded")))
        region = signing_region(headers.get("authorization")) or state.settings.region
        account = state.settings.account_id
        authorise(state.settings.allowed_actions, service, operation, params, region, account)
        model = service_model(service).operation_model(operation)
        try:
            params = validate(model.input_shape, params)
        except ValidationFailure as failure:
            raise _invalid(service, failure) from failure
        output = self._execute(service, operation, params, region, account)
        response = success(service, output)
        return Outcome(None, "after") if decision.reset is not None else Outcome(response)

    def _execute(
        self, service: str, operation: str, params: dict[str, Any], region: str, account: str
    ) -> dict[str, Any]:
        """The handler in one transaction, after the transitions that are due in another."""
        handler = _HANDLERS[service].get(operation)
        if handler is None:
            missing = f"{operation} is not implemented by the local connect-numbers service"
            if service == CONNECT:
                raise ApiError("InvalidRequestException", missing)
            raise validation_exception(missing, "UNKNOWN_OPERATION")
        state, now = self.state, self.state.clock.now()
        with state.store.transaction() as tx:
            settle_due(tx, now)
            settle_due_groups(tx, now)
        pending: ApiError | None = None
        with state.store.transaction() as tx:
            ctx = RequestContext(state, tx, service, operation, region, account, now)
            try:
                return handler(ctx, params)
            except ApiError as err:
                if not err.commit:
                    raise
                pending = err
        raise pending


def _invalid(service: str, failure: ValidationFailure) -> ApiError:
    if service == CONNECT:
        return ApiError("InvalidParameterException", str(failure))
    return validation_exception(
        str(failure),
        "FIELD_VALIDATION_FAILED",
        Fields=[{"Name": failure.field, "Message": failure.problem}],
    )
