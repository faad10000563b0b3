"""One Amazon Connect client, and one End User Messaging SMS/voice client, per (region, profile,
endpoint, budgets), shared by the process.

Why: boto3 clients are thread-safe and carry the retry quota and connection pool; sharing one
per key means that every resource in a `pulumi up` (the engine calls the provider from many
threads) draws from the same budgets instead of multiplying calls under throttling. Each client
carries its call plan (`call_plan`): every HTTP attempt it makes waits its turn in the budget of
its operation. A client holds an SSLContext and credentials, so it must never live on the
provider object, which is pickled into state: it lives here, built lazily, in the provider
process only.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

import boto3
import botocore.config
import botocore.exceptions

from connect_numbers.errors import ConfigurationError
from connect_numbers.pacing.budgets import Budgets
from connect_numbers.pacing.call_plan import CallPlan

if TYPE_CHECKING:
    from mypy_boto3_connect import ConnectClient
else:
    ConnectClient = Any

Service = Literal["connect", "pinpoint-sms-voice-v2"]
CONNECT_SERVICE: Service = "connect"
# End User Messaging SMS/voice v2 (formerly Amazon Pinpoint): where the source numbers live.
SOURCE_NUMBERS_SERVICE: Service = "pinpoint-sms-voice-v2"

USER_AGENT = "connect-numbers/0.1.0"
# Standard mode: backoff with jitter for throttling, 5xx and connection errors. Not adaptive
# mode: its one rate limiter for all operations of the client would pace a second time, and
# coarser, what the call plan already paces per operation. Six attempts per call; throttling
# that outlasts them is ridden out by `throttle_retry.ThrottleRetry`.
MAX_ATTEMPTS = 6  # the first call plus five retries
MAX_POOL_CONNECTIONS = 64


@dataclass(frozen=True)
class ClientKey:
    region: str
    profile: str | None = None
    endpoint_url: str | None = None
    budgets: Budgets = field(default_factory=Budgets)


def make_client(key: ClientKey, service: Service = CONNECT_SERVICE) -> Any:
    """A client of `service` with the key's settings and a call plan of its own.

    The End User Messaging client gets the same settings, retries and budgets as the Connect
    client (budgets are per operation name), but its own plan, so that an operation name both
    services have (ReleasePhoneNumber) never shares one budget.
    """
    try:
        session = boto3.session.Session(profile_name=key.profile, region_name=key.region)
    except botocore.exceptions.ProfileNotFound as err:
        raise ConfigurationError(
            f"AWS profile '{key.profile}' was not found ({err}); set aws:profile or AWS_PROFILE "
            "to a profile in ~/.aws/config"
        ) from None
    config = botocore.config.Config(
        retries={"mode": "standard", "total_max_attempts": MAX_ATTEMPTS},
        user_agent_extra=USER_AGENT,
        # One connection per thread that may be in a call at once; botocore's default is 10.
        max_pool_connections=MAX_POOL_CONNECTIONS,
    )
    client = session.client(
        service, region_name=key.region, endpoint_url=key.endpoint_url, config=config
    )
    CallPlan(key.budgets).attach(client)
    return client


class ClientCache:
    def __init__(self, factory: Callable[[ClientKey], ConnectClient] = make_client) -> None:
        self._factory = factory
        self._lock = threading.Lock()
        self._clients: dict[ClientKey, ConnectClient] = {}

    def get(self, key: ClientKey) -> ConnectClient:
        client = self._clients.get(key)
        if client is None:
            # boto3 session and client creation is not thread-safe; build under the lock.
            with self._lock:
                client = self._clients.get(key)
                if client is None:
                    client = self._factory(key)
                    self._clients[key] = client
        return client

    def clear(self) -> None:
        with self._lock:
            self._clients.clear()


_CACHE = ClientCache()


def _make_source_numbers_client(key: ClientKey) -> Any:
    return make_client(key, SOURCE_NUMBERS_SERVICE)


_SOURCE_CACHE = ClientCache(_make_source_numbers_client)


def connect_client(key: ClientKey) -> ConnectClient:
    return _CACHE.get(key)


def source_numbers_client(key: ClientKey) -> Any:
    """The End User Messaging SMS/voice client for `key` (DescribePhoneNumbers of sources)."""
    return _SOURCE_CACHE.get(key)


def reset_clients() -> None:
    """Forget cached clients (tests that change the environment call this)."""
    _CACHE.clear()
    _SOURCE_CACHE.clear()
