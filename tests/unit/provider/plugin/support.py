"""A plugin provider whose runtime fails on any AWS client, and a log that records warnings."""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from dataclasses import dataclass, field
from typing import Any, TypeVar

from connect_numbers.aws.clients import ClientKey
from connect_numbers.engine.plugin.engine_log import EngineLog
from connect_numbers.engine.plugin.property_values import property_map
from connect_numbers.engine.plugin.provider import ImportedPhoneNumberPlugin
from connect_numbers.workflows.context import Runtime

T = TypeVar("T")
URN = "urn:pulumi:dev::phones::connect-numbers:index:ImportedPhoneNumber::support-line"


@dataclass
class RecordingLog(EngineLog):
    warnings: list[tuple[str, str]] = field(default_factory=list)

    def __post_init__(self) -> None:
        super().__init__(None)

    def warn(self, message: str, urn: str = "") -> None:
        self.warnings.append((message, urn))


def no_client(_key: ClientKey) -> Any:
    raise AssertionError("no AWS client may be made here")


def plugin(log: RecordingLog | None = None) -> ImportedPhoneNumberPlugin:
    return ImportedPhoneNumberPlugin(
        runtime=Runtime(client_for=no_client, env={}), log=log or RecordingLog()
    )


def props(values: dict[str, Any]) -> Any:
    return property_map({k: v for k, v in values.items() if k != "__provider"})


def run(call: Coroutine[Any, Any, T]) -> T:
    """Run one provider call on a loop of its own.

    Not `asyncio.run`: it leaves the thread without an event loop, which Pulumi's mocks (used by
    other tests in the same process) then fail to find.
    """
    loop = asyncio.new_event_loop()
    try:
        return loop.run_until_complete(call)
    finally:
        loop.close()
