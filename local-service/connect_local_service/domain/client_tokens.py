"""ClientToken idempotency: the same token with the same parameters replays the first answer.

Tokens are remembered per (account, operation, token) for `client_token_ttl` seconds of service
clock; only successful answers are remembered (a failed call rolls its transaction back).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from connect_local_service.domain.records import RememberedAnswer
from connect_local_service.server.request_context import RequestContext
from connect_local_service.wire.api_errors import ApiError


def fingerprint(params: dict[str, Any]) -> str:
    """The parameters that must match for a replay; an ARN and its bare id count as equal."""

    def normal(key: str, value: Any) -> Any:
        if key in ("PhoneNumberId", "InstanceId") and isinstance(value, str):
            return value.rsplit("/", 1)[-1]
        return value

    cleaned = {k: normal(k, v) for k, v in params.items() if k != "ClientToken"}
    return json.dumps(cleaned, sort_keys=True, default=str)


def with_client_token(
    ctx: RequestContext, params: dict[str, Any], action: Callable[[], dict[str, Any]]
) -> dict[str, Any]:
    """Runs `action` once per token; other parameters under a used token are refused."""
    token = params.get("ClientToken")
    if not token:
        return action()
    ctx.tx.forget_answers_before(ctx.now - ctx.settings.client_token_ttl)
    remembered = ctx.tx.remembered_answer(ctx.account, ctx.operation, token)
    expected = fingerprint(params)
    if remembered is not None:
        if remembered.fingerprint != expected:
            raise ApiError(
                "IdempotencyException",
                f"ClientToken '{token}' was already used for another {ctx.operation} request "
                "with different parameters",
            )
        return remembered.response
    result = action()
    answer = RememberedAnswer(expected, result)
    ctx.tx.remember_answer(ctx.account, ctx.operation, token, answer, ctx.now)
    return result
