"""Starting a Python policy pack the way the upstream language host does.

`pulumi-policy` (1.21.0 included) learns the stack's project, stack, dry-run flag and config only
from environment variables (`PULUMI_PROJECT`, `PULUMI_STACK`, `PULUMI_DRY_RUN`, `PULUMI_CONFIG`,
`PULUMI_ORGANIZATION`); its `ConfigureStack` keeps only the stack's tags. The engine sends that
information in a `ConfigureStack` call to the analyzer, after the plugin has started. So, like
upstream's `PolicyProxy`, this serves the Analyzer service first: the engine connects to it,
its `Handshake` and `ConfigureStack` are answered here, and only then is the pack started with
those variables set. Every other call waits for the pack and is forwarded to it unchanged, as
bytes (no message is decoded except `ConfigureStack`). The stored `ConfigureStack` is forwarded
too, so the pack sees the stack's tags.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from concurrent import futures
from typing import Any

import grpc
from pulumi.runtime.proto import analyzer_pb2

_SERVICE = "/pulumirpc.Analyzer/"
_CONFIGURE_STACK = _SERVICE + "ConfigureStack"
_HANDSHAKE = _SERVICE + "Handshake"
_HANDSHAKE_ANSWER = analyzer_pb2.AnalyzerHandshakeResponse().SerializeToString()
# How long a forwarded call waits for the pack to start and print its port.
_START_TIMEOUT_SECONDS = 120.0


def stack_env(config: analyzer_pb2.AnalyzerStackConfigureRequest | None) -> dict[str, str]:
    """The variables `pulumi-policy` reads, from the engine's `ConfigureStack`; empty values are
    left out, as upstream does (a file backend has no organization)."""
    if config is None:
        return {}
    values = {
        "PULUMI_ORGANIZATION": config.organization,
        "PULUMI_PROJECT": config.project,
        "PULUMI_STACK": config.stack,
        "PULUMI_DRY_RUN": "true" if config.dry_run else "false",
        "PULUMI_CONFIG": json.dumps(dict(config.config)),
    }
    return {key: value for key, value in values.items() if value}


class PolicyProxy(grpc.GenericRpcHandler):
    """The Analyzer service the engine talks to while the pack is not yet running."""

    def __init__(self) -> None:
        self._configured = threading.Event()
        self._config: analyzer_pb2.AnalyzerStackConfigureRequest | None = None
        self._attached = threading.Event()
        self._channel: grpc.Channel | None = None
        self._failure = ""
        self._lock = threading.Lock()
        self._server = grpc.server(futures.ThreadPoolExecutor(max_workers=8))
        self._server.add_generic_rpc_handlers((self,))
        self.port = self._server.add_insecure_port("127.0.0.1:0")
        self._server.start()

    # ---- the language host's side -------------------------------------------------------

    def await_configuration(
        self, is_active: Callable[[], bool]
    ) -> analyzer_pb2.AnalyzerStackConfigureRequest | None:
        """Blocks until `ConfigureStack` (or any other call, which means there will be none)."""
        while not self._configured.wait(0.5):
            if not is_active():
                return None
        return self._config

    def attach(self, port: int) -> None:
        """Connects to the started pack and hands it the stack configuration seen earlier."""
        channel = grpc.insecure_channel(f"127.0.0.1:{port}")
        if self._config is not None:
            try:
                channel.unary_unary(_CONFIGURE_STACK)(self._config.SerializeToString())
            except grpc.RpcError as error:
                if error.code() != grpc.StatusCode.UNIMPLEMENTED:
                    self.fail(f"policy pack configuration failed: {error.details()}")
                    channel.close()
                    return
        self._channel = channel
        self._attached.set()

    def fail(self, reason: str) -> None:
        """The pack will never answer (it exited, or printed no port): calls fail with `reason`."""
        self._failure = self._failure or reason
        self._attached.set()

    def stop(self) -> None:
        self.fail("policy pack exited")
        self._server.stop(grace=None)
        if self._channel is not None:
            self._channel.close()

    # ---- the engine's side --------------------------------------------------------------

    def service(self, handler_call_details: Any) -> grpc.RpcMethodHandler | None:
        method = str(handler_call_details.method)
        if not method.startswith(_SERVICE):
            return None
        if method == _CONFIGURE_STACK:
            return grpc.unary_unary_rpc_method_handler(self._configure_stack)
        if method == _HANDSHAKE:
            return grpc.unary_unary_rpc_method_handler(lambda request, context: _HANDSHAKE_ANSWER)
        return grpc.unary_unary_rpc_method_handler(
            lambda request, context: self._forward(method, request, context)
        )

    def _configure_stack(self, request: bytes, context: Any) -> bytes:
        with self._lock:
            if not self._configured.is_set():
                self._config = analyzer_pb2.AnalyzerStackConfigureRequest.FromString(request)
                self._configured.set()
        return analyzer_pb2.AnalyzerStackConfigureResponse().SerializeToString()

    def _forward(self, method: str, request: bytes, context: Any) -> bytes:
        # The engine calls some methods without ConfigureStack (`pulumi policy publish`): the pack
        # then starts with no stack configuration.
        with self._lock:
            self._configured.set()
        if not self._attached.wait(_START_TIMEOUT_SECONDS) or self._channel is None:
            context.abort(grpc.StatusCode.UNAVAILABLE, self._failure or "policy pack not started")
        assert self._channel is not None
        try:
            # No timeout: the engine sets none on analyzer calls, and a call without a deadline
            # reports 0 from `time_remaining()`, which would expire at once.
            answer: bytes = self._channel.unary_unary(method)(request)
        except grpc.RpcError as error:
            context.abort(error.code(), error.details() or "")
        return answer
