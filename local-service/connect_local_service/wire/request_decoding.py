"""Routing and request decoding driven by botocore's own service models.

Why: the local service must accept exactly what real boto3 sends. Reading the operation, its HTTP
binding and every member's location from the same JSON model botocore serialises with keeps
the two in step across botocore upgrades; there is no hand-written route table to drift.
"""

from __future__ import annotations

import json
import re
import urllib.parse
from dataclasses import dataclass
from typing import Any

from botocore.model import OperationModel, ServiceModel, Shape

from connect_local_service.wire.api_errors import ApiError, invalid_parameter
from connect_local_service.wire.botocore_models import SMS_VOICE, service_model


@dataclass(frozen=True)
class _Template:
    operation: str
    method: str
    segments: tuple[str, ...]
    literal_count: int


@dataclass
class DecodedRequest:
    service: str
    operation: OperationModel
    params: dict[str, Any]


def _split_path(raw_path: str) -> list[str]:
    # Split before decoding: an ARN label arrives with its ':' and '/' percent-encoded.
    path = raw_path.split("?", 1)[0]
    return [urllib.parse.unquote(s) for s in path.strip("/").split("/")] if path.strip("/") else []


class RestJsonRouter:
    """Finds the operation whose `requestUri` template matches a method and raw path."""

    def __init__(self, model: ServiceModel) -> None:
        self.model = model
        self._templates: list[_Template] = []
        for name in model.operation_names:
            http = model.operation_model(name).http
            uri = http["requestUri"].split("?", 1)[0]
            segments = tuple(s for s in uri.strip("/").split("/") if s)
            literals = sum(1 for s in segments if not s.startswith("{"))
            self._templates.append(_Template(name, http["method"], segments, literals))
        # Most literal segments first: /phone-number/list beats /phone-number/{PhoneNumberId}.
        self._templates.sort(key=lambda t: (-t.literal_count, -len(t.segments)))

    def match(self, method: str, raw_path: str) -> tuple[OperationModel, dict[str, str]] | None:
        segments = _split_path(raw_path)
        for template in self._templates:
            if template.method != method:
                continue
            labels = _match_segments(template.segments, segments)
            if labels is not None:
                return self.model.operation_model(template.operation), labels
        return None


def _match_segments(template: tuple[str, ...], actual: list[str]) -> dict[str, str] | None:
    labels: dict[str, str] = {}
    for index, part in enumerate(template):
        if part.startswith("{") and part.endswith("+}"):
            rest = actual[index:]
            if not rest:
                return None
            labels[part[1:-2]] = "/".join(rest)
            return labels
        if index >= len(actual):
            return None
        if part.startswith("{"):
            if not actual[index]:
                return None
            labels[part[1:-1]] = actual[index]
        elif part != actual[index]:
            return None
    return labels if len(template) == len(actual) else None


def _coerce_scalar(name: str, shape: Shape, text: str) -> Any:
    if shape.type_name in ("integer", "long"):
        if not re.fullmatch(r"-?\d{1,18}", text):
            raise invalid_parameter(name, "must be an integer")
        return int(text)
    if shape.type_name == "boolean":
        if text not in ("true", "false"):
            raise invalid_parameter(name, "must be true or false")
        return text == "true"
    return text


def decode_rest_json(
    operation: OperationModel,
    labels: dict[str, str],
    query: dict[str, list[str]],
    headers: dict[str, str],
    body: bytes,
) -> dict[str, Any]:
    """Turn the HTTP request into the operation's input parameters, member by member."""
    shape = operation.input_shape
    if shape is None:
        return {}
    params: dict[str, Any] = {}
    body_members: dict[str, Shape] = {}
    for name, member in shape.members.items():
        location = member.serialization.get("location")
        wire = member.serialization.get("name", name)
        if location == "uri":
            if wire in labels:
                params[name] = _coerce_scalar(name, member, labels[wire])
        elif location == "querystring":
            values = query.get(wire)
            if values is None:
                continue
            if member.type_name == "list":
                params[name] = [_coerce_scalar(name, member.member, v) for v in values]  # type: ignore[attr-defined]
            else:
                params[name] = _coerce_scalar(name, member, values[-1])
        elif location == "header":
            value = headers.get(wire.lower())
            if value is not None:
                params[name] = _coerce_scalar(name, member, value)
        else:
            body_members[member.serialization.get("name", name)] = member
    if body.strip():
        document = parse_json_object(body)
        by_wire = {m.serialization.get("name", n): n for n, m in shape.members.items()}
        for wire, value in document.items():
            if wire in body_members:
                params[by_wire[wire]] = value
    return params


def parse_json_object(body: bytes) -> dict[str, Any]:
    try:
        document = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise ApiError("InvalidParameterException", "request body: not valid JSON") from exc
    if not isinstance(document, dict):
        raise ApiError("InvalidParameterException", "request body: must be a JSON object")
    return document


def decode_json_target(target: str, body: bytes) -> DecodedRequest | None:
    """JSON 1.0 services name the operation in X-Amz-Target as `<targetPrefix>.<Operation>`."""
    model = service_model(SMS_VOICE)
    prefix, _, name = target.partition(".")
    if prefix != model.metadata["targetPrefix"] or name not in model.operation_names:
        return None
    params = parse_json_object(body) if body.strip() else {}
    return DecodedRequest(SMS_VOICE, model.operation_model(name), params)
