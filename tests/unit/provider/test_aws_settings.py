"""AWS settings from stack config (`configure`), and the client key they give each call."""

from __future__ import annotations

from pulumi.dynamic import Config, ConfigureRequest

from connect_numbers.aws.clients import ClientKey
from connect_numbers.aws.settings import AwsSettings, from_config

from .fakes import harness, summary


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
