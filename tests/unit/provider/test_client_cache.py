"""One Connect client per (Region, profile, endpoint), built once, with the retry policy."""

from __future__ import annotations

import threading

import botocore.config
import pytest

from connect_numbers.aws.clients import ClientCache, ClientKey, make_client
from connect_numbers.errors import ConfigurationError


def test_one_client_per_key_is_built_even_when_threads_race() -> None:
    built: list[ClientKey] = []
    gate = threading.Barrier(8)

    def factory(key: ClientKey) -> object:
        built.append(key)
        return object()

    cache = ClientCache(factory)
    results: list[object] = []

    def worker() -> None:
        gate.wait()
        results.append(cache.get(ClientKey("us-east-1")))

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert built == [ClientKey("us-east-1")]
    assert all(r is results[0] for r in results)
    assert cache.get(ClientKey("us-west-2")) is not results[0]


def test_clients_use_standard_retries_and_the_endpoint_override() -> None:
    client = make_client(ClientKey("us-east-1", None, "http://127.0.0.1:9"))
    config: botocore.config.Config = client.meta.config
    assert config.retries == {"mode": "standard", "total_max_attempts": 6}
    assert client.meta.endpoint_url == "http://127.0.0.1:9"
    assert client.meta.region_name == "us-east-1"


def test_an_unknown_profile_is_a_configuration_error() -> None:
    with pytest.raises(ConfigurationError, match="no-such-profile"):
        make_client(ClientKey("us-east-1", "no-such-profile-xyz"))
