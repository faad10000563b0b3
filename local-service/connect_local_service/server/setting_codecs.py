"""How each kind of setting is written on a command line, in admin JSON and in the docs.

Keyed by the field's annotation, so the declaration in service_settings.py is all a new setting
needs; a unit test checks that every declared setting has a codec.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from connect_local_service.server.service_settings import ThrottleRule


@dataclass(frozen=True)
class Codec:
    # How argparse reads it: "value" (one value), "flag" (present or not), "repeat" (appended).
    cli_form: str
    metavar: str | None
    parse: Callable[[str], Any]
    # The CLI values that reproduce a value; [] leaves the flag out.
    render: Callable[[Any], list[str]]
    from_json: Callable[[Any], Any]
    shown_default: Callable[[Any], str]


def parse_throttle(text: str) -> tuple[str, ThrottleRule]:
    operation, _, spec = text.partition("=")
    rate, _, burst = spec.partition(":")
    return operation, ThrottleRule(float(rate), float(burst or rate))


def _number(value: Any) -> str:
    return f"{value:g}"


def _optional(parse: Callable[[Any], Any]) -> Callable[[Any], Any]:
    return lambda value: None if value is None else parse(value)


def _on_off(value: Any) -> str:
    return "on" if value else "off"


def _strings(value: Any) -> list[str]:
    return [str(item) for item in value]


CODECS: dict[str, Codec] = {
    "str": Codec("value", None, str, lambda v: [str(v)], str, str),
    "float": Codec("value", "S", float, lambda v: [repr(v)], float, _number),
    "int": Codec("value", "N", int, lambda v: [str(v)], int, str),
    "bool": Codec(
        "flag", None, str, lambda v: [""] if v else [], bool, lambda v: "on" if v else "off"
    ),
    "int | None": Codec(
        "value",
        "N",
        int,
        lambda v: [] if v is None else [str(v)],
        _optional(int),
        lambda v: "off" if v is None else str(v),
    ),
    "list[str] | None": Codec(
        "value",
        "a,b",
        lambda text: text.split(","),
        lambda v: [] if v is None else [",".join(v)],
        _optional(_strings),
        lambda v: "all" if v is None else ",".join(v),
    ),
    "dict[str, ThrottleRule]": Codec(
        "repeat",
        "OP=RATE[:BURST]",
        parse_throttle,
        lambda v: [f"{op}={rule.rate}:{rule.burst}" for op, rule in v.items()],
        lambda v: {str(op): ThrottleRule(**rule) for op, rule in v.items()},
        lambda v: "none" if not v else str(v),
    ),
}
