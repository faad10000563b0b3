"""The plugin's schema says what the input spec says: every input, its type and doc, no more."""

from __future__ import annotations

import json

from pulumi.provider.experimental.provider import GetSchemaRequest

from connect_numbers.engine.outputs import COMPUTED
from connect_numbers.inputs.schema import CONFIG, RESOURCE_TOKEN, package_schema, property_type
from connect_numbers.inputs.spec import INPUTS, USER_INPUTS
from connect_numbers.inputs.wire_names import wire_name
from connect_numbers.workflows.ownership import GENERATION_OUTPUT

from .support import plugin, run

RESOURCE = package_schema("1.2.3")["resources"][RESOURCE_TOKEN]


def test_every_user_input_is_an_input_property_with_its_type_and_doc_and_nothing_else() -> None:
    assert list(RESOURCE["inputProperties"]) == [wire_name(spec.name) for spec in USER_INPUTS]
    for spec in USER_INPUTS:
        declared = RESOURCE["inputProperties"][wire_name(spec.name)]
        assert declared == {**property_type(spec), "description": spec.facts.doc}


def test_required_inputs_are_the_specs_required_user_inputs() -> None:
    assert RESOURCE["requiredInputs"] == [wire_name(s.name) for s in USER_INPUTS if s.required]


def test_outputs_are_every_input_plus_the_computed_outputs() -> None:
    expected = [s.name for s in INPUTS] + [c.name for c in COMPUTED] + [GENERATION_OUTPUT]
    assert sorted(RESOURCE["properties"]) == sorted(wire_name(name) for name in expected)
    for spec in INPUTS:
        assert RESOURCE["properties"][wire_name(spec.name)]["description"] == spec.facts.doc


def test_property_names_are_camel_case_and_match_the_stack_config_keys() -> None:
    for spec in INPUTS:
        assert "_" not in wire_name(spec.name)
        if spec.facts.config_key is not None:
            assert wire_name(spec.name) == spec.facts.config_key


def test_get_schema_serves_the_package_named_connect_numbers_with_provider_config() -> None:
    response = run(plugin().get_schema(GetSchemaRequest(0)))
    schema = json.loads(response.schema or "")
    assert schema["name"] == "connect-numbers"
    assert schema["config"]["variables"] == CONFIG
    assert set(schema["provider"]["inputProperties"]) == {
        "region",
        "profile",
        "endpoint",
        "apiRateLimit",
        "apiBurstLimit",
        "apiLimits",
    }
