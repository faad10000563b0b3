"""The HTTP server: moves bytes between sockets and the dispatcher, nothing more."""

from __future__ import annotations

import json
import logging
import socket
import struct
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from connect_local_service.admin.api import PREFIX, handle_admin
from connect_local_service.server.seeding import seed_demo
from connect_local_service.server.service_settings import LocalServiceSettings
from connect_local_service.server.service_state import ServiceState
from connect_local_service.store import Store
from connect_local_service.wire.protocol_encoding import Response, new_request_id
from connect_local_service.wire.request_pipeline import Dispatcher

log = logging.getLogger("connect_local_service")

# Far above anything these APIs accept; larger bodies are refused without being read.
MAX_BODY = 4 * 1024 * 1024


class _Handler(BaseHTTPRequestHandler):
    server: LocalServiceServer
    protocol_version = "HTTP/1.1"
    # Without this, headers and body leave in two segments and Nagle + delayed ACK add ~40 ms.
    disable_nagle_algorithm = True
    server_version = "connect-local-service"

    def log_message(self, format: str, *args: Any) -> None:
        log.debug("%s " + format, self.address_string(), *args)

    def _serve(self) -> None:
        headers = {k.lower(): v for k, v in self.headers.items()}
        length_text = headers.get("content-length", "0")
        length = int(length_text) if length_text.isdigit() else -1
        if length < 0 or length > MAX_BODY or "transfer-encoding" in headers:
            self.close_connection = True
            self._send_json(413, {"Message": "request body too large or not length-delimited"})
            return
        body = self.rfile.read(length) if length else b""
        if self.path.startswith(PREFIX):
            self._admin(body)
            return
        outcome = self.server.dispatcher.handle(self.command, self.path, headers, body)
        if outcome.response is None:
            self._reset_connection()
            return
        self._send(outcome.response)

    do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = do_HEAD = _serve

    def _admin(self, body: bytes) -> None:
        try:
            document = json.loads(body) if body.strip() else {}
        except ValueError:
            document = None
        if not isinstance(document, dict):
            self._send_json(400, {"error": "admin requests take a JSON object"})
            return
        status, result = handle_admin(self.server.state, self.path, document)
        self._send_json(status, result)

    def _send_json(self, status: int, document: Any) -> None:
        headers = {"Content-Type": "application/json"}
        self._send(Response(status, json.dumps(document).encode(), headers))

    def _send(self, response: Response) -> None:
        self.send_response(response.status)
        request_id = new_request_id()
        for name, value in response.headers.items():
            self.send_header(name, value)
        self.send_header("x-amzn-RequestId", request_id)
        self.send_header("Content-Length", str(len(response.body)))
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(response.body)

    def _reset_connection(self) -> None:
        # SO_LINGER 0 turns close() into a TCP reset, as a dropped load balancer connection does.
        self.close_connection = True
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))


class LocalServiceServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128

    def __init__(self, state: ServiceState, host: str = "127.0.0.1", port: int = 0) -> None:
        self.state = state
        self.dispatcher = Dispatcher(state)
        super().__init__((host, port), _Handler)

    @property
    def endpoint_url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host!s}:{port}"

    def shutdown_request(self, request: Any) -> None:
        # Skip the SHUT_WR half-close for reset connections; close() alone sends the RST.
        try:
            linger = request.getsockopt(socket.SOL_SOCKET, socket.SO_LINGER, 8)
        except OSError:
            linger = b""
        if linger and struct.unpack("ii", linger)[0]:
            self.close_request(request)
            return
        super().shutdown_request(request)


def build_server(
    settings: LocalServiceSettings, state_path: Path | str, host: str = "127.0.0.1", port: int = 0
) -> LocalServiceServer:
    state = ServiceState(settings, Store(state_path))
    if settings.seed_demo:
        seed_demo(state)
    return LocalServiceServer(state, host, port)


def serve_in_thread(server: LocalServiceServer) -> threading.Thread:
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
    )
    thread.start()
    return thread
