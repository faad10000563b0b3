"""Warnings to the engine's log, shown by the CLI beside the resource they concern.

Why: a plugin's stderr is not shown to users, yet the release warning must be seen during
preview; the engine address the CLI starts the plugin with is where its Log call goes.
"""

from __future__ import annotations

import sys

import grpc
from pulumi.runtime.proto import engine_pb2, engine_pb2_grpc


def _channel(address: str) -> grpc.Channel:
    # grpc ships no type hints; the channel is only handed to the generated stub.
    channel: grpc.Channel = grpc.insecure_channel(address)  # type: ignore[no-untyped-call]
    return channel


class EngineLog:
    def __init__(self, address: str | None) -> None:
        self._stub = engine_pb2_grpc.EngineStub(_channel(address)) if address else None

    def warn(self, message: str, urn: str = "") -> None:
        if self._stub is None:
            print(message, file=sys.stderr, flush=True)
            return
        request = engine_pb2.LogRequest(severity=engine_pb2.WARNING, message=message, urn=urn)
        self._stub.Log(request)
