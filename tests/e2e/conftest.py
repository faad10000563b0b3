"""Fixtures for end-to-end tests: the local service in its own process, and stacks."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from connect_local_service import AdminClient
from tests.support.iam import policy_actions
from tests.support.local_service import LocalService, local_service


@pytest.fixture
def service(tmp_path: Path) -> Iterator[LocalService]:
    """A local Connect service with short but real (time-based) claim and release delays.

    It enforces exactly the IAM policy file (iam/connect-numbers-policy.json), so every
    end-to-end test also proves that the published policy is enough (the faults suite proves
    each action in it is needed).
    """
    args = [
        "--claim-delay",
        "0.3",
        "--release-delay",
        "0.2",
        "--allowed-actions",
        ",".join(policy_actions()),
    ]
    with local_service(tmp_path / "service.sqlite", args) as running:
        yield running


@pytest.fixture
def admin(service: LocalService) -> AdminClient:
    return AdminClient(service.endpoint_url)
