"""The local Connect service in its own process, as users and CI run it.

End-to-end tests need the service outside the test process: the Pulumi engine's provider
process reaches it over HTTP, and some tests restart it mid-run. This module only adapts the
local_service's own runner to the tests' vocabulary.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from connect_local_service.server.runner import RunningLocalService, start_subprocess

LocalService = RunningLocalService


def start_local_service(
    state_path: Path, args: Sequence[str] = (), port: int = 0
) -> RunningLocalService:
    """Starts the service; `args` are CLI flags and override the defaults."""
    return start_subprocess(state_path, extra_args=args, port=port)


@contextmanager
def local_service(state_path: Path, args: Sequence[str] = ()) -> Iterator[RunningLocalService]:
    service = start_local_service(state_path, args)
    try:
        yield service
    finally:
        service.stop()
