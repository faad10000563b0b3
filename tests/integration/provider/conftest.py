"""Fixtures for provider tests against the local service (see on_service.py)."""

from __future__ import annotations

import pytest
from pulumi.dynamic import Config, ConfigureRequest

from connect_local_service import RunningLocalService
from connect_numbers.aws.clients import reset_clients
from connect_numbers.engine.dynamic.provider import ImportedPhoneNumberProvider, Runtime
from connect_numbers.pacing.waiter import Clock
from tests.integration.provider.on_service import ProviderOnService


@pytest.fixture
def on_service(
    local_service: RunningLocalService, monkeypatch: pytest.MonkeyPatch
) -> ProviderOnService:
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "not-a-secret")
    monkeypatch.delenv("AWS_PROFILE", raising=False)
    reset_clients()
    now = [0.0]

    def sleep(seconds: float) -> None:
        now[0] += seconds
        local_service.admin.advance_clock(seconds)

    notices: list[str] = []
    runtime = Runtime(
        clock=Clock(now=lambda: now[0], sleep=sleep, draw=lambda: 0.5),
        notify=notices.append,
        env={},
    )
    provider = ImportedPhoneNumberProvider(runtime)
    config = {"aws:region": "us-east-1", "connect-numbers:endpoint": local_service.endpoint_url}
    provider.configure(ConfigureRequest(Config(config, "phones")))
    local_service.admin.clear_request_log()
    return ProviderOnService(provider, local_service, notices)
