"""Fixtures of the fault suite: one local service for the session, reset before every test.

The service runs in its own process with short real claim and release delays; tests that
need long waits advance its clock instead of sleeping. The summary line at the end of the
session reports what the invariant checks computed (tests/faults/invariants.py).
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from connect_local_service import AdminClient
from tests.faults.invariants import TALLY
from tests.faults.stacks import RootStack
from tests.support.local_service import LocalService, local_service

SERVICE_ARGS = ("--claim-delay", "0.3", "--release-delay", "0.2")


@pytest.fixture(scope="session")
def shared_service() -> Iterator[LocalService]:
    # Its own folder: concurrent pytest sessions prune each other's old basetemp folders.
    with (
        tempfile.TemporaryDirectory(prefix="faults-service-") as folder,
        local_service(Path(folder) / "service.sqlite", SERVICE_ARGS) as running,
    ):
        yield running


@pytest.fixture
def service(shared_service: LocalService) -> LocalService:
    AdminClient(shared_service.endpoint_url).reset()
    return shared_service


@pytest.fixture
def admin(service: LocalService) -> AdminClient:
    return AdminClient(service.endpoint_url)


@pytest.fixture
def root(tmp_path: Path, service: LocalService) -> RootStack:
    return RootStack(tmp_path, service.endpoint_url)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if TALLY.scenarios or TALLY.invariant_checks or TALLY.bad_inputs:
        terminalreporter.write_line(TALLY.line())
