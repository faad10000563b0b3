"""The local Connect service in its own process, as users and CI run it.

End-to-end tests need the service outside the test process: the Pulumi engine's provider
process reaches it over HTTP, and some tests restart it mid-run. This module only adapts the
emulator's own runner to the tests' vocabulary.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from connect_numbers.emulator.runner import RunningEmulator, start_subprocess

LocalService = RunningEmulator


def start_local_service(
    state_path: Path, args: Sequence[str] = (), port: int = 0
) -> RunningEmulator:
    """Starts the service; `args` are CLI flags and override the defaults."""
    return start_subprocess(state_path, extra_args=args, port=port)


@contextmanager
def local_service(state_path: Path, args: Sequence[str] = ()) -> Iterator[RunningEmulator]:
    service = start_local_service(state_path, args)
    try:
        yield service
    finally:
        service.stop()
