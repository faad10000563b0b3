"""The provider object in state: pickled by reference, small, not secret, and empty."""

from __future__ import annotations

import base64
import threading

import botocore.config
import dill
import pytest
from pulumi.dynamic import Config, ConfigureRequest
from pulumi.dynamic.dynamic import serialize_provider

from connect_numbers.clients import ClientCache, ClientKey, make_client
from connect_numbers.errors import ConfigurationError
from connect_numbers.provider import ImportedPhoneNumberProvider
from connect_numbers.settings import AwsSettings, from_config

from .fakes import harness, summary


def test_the_provider_pickles_by_reference_in_a_few_hundred_bytes() -> None:
    raw = base64.b64decode(serialize_provider(ImportedPhoneNumberProvider()))
    assert len(raw) < 200
    assert b"connect_numbers.provider" in raw and b"ImportedPhoneNumberProvider" in raw
    assert isinstance(dill.loads(raw), ImportedPhoneNumberProvider)


def test_a_configured_provider_with_test_doubles_pickles_to_the_same_bytes_as_a_fresh_one() -> None:
    h = harness()
    h.provider.configure(
        ConfigureRequest(Config({"aws:region": "us-east-1", "aws:profile": "ops"}, "p"))
    )
    assert serialize_provider(h.provider) == serialize_provider(ImportedPhoneNumberProvider())


def test_the_serialized_provider_is_not_forced_secret() -> None:
    assert ImportedPhoneNumberProvider.serialize_as_secret_always is False


def test_configure_reads_region_profile_and_endpoint_from_stack_config() -> None:
    config = Config(
        {
            "aws:region": "eu-central-1",
            "aws:profile": "ops",
            "connect-numbers:endpoint": "http://127.0.0.1:4566",
        },
        "phones",
    )
    assert from_config(config) == AwsSettings("eu-central-1", "ops", "http://127.0.0.1:4566")


def test_clients_are_keyed_by_region_profile_and_endpoint_from_configure() -> None:
    h = harness()
    h.provider.configure(
        ConfigureRequest(
            Config({"aws:profile": "ops", "connect-numbers:endpoint": "http://localhost:1"}, "p")
        )
    )
    h.stub.add_response("describe_phone_number", summary())
    with h.stub:
        h.provider.read(
            "arn:aws:connect:eu-west-1:123456789012:phone-number/abc", {"__provider": "x"}
        )
    assert h.keys == [ClientKey("eu-west-1", "ops", "http://localhost:1")]


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
