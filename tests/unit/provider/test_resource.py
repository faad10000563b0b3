"""The program side: what `ImportedPhoneNumber` registers with the engine."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pulumi
import pytest

from connect_numbers import ImportedPhoneNumber, ImportedPhoneNumberArgs

from .fakes import INSTANCE_ID, SOURCE_ARN
from .program_mocks import Recorder, recording


@pytest.fixture
def recorder() -> Iterator[Recorder]:
    with recording({"phone_number_id": "pn-1", "phone_number": "+18005550100"}) as mocks:
        yield mocks


@pulumi.runtime.test
def test_registers_the_dynamic_type_with_declared_inputs_and_the_owner(recorder: Recorder) -> Any:
    number = ImportedPhoneNumber(
        "support-line",
        ImportedPhoneNumberArgs(
            instance_id=INSTANCE_ID,
            source_phone_number_arn=SOURCE_ARN,
            description="support",
            tags={"team": "care"},
        ),
    )

    def check(_: Any) -> None:
        [registered] = recorder.resources
        assert registered.typ == "pulumi-python:dynamic/connect_numbers:ImportedPhoneNumber"
        assert registered.name == "support-line"
        inputs = registered.inputs
        assert inputs["instance_id"] == INSTANCE_ID
        assert inputs["source_phone_number_arn"] == SOURCE_ARN
        assert inputs["description"] == "support"
        assert inputs["tags"] == {"team": "care"}
        assert inputs["owner"] == "phones/dev/support-line"
        assert "__provider" in inputs

    return pulumi.Output.all(number.phone_number_id, number.phone_number).apply(check)


@pulumi.runtime.test
def test_outputs_are_typed_attributes(recorder: Recorder) -> Any:
    number = ImportedPhoneNumber(
        "n", ImportedPhoneNumberArgs(instance_id=INSTANCE_ID, source_phone_number_arn=SOURCE_ARN)
    )
    return number.phone_number.apply(lambda value: assertion(value == "+18005550100"))


def assertion(condition: bool) -> None:
    assert condition
