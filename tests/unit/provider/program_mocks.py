"""Pulumi's mocks for tests of what a program registers: every registration recorded, and the
outputs each test's engine answers with."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Mapping
from typing import Any

import pulumi


class Recorder(pulumi.runtime.Mocks):
    def __init__(self, outputs: Mapping[str, Any]) -> None:
        self.resources: list[pulumi.runtime.MockResourceArgs] = []
        self._outputs = dict(outputs)

    def new_resource(self, args: pulumi.runtime.MockResourceArgs) -> tuple[str, dict[str, Any]]:
        self.resources.append(args)
        return "pn-1", dict(args.inputs, **self._outputs)

    def call(
        self, args: pulumi.runtime.MockCallArgs
    ) -> tuple[dict[str, Any], list[tuple[str, str]] | None]:
        return {}, None


@contextlib.contextmanager
def recording(outputs: Mapping[str, Any]) -> Iterator[Recorder]:
    mocks = Recorder(outputs)
    pulumi.runtime.set_mocks(mocks, project="phones", stack="dev", preview=False)
    try:
        yield mocks
    finally:
        # Leave no mock monitor behind for tests that run later in this process.
        pulumi.runtime.reset_options()
