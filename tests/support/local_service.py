"""Runs the local Connect service as a separate process, as users and CI run it.

End-to-end tests need the service outside the test process: the Pulumi engine's
provider process reaches it over HTTP, and some tests restart it mid-run.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path


@dataclass
class LocalService:
    endpoint_url: str
    state_path: Path
    process: subprocess.Popen[bytes]

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def start_local_service(
    state_path: Path, args: Sequence[str] = (), port: int = 0, timeout: float = 20.0
) -> LocalService:
    endpoint_file = state_path.with_suffix(".endpoint")
    endpoint_file.unlink(missing_ok=True)
    log = open(state_path.with_suffix(".log"), "ab")  # noqa: SIM115 - owned by the child
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "connect_numbers.emulator",
            "--port",
            str(port),
            "--state",
            str(state_path),
            "--endpoint-file",
            str(endpoint_file),
            *args,
        ],
        stdout=log,
        stderr=log,
        env=dict(os.environ),
    )
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if endpoint_file.exists() and endpoint_file.read_text().strip():
            return LocalService(endpoint_file.read_text().strip(), state_path, process)
        if process.poll() is not None:
            break
        time.sleep(0.05)
    process.kill()
    raise RuntimeError(f"local service did not start; see {state_path.with_suffix('.log')}")


@contextmanager
def local_service(state_path: Path, args: Sequence[str] = ()) -> Iterator[LocalService]:
    service = start_local_service(state_path, args)
    try:
        yield service
    finally:
        service.stop()
