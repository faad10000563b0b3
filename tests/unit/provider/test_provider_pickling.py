"""The provider object in state: pickled by reference, small, not secret, and empty."""

from __future__ import annotations

import base64

import dill
from pulumi.dynamic import Config, ConfigureRequest
from pulumi.dynamic.dynamic import serialize_provider

from connect_numbers.engine.dynamic.provider import ImportedPhoneNumberProvider

from .fakes import harness


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
