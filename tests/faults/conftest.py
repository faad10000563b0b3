"""Fixtures of the fault suite: one local service for the session, reset before every test.

The service runs in its own process with short real claim and release delays; tests that
need long waits advance its clock instead of sleeping. Every test closes its last scenario
when it ends (tests/faults/invariants.py), and the summary line at the end of the session,
printed only when the run passed, reports what the invariant checks examined.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from connect_local_service import AdminClient
from tests.faults.invariants import TALLY
from tests.faults.request_log import mutating_calls
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
def front_end() -> str:
    """The root program's front end; a test runs against both with
    `@pytest.mark.parametrize("front_end", FRONT_ENDS)`."""
    return "dynamic"


@pytest.fixture
def root(tmp_path: Path, service: LocalService, front_end: str) -> RootStack:
    return RootStack(tmp_path, service.endpoint_url, front_end=front_end)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    """Closes the test's last scenario while its service still runs, as part of the test.

    A test that failed proves nothing either way: its open scenario is dropped. A test that
    opened no scenario must not have changed numbers."""
    opened = TALLY.scenarios
    fixtures: dict[str, Any] = getattr(item, "funcargs", {})
    try:
        result = yield
    except BaseException:
        TALLY.abandon()
        raise
    if TALLY.current is not None:
        TALLY.close()
    elif TALLY.scenarios == opened and "service" in fixtures:
        service: LocalService = fixtures["service"]
        calls = mutating_calls(AdminClient(service.endpoint_url).request_log())
        assert not calls, f"changed numbers outside any scenario: {calls}"
    return result


def pytest_terminal_summary(
    terminalreporter: pytest.TerminalReporter, exitstatus: int | pytest.ExitCode
) -> None:
    if not TALLY.scenarios:
        return
    if exitstatus != 0:
        terminalreporter.write_line("faults summary: not printed, the run did not pass")
        return
    terminalreporter.write_line(TALLY.line())
