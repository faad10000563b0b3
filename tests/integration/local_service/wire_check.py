"""Raw answers checked against botocore's shapes before botocore's parser can forgive them.

botocore's parser drops keys it does not know and tolerates missing ones, so a misspelled
optional field passes any test that reads parsed responses. These helpers read the HTTP body
itself (an `after-call` event hook) and compare the JSON with the operation's output shape,
or with the error's shape: no unknown keys, every required key, the JSON type and enum each
member's shape asks for. Length and pattern bounds are not checked on answers.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from botocore.model import OperationModel, ServiceModel, Shape

# Keys a protocol adds to an error body besides the error shape's members.
PROTOCOL_KEYS = frozenset({"__type"})


@dataclass(frozen=True)
class RawAnswer:
    service: str
    operation: OperationModel
    status: int
    headers: dict[str, str]
    body: bytes


@dataclass
class RawAnswers:
    """Every raw answer the attached clients received, in order."""

    answers: list[RawAnswer] = field(default_factory=list)

    def attach(self, client: Any, service: str) -> Any:
        def record(http_response: Any, model: OperationModel, **_: Any) -> None:
            headers = {k.lower(): v for k, v in http_response.headers.items()}
            self.answers.append(
                RawAnswer(service, model, http_response.status_code, headers, http_response.content)
            )

        client.meta.events.register("after-call", record)
        return client


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


def _structure_problems(shape: Shape, value: Any, path: str, ignore: frozenset[str]) -> list[str]:
    if not isinstance(value, dict):
        return [f"{path or shape.name}: {type(value).__name__} instead of an object"]
    members = {
        member.serialization.get("name", name): member
        for name, member in shape.members.items()  # type: ignore[attr-defined]
        if not member.serialization.get("location")
    }
    problems = [
        f"{_join(path, key)}: not a member of {shape.name}"
        for key in value
        if key not in members and key not in ignore
    ]
    problems += [
        f"{_join(path, name)}: required by {shape.name} but missing"
        for name in shape.required_members
        if name not in value
    ]
    for key, item in value.items():
        if key in members:
            problems += shape_problems(members[key], item, _join(path, key))
    return problems


_JSON_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "blob": (str,),
    "boolean": (bool,),
    "integer": (int,),
    "long": (int,),
    "float": (int, float),
    "double": (int, float),
    "timestamp": (int, float, str),
}


def shape_problems(
    shape: Shape, value: Any, path: str = "", ignore: frozenset[str] = frozenset()
) -> list[str]:
    """Everything about `value` that the JSON of `shape` does not allow (empty when fine)."""
    kind = shape.type_name
    where = path or shape.name
    if kind == "structure":
        return _structure_problems(shape, value, path, ignore)
    if kind == "list":
        if not isinstance(value, list):
            return [f"{where}: {type(value).__name__} instead of a list"]
        member: Shape = shape.member  # type: ignore[attr-defined]
        return [
            p for i, item in enumerate(value) for p in shape_problems(member, item, f"{where}[{i}]")
        ]
    if kind == "map":
        if not isinstance(value, dict):
            return [f"{where}: {type(value).__name__} instead of a map"]
        value_shape: Shape = shape.value  # type: ignore[attr-defined]
        return [
            problem
            for key, item in value.items()
            for problem in shape_problems(value_shape, item, f"{where}.{key}")
        ]
    expected = _JSON_TYPES.get(kind, (object,))
    if (isinstance(value, bool) and bool not in expected) or not isinstance(value, expected):
        return [f"{where}: {type(value).__name__} instead of {kind}"]
    enum = shape.metadata.get("enum")
    if enum and value not in enum:
        return [f"{where}: {value!r} is not one of {shape.name}'s values"]
    return []


def answer_problems(model: ServiceModel, answer: RawAnswer) -> list[str]:
    """The raw body of a success against the output shape, of an error against its shape."""
    name = answer.operation.name
    try:
        document = json.loads(answer.body) if answer.body.strip() else {}
    except ValueError:
        return [f"{name}: the body is not JSON: {answer.body[:80]!r}"]
    if answer.status < 300:
        shape = answer.operation.output_shape
        if shape is None:
            return [] if document == {} else [f"{name}: a body where the model has no output"]
        return [f"{name}: {p}" for p in shape_problems(shape, document)]
    code = answer.headers.get("x-amzn-errortype") or document.get("__type", "")
    error_shape = model.shape_for(code.split(":", 1)[0])
    problems = shape_problems(error_shape, document, ignore=PROTOCOL_KEYS)
    return [f"{name} {code}: {p}" for p in problems]
