"""Answers in each service's wire protocol: REST-JSON for Connect, JSON 1.0 for SMS-voice."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from typing import Any

from connect_local_service.wire.api_errors import ApiError
from connect_local_service.wire.botocore_models import CONNECT, error_status


@dataclass
class Response:
    status: int
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)
    error_code: str | None = None


def new_request_id() -> str:
    return str(uuid.uuid4())


def _content_type(service: str) -> str:
    return "application/json" if service == CONNECT else "application/x-amz-json-1.0"


def success(service: str, output: dict[str, Any]) -> Response:
    body = json.dumps(output, separators=(",", ":")).encode()
    return Response(200, body, {"Content-Type": _content_type(service)})


def error(service: str, err: ApiError, status: int | None = None) -> Response:
    status = status or error_status(service, err.code)
    document: dict[str, Any] = {"Message": err.message, **err.extra}
    headers = {"Content-Type": _content_type(service)}
    if service == CONNECT:
        # botocore reads the code of a REST-JSON error from this header.
        headers["x-amzn-ErrorType"] = err.code
    else:
        document["__type"] = err.code
    return Response(status, json.dumps(document).encode(), headers, err.code)
