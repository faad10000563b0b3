"""Fixtures for tests that talk to the local Connect service over real HTTP with real boto3.

One in-process service per test session on a SQLite file, reset before every test: a fresh
service per test would cost a port and a thread each, and reset restores exactly the state a
fresh service with the same settings has. The clock is virtual, so delays and 180-day rules
are crossed with `local_service.admin.advance_clock` instead of sleeping.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import boto3
import pytest
from botocore.config import Config

from connect_local_service import LocalServiceSettings, RunningLocalService, run_local_service

REGION = "us-east-1"
ACCOUNT_ID = "123456789012"

SourceFactory = Callable[..., dict[str, Any]]


def integration_settings() -> LocalServiceSettings:
    return LocalServiceSettings(
        region=REGION,
        account_id=ACCOUNT_ID,
        claim_delay=2.0,
        release_delay=0.5,
        virtual_clock=True,
    )


def aws_client(service: str, endpoint_url: str, **config: Any) -> Any:
    config.setdefault("retries", {"mode": "standard"})
    return boto3.session.Session().client(
        service,
        region_name=config.pop("region_name", REGION),
        endpoint_url=endpoint_url,
        aws_access_key_id="AKIDEXAMPLE",
        aws_secret_access_key="not-a-secret",
        config=Config(**config),
    )


@pytest.fixture(scope="session")
def _session_local_service(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[RunningLocalService]:
    state = Path(tmp_path_factory.mktemp("local_service")) / "state.sqlite"
    with run_local_service(integration_settings(), state) as running:
        yield running


@pytest.fixture
def local_service(_session_local_service: RunningLocalService) -> RunningLocalService:
    _session_local_service.admin.reset()
    return _session_local_service


@pytest.fixture
def connect_client(local_service: RunningLocalService) -> Any:
    return aws_client("connect", local_service.endpoint_url)


@pytest.fixture
def sms_client(local_service: RunningLocalService) -> Any:
    return aws_client("pinpoint-sms-voice-v2", local_service.endpoint_url)


@pytest.fixture
def make_client(local_service: RunningLocalService) -> Callable[..., Any]:
    """Clients with other settings: `make_client("connect", region_name="us-west-2")`."""

    def make(service: str, **config: Any) -> Any:
        return aws_client(service, local_service.endpoint_url, **config)

    return make


@pytest.fixture
def instance(local_service: RunningLocalService) -> dict[str, Any]:
    return local_service.admin.create_instance("test")


@pytest.fixture
def source_number(local_service: RunningLocalService) -> SourceFactory:
    """Creates End User Messaging numbers; keyword arguments as AdminClient.create_source_number."""

    def create(**kwargs: Any) -> dict[str, Any]:
        return local_service.admin.create_source_number(**kwargs)

    return create
