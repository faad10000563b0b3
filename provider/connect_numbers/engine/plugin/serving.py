"""Serves the plugin over gRPC: the SDK's provider servicer, with our errors in one line.

Why not the SDK's `server.main`: its servicer appends the Python traceback to every error
message, so a user who hit AccessDenied or a timeout read a stack of our internals under the
message. This serves the same servicer behind an interceptor that answers a
`ConnectNumbersError` (ours, written for users) with its message alone; any other exception
keeps the SDK's answer, traceback included, because then the traceback is what helps.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import sys
from collections.abc import Awaitable, Callable
from typing import Any

import grpc
import grpc.aio
from pulumi.provider.experimental.provider import Provider
from pulumi.provider.experimental.server import ProviderServicer
from pulumi.runtime.proto import provider_pb2_grpc

from connect_numbers.errors import ConnectNumbersError

# The engine's own limit on one message (Pulumi's gRPC settings use the same).
_MAX_MESSAGE_BYTES = 400 * 1024 * 1024
_OPTIONS = [("grpc.max_receive_message_length", _MAX_MESSAGE_BYTES)]


def users_error(error: BaseException) -> ConnectNumbersError | None:
    """Our error behind `error`: itself, or the one the SDK's wrapper was raised from."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        if isinstance(current, ConnectNumbersError):
            return current
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return None


Behaviour = Callable[[Any, grpc.aio.ServicerContext[Any, Any]], Awaitable[Any]]


def one_line_errors(behaviour: Behaviour) -> Behaviour:
    async def answering(request: Any, context: grpc.aio.ServicerContext[Any, Any]) -> Any:
        try:
            return await behaviour(request, context)
        except Exception as error:
            ours = users_error(error)
            if ours is None:
                raise
            await context.abort(grpc.StatusCode.UNKNOWN, str(ours))

    return answering


class OneLineErrors(grpc.aio.ServerInterceptor):
    async def intercept_service(
        self,
        continuation: Callable[[grpc.HandlerCallDetails], Awaitable[grpc.RpcMethodHandler]],
        handler_call_details: grpc.HandlerCallDetails,
    ) -> grpc.RpcMethodHandler:
        # grpc's hints do not declare the handler's fields.
        handler: Any = await continuation(handler_call_details)
        if handler is None or handler.unary_unary is None:
            return handler  # type: ignore[no-any-return]
        wrapped: grpc.RpcMethodHandler = grpc.unary_unary_rpc_method_handler(  # type: ignore[no-untyped-call]
            one_line_errors(handler.unary_unary),
            request_deserializer=handler.request_deserializer,
            response_serializer=handler.response_serializer,
        )
        return wrapped


def serve(args: list[str], version: str, provider: Provider) -> None:
    """Prints the port, as the CLI expects of a plugin, and serves until the engine stops it."""
    parser = argparse.ArgumentParser(description="connect-numbers provider plugin")
    parser.add_argument("engine", help="the Pulumi engine's address")
    engine_address: str = parser.parse_known_args(args)[0].engine

    async def run() -> None:
        server = grpc.aio.server(interceptors=[OneLineErrors()], options=_OPTIONS)
        servicer = ProviderServicer(args, version, provider, engine_address=engine_address)
        provider_pb2_grpc.add_ResourceProviderServicer_to_server(servicer, server)
        port = server.add_insecure_port("127.0.0.1:0")
        await server.start()
        sys.stdout.write(f"{port}\n")
        sys.stdout.flush()
        await server.wait_for_termination()

    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(run())
