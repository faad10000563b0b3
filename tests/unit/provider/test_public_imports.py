"""What users and existing stacks name stays where it was when the package was laid out anew."""

from __future__ import annotations

import base64

import dill
from pulumi.dynamic.dynamic import serialize_provider

import connect_numbers
from connect_numbers.engine.dynamic.provider import ImportedPhoneNumberProvider

# The provider as the release before the new layout serialized it into state (by reference).
STATE_BEFORE_THE_LAYOUT = (
    "gASVQgAAAAAAAACMGGNvbm5lY3RfbnVtYmVycy5wcm92aWRlcpSMG0ltcG9ydGVk"
    "UGhvbmVOdW1iZXJQcm92aWRlcpSTlCmBlH2UYi4="
)


def test_the_package_exports_the_resource_and_its_args() -> None:
    from connect_numbers import ImportedPhoneNumber, ImportedPhoneNumberArgs

    assert ImportedPhoneNumber.__name__ == "ImportedPhoneNumber"
    assert ImportedPhoneNumberArgs.__name__ == "ImportedPhoneNumberArgs"
    assert set(connect_numbers.__all__) >= {"ImportedPhoneNumber", "ImportedPhoneNumberArgs"}


def test_state_written_before_the_layout_unpickles_to_todays_provider() -> None:
    provider = dill.loads(base64.b64decode(STATE_BEFORE_THE_LAYOUT))
    assert type(provider) is ImportedPhoneNumberProvider


def test_todays_provider_serializes_to_the_same_bytes_as_before_the_layout() -> None:
    assert serialize_provider(ImportedPhoneNumberProvider()) == STATE_BEFORE_THE_LAYOUT
