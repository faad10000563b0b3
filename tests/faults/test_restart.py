"""Scenario 4: the local service restarted in the middle of a run: no state lost."""

from __future__ import annotations

import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from connect_local_service import AdminClient
from tests.faults import invariants
from tests.faults.stacks import RootStack, kill_group, number, numbers_in_state
from tests.support.local_service import LocalService, start_local_service

ARGS = ("--claim-delay", "1.0", "--release-delay", "0.5")


class Restartable:
    def __init__(self, state: Path) -> None:
        self.state = state
        self.current: LocalService = start_local_service(state, ARGS)
        self.port = urlsplit(self.current.endpoint_url).port or 0

    def restart(self) -> None:
        self.current.stop()
        self.current = start_local_service(self.state, ARGS, port=self.port)


@pytest.fixture
def restartable(tmp_path: Path) -> Iterator[Restartable]:
    running = Restartable(tmp_path / "own-service.sqlite")
    yield running
    running.current.stop()


def _restart_when(
    admin: AdminClient, svc: Restartable, operation: str, run: subprocess.Popen[str]
) -> None:
    """Restarts the service once `operation` reached it; fails, stopping the run, if it never
    did: a restart at another moment would not test what the scenario says."""
    deadline = time.monotonic() + 60
    while run.poll() is None and time.monotonic() < deadline:
        if operation in admin.operations():
            svc.restart()
            return
        time.sleep(0.05)
    seen = admin.operations()
    if run.poll() is None:
        kill_group(run)
    pytest.fail(f"{operation} never reached the service before the run ended; it saw {seen}")


def test_a_restart_of_the_service_during_up_and_destroy_loses_nothing(
    tmp_path: Path, restartable: Restartable
) -> None:
    admin = AdminClient(restartable.current.endpoint_url)
    root = RootStack(tmp_path / "stack", restartable.current.endpoint_url)
    instance = admin.create_instance("restart")["InstanceId"]
    declared = [
        number(f"r{i}", admin.create_source_number()["PhoneNumberArn"], f"restart {i}")
        for i in range(3)
    ]
    root.declare(instance, declared)

    for name, args, want in (
        ("up", ("up", "--yes", "--skip-preview"), declared),
        ("destroy", ("destroy", "--yes", "--skip-preview"), []),
    ):
        invariants.scenario(f"restart-during-{name}", admin)
        allowed = invariants.planned_releases(numbers_in_state(root.export()), want)
        process = root.start(*args)
        _restart_when(
            admin,
            restartable,
            "DescribePhoneNumber" if name == "up" else "ReleasePhoneNumber",
            process,
        )
        stdout, stderr = process.communicate(timeout=240)
        if process.returncode != 0:
            assert "Traceback" not in stdout + stderr, stdout + stderr
            again = root.run(*args)
            assert again.ok, again.output
        # The request log is in memory and lost with the restart; the quota history persists.
        invariants.check(
            admin, root.export(), allowed_releases=allowed, declared=want, instance_id=instance
        )
