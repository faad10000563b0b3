"""The plugin speaks camelCase property names; the shared code keeps its Python names."""

from __future__ import annotations

from connect_numbers.inputs.wire_names import from_wire, python_name, to_wire, wire_name, wire_path


def test_a_python_name_goes_out_in_camel_case() -> None:
    assert wire_name("source_phone_number_arn") == "sourcePhoneNumberArn"
    assert wire_name("tags") == "tags"


def test_a_camel_case_name_comes_in_as_the_python_name() -> None:
    assert python_name("waitTimeoutSeconds") == "wait_timeout_seconds"


def test_only_top_level_keys_are_renamed_never_a_tag_key() -> None:
    values = {"phone_number_id": "p-1", "tags": {"cost_centre": "x", "teamName": "y"}}
    wire = to_wire(values)
    assert wire == {"phoneNumberId": "p-1", "tags": {"cost_centre": "x", "teamName": "y"}}
    assert from_wire(wire) == values


def test_a_detailed_diff_path_renames_its_property_not_its_map_key() -> None:
    assert wire_path("source_phone_number_arn") == "sourcePhoneNumberArn"
    assert wire_path("tags.cost_centre") == "tags.cost_centre"
