"""Random, invalid and oversized input never makes the service answer 5xx."""

from __future__ import annotations

import http.client
import json
import urllib.parse
from collections.abc import Iterator
from typing import Any

import botocore.session
import pytest
from botocore import xform_name
from botocore.exceptions import ClientError, ParamValidationError
from botocore.model import Shape
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from connect_local_service.connect_handlers import HANDLERS as CONNECT_HANDLERS
from connect_local_service.sms_voice_handlers import HANDLERS as SMS_HANDLERS

_SESSION = botocore.session.get_session()
_PROPERTY_SETTINGS = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

_ARNISH = st.sampled_from(
    [
        "arn:aws:connect:us-east-1:123456789012:instance/00000000-0000-0000-0000-000000000000",
        "arn:aws:connect:us-east-1:123456789012:phone-number/x",
        "arn:aws:sms-voice:us-east-1:123456789012:phone-number/phone-00",
        "arn:aws-cn:connect:cn-north-1:123456789012:traffic-distribution-group/t",
        "arn:::::",
        "arn:aws:connect",
        "%2F..%2F",
        "",
    ]
)
_OVERSIZED = st.integers(min_value=0, max_value=5000).map(lambda n: "x" * n)
_JUNK: st.SearchStrategy[Any] = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.text(max_size=20),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=3),
)


def values_for(shape: Shape, depth: int = 0) -> st.SearchStrategy[Any]:
    """Mostly shape-typed values, sometimes wrong types: both must be answered with a 4xx."""
    kind = shape.type_name
    if depth > 3:
        return _JUNK
    typed: st.SearchStrategy[Any]
    if kind == "structure":
        members: dict[str, Shape] = shape.members  # type: ignore[attr-defined]
        typed = st.fixed_dictionaries(
            {}, optional={name: values_for(m, depth + 1) for name, m in members.items()}
        )
    elif kind == "list":
        typed = st.lists(values_for(shape.member, depth + 1), max_size=12)  # type: ignore[attr-defined]
    elif kind == "map":
        typed = st.dictionaries(
            st.one_of(st.text(max_size=140), st.just("aws:x")), st.text(max_size=300), max_size=60
        )
    elif kind == "string":
        enum = shape.metadata.get("enum")
        choices = [st.text(max_size=64), _OVERSIZED, _ARNISH]
        if enum:
            choices.append(st.sampled_from(enum))
        typed = st.one_of(*choices)
    elif kind in ("integer", "long"):
        typed = st.integers(min_value=-(2**40), max_value=2**40)
    elif kind == "boolean":
        typed = st.booleans()
    else:
        typed = _JUNK
    return st.one_of(typed, typed, typed, _JUNK) if depth > 0 else typed


def _operations() -> list[tuple[str, str]]:
    return [("connect", name) for name in CONNECT_HANDLERS] + [
        ("pinpoint-sms-voice-v2", name) for name in SMS_HANDLERS
    ]


def _call(client: Any, operation: str, params: dict[str, Any]) -> int | None:
    method = getattr(client, xform_name(operation))
    try:
        response = method(**params)
    except ClientError as error:
        return int(error.response["ResponseMetadata"]["HTTPStatusCode"])
    except (ParamValidationError, TypeError, ValueError, AttributeError, KeyError):
        return None  # the client refused to serialise it; nothing reached the service
    return int(response["ResponseMetadata"]["HTTPStatusCode"])


@pytest.fixture
def fuzz_clients(local_service: Any, make_client: Any) -> Iterator[dict[str, Any]]:
    """Clients that send whatever they are given and never hide a 5xx behind a retry."""
    yield {
        service: make_client(
            service,
            parameter_validation=False,
            retries={"mode": "standard", "total_max_attempts": 1},
        )
        for service in ("connect", "pinpoint-sms-voice-v2")
    }
    # The property means nothing if the client refused to send every example.
    assert local_service.admin.request_log(), "no fuzzed request reached the service"


@pytest.mark.parametrize(("service", "operation"), _operations())
@_PROPERTY_SETTINGS
@given(data=st.data())
def test_random_input_to_every_operation_never_gets_a_server_error(
    fuzz_clients: dict[str, Any], service: str, operation: str, data: st.DataObject
) -> None:
    shape = _SESSION.get_service_model(service).operation_model(operation).input_shape
    params = data.draw(values_for(shape))
    status = _call(fuzz_clients[service], operation, params)
    assert status is None or status < 500, (operation, params, status)


_METHODS = st.sampled_from(["GET", "POST", "PUT", "DELETE", "PATCH"])
_SEGMENTS = st.lists(
    st.one_of(
        st.sampled_from(["phone-number", "import", "list", "metadata", "tags", "instance", ""]),
        st.text(max_size=30).map(lambda s: urllib.parse.quote(s, safe="")),
        _ARNISH.map(lambda s: urllib.parse.quote(s, safe="")),
    ),
    max_size=5,
)
_BODIES = st.one_of(
    st.binary(max_size=300),
    st.builds(
        lambda v: json.dumps(v).encode(),
        st.recursive(
            _JUNK, lambda c: st.lists(c) | st.dictionaries(st.text(max_size=10), c), max_leaves=20
        ),
    ),
)


@_PROPERTY_SETTINGS
@given(
    method=_METHODS,
    segments=_SEGMENTS,
    query=st.text(max_size=40),
    body=_BODIES,
    target=st.one_of(
        st.none(),
        st.sampled_from(["PinpointSMSVoiceV2.RequestPhoneNumber", "PinpointSMSVoiceV2.Nope", "x"]),
    ),
)
def test_raw_http_garbage_never_gets_a_server_error(
    local_service: Any,
    method: str,
    segments: list[str],
    query: str,
    body: bytes,
    target: str | None,
) -> None:
    host, port = local_service.endpoint_url.removeprefix("http://").split(":")
    path = "/" + "/".join(segments) + "?" + urllib.parse.quote(query, safe="=&")
    headers = {"Content-Type": "application/json"}
    if target is not None:
        headers["X-Amz-Target"] = target
    connection = http.client.HTTPConnection(host, int(port), timeout=10)
    try:
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        response.read()
    finally:
        connection.close()
    assert response.status < 500, (method, path, body, response.status)
