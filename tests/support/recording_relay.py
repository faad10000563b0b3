"""An HTTP relay that records every request whole (method, path, headers, body), then passes it on.

Why: the local service's request log keeps decoded parameters and never headers, so a
credential sent in a header could not be found there. Placed between a client and the
service, this relay's record holds everything the client put on the wire.
"""

from __future__ import annotations

import http.client
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit

# Headers that belong to one connection, not to the request or answer being relayed.
HOP_BY_HOP = frozenset(
    {"connection", "keep-alive", "transfer-encoding", "content-length", "date", "server"}
)


@dataclass(frozen=True)
class RecordedRequest:
    method: str
    path: str
    headers: tuple[tuple[str, str], ...]
    body: bytes

    def header(self, name: str) -> str | None:
        return next((v for k, v in self.headers if k.lower() == name.lower()), None)

    def text(self) -> str:
        """The request as it went on the wire, for searching."""
        lines = [f"{self.method} {self.path}", *(f"{k}: {v}" for k, v in self.headers)]
        return "\n".join(lines) + "\n\n" + self.body.decode(errors="replace")


class _Relay(BaseHTTPRequestHandler):
    server: RecordingRelay
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: the record is the log."""

    def _relay(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        headers = tuple((k, v) for k, v in self.headers.items())
        self.server.record(RecordedRequest(self.command, self.path, headers, body))
        upstream = http.client.HTTPConnection(self.server.upstream_host, timeout=60)
        try:
            upstream.request(
                self.command,
                self.path,
                body=body,
                headers={k: v for k, v in headers if k.lower() not in HOP_BY_HOP},
            )
            answer = upstream.getresponse()
            payload = answer.read()
            self.send_response(answer.status)
            for name, value in answer.getheaders():
                if name.lower() not in HOP_BY_HOP:
                    self.send_header(name, value)
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)
        finally:
            upstream.close()

    do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = _relay


class RecordingRelay(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, upstream_url: str) -> None:
        self.upstream_host = urlsplit(upstream_url).netloc
        self._lock = threading.Lock()
        self._requests: list[RecordedRequest] = []
        super().__init__(("127.0.0.1", 0), _Relay)

    @property
    def endpoint_url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host!s}:{port}"

    def record(self, request: RecordedRequest) -> None:
        with self._lock:
            self._requests.append(request)

    def requests(self) -> list[RecordedRequest]:
        with self._lock:
            return list(self._requests)


@contextmanager
def recording_relay(upstream_url: str) -> Iterator[RecordingRelay]:
    """A relay to `upstream_url` on a free 127.0.0.1 port, for the duration of the block."""
    relay = RecordingRelay(upstream_url)
    thread = threading.Thread(target=relay.serve_forever, kwargs={"poll_interval": 0.05})
    thread.daemon = True
    thread.start()
    try:
        yield relay
    finally:
        relay.shutdown()
        relay.server_close()
        thread.join(timeout=10)
