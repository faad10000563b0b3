"""The provider object in state: pickled by reference, small, not secret, and empty."""

from __future__ import annotations

import base64
import subprocess
import sys

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


# The README's limit on dynamic resources per program is the SDK's, not ours: each call of
# serialize_provider wraps pickle's _batch_setitems in one more sorting wrapper and never unwraps
# it, so the stack depth of every later pickling grows by one per dynamic resource registered.
# When an SDK fixes this, this test fails and the limit can leave the README.
COUNT_SERIALIZATIONS_UNTIL_RECURSION_ERROR = """
from pulumi.dynamic.dynamic import serialize_provider
from connect_numbers.engine.dynamic.provider import ImportedPhoneNumberProvider
provider = ImportedPhoneNumberProvider()
for count in range(2000):
    try:
        serialize_provider(provider)
    except RecursionError:
        break
print(count)
"""


def test_a_python_program_can_register_fewer_than_a_thousand_dynamic_resources() -> None:
    # A process of its own: the wrappers stay in pickle for the rest of the process.
    ran = subprocess.run(
        [sys.executable, "-c", COUNT_SERIALIZATIONS_UNTIL_RECURSION_ERROR],
        capture_output=True,
        text=True,
        check=True,
    )
    assert 900 < int(ran.stdout) < 1000, ran.stdout
