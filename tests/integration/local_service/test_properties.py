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

from connect_local_service.wire.connect_handlers import HANDLERS as CONNECT_HANDLERS
from connect_local_service.wire.sms_voice_handlers import HANDLERS as SMS_HANDLERS

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
    """Values of the shape's types, with lengths, patterns, enums and ranges drawn freely.

    Wrong types would only test botocore, which refuses them before sending; they reach the
    service through the raw-HTTP property below.
    """
    kind = shape.type_name
    if depth > 5:
        return _JUNK
    typed: st.SearchStrategy[Any]
    low = int(shape.metadata.get("min", 0))  # botocore's own check: drawn values respect it
    if kind == "structure":
        # Required members are always there, or botocore would refuse nearly every example.
        members: dict[str, Shape] = shape.members  # type: ignore[attr-defined]
        required = set(shape.required_members)
        drawn = {name: values_for(m, depth + 1) for name, m in members.items()}
        typed = st.fixed_dictionaries(
            {name: value for name, value in drawn.items() if name in required},
            optional={name: value for name, value in drawn.items() if name not in required},
        )
    elif kind == "list":
        member: Shape = shape.member  # type: ignore[attr-defined]
        typed = st.lists(values_for(member, depth + 1), min_size=low, max_size=max(low, 12))
    elif kind == "map":
        key_low = int(shape.key.metadata.get("min", 0))  # type: ignore[attr-defined]
        typed = st.dictionaries(
            st.one_of(st.text(min_size=key_low, max_size=140), st.just("aws:x")),
            st.text(max_size=300),
            min_size=low,
            max_size=max(low, 60),
        )
    elif kind == "string":
        enum = shape.metadata.get("enum")
        choices = [
            st.text(min_size=low, max_size=max(low, 64)),
            _OVERSIZED.filter(lambda text: len(text) >= low),
            _ARNISH.filter(lambda text: len(text) >= low),
        ]
        if enum:
            choices.append(st.sampled_from(enum))
        typed = st.one_of(*choices)
    elif kind in ("integer", "long"):
        # botocore refuses values below the minimum; above the maximum is the service's job.
        typed = st.integers(min_value=max(low, -(2**40)), max_value=2**40)
    elif kind == "boolean":
        typed = st.booleans()
    else:
        typed = _JUNK
    return typed


def _operations() -> list[tuple[str, str]]:
    return [("connect", name) for name in CONNECT_HANDLERS] + [
        ("pinpoint-sms-voice-v2", name) for name in SMS_HANDLERS
    ]


def _call(client: Any, operation: str, params: dict[str, Any]) -> int | None:
    """The HTTP status of the answer; None only when botocore's own validation refused to send.

    Any other exception (a KeyError or TypeError from botocore's parser, say) is a failure:
    it may be the client choking on an answer the service should not have given.
    """
    method = getattr(client, xform_name(operation))
    try:
        response = method(**params)
    except ClientError as error:
        return int(error.response["ResponseMetadata"]["HTTPStatusCode"])
    except ParamValidationError:
        return None
    return int(response["ResponseMetadata"]["HTTPStatusCode"])


@pytest.fixture
def fuzz_clients(local_service: Any, make_client: Any) -> Iterator[dict[str, Any]]:
    """Clients that validate as users' clients do and never hide a 5xx behind a retry.

    botocore checks only required members, types and minimums; everything else the fuzzer
    draws (too long, wrong pattern, not in the enum, unknown ARNs) reaches the service. Wrong
    types reach it through the raw-HTTP property below.
    """
    yield {
        service: make_client(service, retries={"mode": "standard", "total_max_attempts": 1})
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
