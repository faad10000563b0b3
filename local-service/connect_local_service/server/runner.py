"""Starting the service in-process (fast, for most tests) or as a subprocess (as users run it)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from connect_local_service.admin.client import AdminClient
from connect_local_service.server.cli import cli_flag
from connect_local_service.server.http_server import build_server, serve_in_thread
from connect_local_service.server.service_settings import LocalServiceSettings, declared_settings
from connect_local_service.server.setting_codecs import CODECS


@dataclass
class RunningLocalService:
    endpoint_url: str
    admin: AdminClient
    state_path: Path
    process: subprocess.Popen[bytes] | None = field(default=None, repr=False)

    def stop(self) -> None:
        """Stops a subprocess service (SIGTERM, then kill); in-process ones stop on exit."""
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


@contextmanager
def run_local_service(
    settings: LocalServiceSettings | None = None, state_path: Path | str = ":memory:"
) -> Iterator[RunningLocalService]:
    """The service on a background thread, on a free 127.0.0.1 port."""
    server = build_server(settings or LocalServiceSettings(), state_path)
    thread = serve_in_thread(server)
    try:
        url = server.endpoint_url
        yield RunningLocalService(url, AdminClient(url), Path(str(state_path)))
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)
        server.state.store.close()


def settings_to_args(settings: LocalServiceSettings) -> list[str]:
    """The CLI flags that reproduce `settings` in a child process (defaults are left out)."""
    defaults = LocalServiceSettings()
    args: list[str] = []
    for declared in declared_settings():
        value = getattr(settings, declared.name)
        if value == getattr(defaults, declared.name):
            continue
        codec = CODECS[str(declared.type)]
        flag = cli_flag(declared.name)
        for rendered in codec.render(value):
            args += [flag] if codec.cli_form == "flag" else [flag, rendered]
    return args


def _command(
    state_path: Path, endpoint_file: Path, settings: LocalServiceSettings, port: int
) -> list[str]:
    return [
        sys.executable,
        "-m",
        "connect_local_service",
        "--port",
        str(port),
        "--state",
        str(state_path),
        "--endpoint-file",
        str(endpoint_file),
        *settings_to_args(settings),
    ]


def start_subprocess(
    state_path: Path | str,
    settings: LocalServiceSettings | None = None,
    extra_args: Sequence[str] = (),
    port: int = 0,
    timeout: float = 30.0,
) -> RunningLocalService:
    """Starts `python -m connect_local_service`; `extra_args` come last and override settings."""
    state_path = Path(state_path)
    endpoint_file = state_path.with_name(state_path.name + ".endpoint")
    endpoint_file.unlink(missing_ok=True)
    log_path = state_path.with_name(state_path.name + ".log")
    command = _command(state_path, endpoint_file, settings or LocalServiceSettings(), port)
    with open(log_path, "ab") as log:
        process = subprocess.Popen(
            [*command, *extra_args], stdout=log, stderr=log, env=dict(os.environ)
        )
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if endpoint_file.exists():
            url = endpoint_file.read_text().strip()
            if url:
                return RunningLocalService(url, AdminClient(url), state_path, process)
        if process.poll() is not None:
            break
        time.sleep(0.02)
    process.kill()
    process.wait()
    raise RuntimeError(f"the local service did not start; see {log_path}")


@contextmanager
def spawn_local_service(
    state_path: Path | str,
    settings: LocalServiceSettings | None = None,
    extra_args: Sequence[str] = (),
    port: int = 0,
) -> Iterator[RunningLocalService]:
    """The service as a child process (`python -m connect_local_service`), stopped on exit."""
    running = start_subprocess(state_path, settings, extra_args, port)
    try:
        yield running
    finally:
        running.stop()
