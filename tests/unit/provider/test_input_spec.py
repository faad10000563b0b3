"""The input spec: each input declared once, and what derives from the declaration."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

import pytest
from pulumi.runtime.rpc import UNKNOWN

from connect_numbers import ImportedPhoneNumber, ImportedPhoneNumberArgs
from connect_numbers.engine.outputs import COMPUTED
from connect_numbers.inputs.bags import inputs_from_live, parse, with_defaults
from connect_numbers.inputs.declaration import (
    Change,
    InputFacts,
    contains_unknown,
    kind_of,
    specs_of,
)
from connect_numbers.inputs.diff import IN_PLACE, REPLACING
from connect_numbers.inputs.readme_table import inputs_table
from connect_numbers.inputs.spec import INPUTS, NO_CALL, USER_INPUTS, InputsAsOutputs, NumberInputs
from connect_numbers.inputs.stack_config import PER_NUMBER, STACK_WIDE
from connect_numbers.workflows.phone_number import PhoneNumber, Status

from .fakes import INSTANCE_ID, OWNER, SOURCE_ARN, inputs

NAMES = [
    "instance_id",
    "target_arn",
    "source_phone_number_arn",
    "description",
    "tags",
    "contact_flow_id",
    "adopt",
    "wait_timeout_seconds",
    "region",
    "owner",
]


def test_the_inputs_are_the_fields_of_number_inputs_in_declaration_order() -> None:
    assert [spec.name for spec in INPUTS] == NAMES
    assert [field.name for field in dataclasses.fields(NumberInputs)] == NAMES


def test_only_the_owner_is_hidden_from_users() -> None:
    assert [spec.name for spec in INPUTS if spec.facts.hidden] == ["owner"]


def test_the_args_class_takes_every_user_input_in_spec_order() -> None:
    fields = dataclasses.fields(ImportedPhoneNumberArgs)
    assert [field.name for field in fields] == [spec.name for spec in USER_INPUTS]


@pytest.mark.parametrize("spec", USER_INPUTS, ids=lambda spec: spec.name)
def test_an_args_field_is_required_exactly_when_the_input_is(spec: Any) -> None:
    field = {f.name: f for f in dataclasses.fields(ImportedPhoneNumberArgs)}[spec.name]
    assert (field.default is dataclasses.MISSING) == spec.required
    if not spec.required:
        assert field.default is None  # None: the provider's default applies


ARGS_ANNOTATION = {
    "text": "pulumi.Input[str]",
    "flag": "pulumi.Input[bool]",
    "number": "pulumi.Input[float]",
    "map": "pulumi.Input[Mapping[str, pulumi.Input[str]]]",
}


@pytest.mark.parametrize("spec", USER_INPUTS, ids=lambda spec: spec.name)
def test_an_args_field_accepts_the_declared_type_or_an_output_of_it(spec: Any) -> None:
    expected = ARGS_ANNOTATION[spec.kind] + ("" if spec.required else " | None")
    assert ImportedPhoneNumberArgs.__annotations__[spec.name] == expected


def test_the_args_docstring_documents_every_user_input() -> None:
    doc = str(ImportedPhoneNumberArgs.__doc__)
    assert all(f":param {spec.name}: {spec.facts.doc}" in doc for spec in USER_INPUTS)


def test_the_resource_has_a_typed_output_for_every_input_and_computed_output() -> None:
    annotated = {
        name: annotation
        for cls in ImportedPhoneNumber.__mro__
        for name, annotation in vars(cls).get("__annotations__", {}).items()
    }
    assert list(InputsAsOutputs.__annotations__) == NAMES
    for name in NAMES + [output.name for output in COMPUTED]:
        assert annotated[name].startswith("pulumi.Output["), name


def test_only_a_new_source_number_replaces_and_region_is_not_compared() -> None:
    assert [spec.name for spec in REPLACING] == ["source_phone_number_arn"]
    not_compared = [spec.name for spec in INPUTS if spec.facts.change is Change.NOT_COMPARED]
    assert not_compared == ["region"]
    assert len(REPLACING) + len(IN_PLACE) + len(not_compared) == len(INPUTS)


def test_defaults_fill_optional_inputs_and_leave_required_ones_missing() -> None:
    assert with_defaults({}) == {
        "instance_id": None,
        "target_arn": None,
        "source_phone_number_arn": None,
        "description": "",
        "tags": {},
        "contact_flow_id": None,
        "adopt": False,
        "wait_timeout_seconds": 600.0,
        "region": None,
        "owner": None,
    }


def test_a_whole_number_of_seconds_is_stored_as_a_float() -> None:
    stored = with_defaults({"wait_timeout_seconds": 60})["wait_timeout_seconds"]
    assert stored == 60.0 and isinstance(stored, float)


def test_each_call_gets_its_own_default_tags() -> None:
    first = with_defaults({})["tags"]
    first["mutated"] = "yes"
    assert with_defaults({})["tags"] == {}


def test_checked_inputs_parse_into_typed_inputs() -> None:
    assert parse(inputs()) == NumberInputs(
        instance_id=INSTANCE_ID,
        source_phone_number_arn=SOURCE_ARN,
        description="support line",
        tags={"team": "care"},
        adopt=False,
        wait_timeout_seconds=600.0,
        region=None,
        owner=OWNER,
    )


def test_a_state_without_inputs_parses_to_defaults_and_empty_required_text() -> None:
    parsed = parse({"__provider": "x"})
    assert parsed.instance_id is None and parsed.owner == "" and parsed.region is None
    assert parsed.wait_timeout_seconds == 600.0 and parsed.tags == {}


def test_the_desired_tags_are_the_users_plus_the_owner_tag() -> None:
    assert parse(inputs(tags={"a": "1"})).desired_tags() == {
        "a": "1",
        "connect-numbers:owner": OWNER,
    }


def test_refresh_reports_a_value_for_every_input() -> None:

    live = PhoneNumber(
        "pn", "arn:aws:connect:us-east-1:123456789012:phone-number/pn", Status.CLAIMED
    )
    assert list(inputs_from_live(live, parse(inputs()))) == NAMES


def test_every_user_input_but_region_has_a_stack_config_key_and_keys_are_unique() -> None:
    keyed = STACK_WIDE + PER_NUMBER
    assert [spec.name for spec in USER_INPUTS if spec not in keyed] == ["region"]
    keys = [spec.facts.config_key for spec in keyed]
    assert len(set(keys)) == len(keys) and "name" not in keys
    assert [spec.name for spec in STACK_WIDE] == ["instance_id", "target_arn"]


@pytest.mark.parametrize(
    ("annotation", "kind"),
    [
        (str, "text"),
        (str | None, "text"),
        (bool, "flag"),
        (float, "number"),
        (Mapping[str, str], "map"),
    ],
)
def test_each_annotation_has_a_kind(annotation: Any, kind: str) -> None:
    assert kind_of(annotation) == kind


def test_an_annotation_without_a_kind_is_refused() -> None:
    with pytest.raises(TypeError):
        kind_of(int)


def test_the_inputs_table_has_one_row_per_user_input_with_its_limits() -> None:
    rows = inputs_table().splitlines()[2:]
    assert [row.split(" | ")[0] for row in rows] == [f"| `{s.name}`" for s in USER_INPUTS]
    description_row = rows[[s.name for s in USER_INPUTS].index("description")]
    assert "at most 500 characters" in description_row and "UpdatePhoneNumberMetadata" in (
        description_row
    )


FACTS = InputFacts(
    doc="an input of a test declaration",
    change=Change.IN_PLACE,
    applied_by=NO_CALL,
    check=lambda _: [],
    from_live=lambda _number, _declared: None,
)


@dataclasses.dataclass(frozen=True, kw_only=True)
class Declared:
    needed: str = dataclasses.field(metadata=FACTS.metadata())
    note: str = dataclasses.field(default="n/a", metadata=FACTS.metadata())
    labels: Mapping[str, str] = dataclasses.field(default_factory=dict, metadata=FACTS.metadata())
    maybe: str | None = dataclasses.field(default=None, metadata=FACTS.metadata())


def test_a_declaration_gives_each_input_its_field_name_type_kind_and_facts() -> None:
    specs = specs_of(Declared)
    assert [(s.name, s.python_type, s.kind) for s in specs] == [
        ("needed", str, "text"),
        ("note", str, "text"),
        ("labels", Mapping[str, str], "map"),
        ("maybe", str | None, "text"),
    ]
    assert all(spec.facts is FACTS for spec in specs)


def test_an_input_is_required_exactly_when_its_field_has_no_default() -> None:
    assert [spec.required for spec in specs_of(Declared)] == [True, False, False, False]


def test_an_input_default_is_its_field_default_or_a_fresh_value_of_its_factory() -> None:
    needed, note, labels, maybe = specs_of(Declared)
    assert needed.default() is None and note.default() == "n/a" and maybe.default() is None
    assert labels.default() == {} and labels.default() is not labels.default()


def test_the_refusal_of_an_annotation_without_a_kind_names_it() -> None:
    with pytest.raises(TypeError, match="no input kind for <class 'int'>"):
        kind_of(int)


def test_a_map_contains_an_unknown_when_any_of_its_values_is_unknown() -> None:
    assert contains_unknown({"a": "x", "b": UNKNOWN}) is True
    assert contains_unknown({"a": "x"}) is False


def test_a_single_value_contains_an_unknown_only_when_it_is_unknown() -> None:
    assert contains_unknown(UNKNOWN) is True
    assert contains_unknown("x") is False


def test_the_program_registers_every_user_input_as_given_and_the_owner() -> None:
    args = ImportedPhoneNumberArgs(
        instance_id=INSTANCE_ID, source_phone_number_arn=SOURCE_ARN, adopt=True
    )
    assert args.properties("phones/dev/line") == {
        "instance_id": INSTANCE_ID,
        "target_arn": None,
        "source_phone_number_arn": SOURCE_ARN,
        "description": None,
        "tags": None,
        "contact_flow_id": None,
        "adopt": True,
        "wait_timeout_seconds": None,
        "region": None,
        "owner": "phones/dev/line",
    }


def test_a_declared_flag_and_number_of_seconds_parse_as_given() -> None:
    parsed = parse(inputs(adopt=True, wait_timeout_seconds=90))
    assert parsed.adopt is True
    assert parsed.wait_timeout_seconds == 90.0 and isinstance(parsed.wait_timeout_seconds, float)


def test_values_of_another_type_in_an_old_state_read_as_defaults() -> None:
    parsed = parse(
        {
            "instance_id": 7,
            "description": 5,
            "tags": "team=care",
            "adopt": "yes",
            "wait_timeout_seconds": "10",
            "region": 3,
        }
    )
    assert parsed.instance_id is None and parsed.description == "" and parsed.tags == {}
    assert parsed.adopt is False and parsed.wait_timeout_seconds == 600.0
    assert parsed.region is None


def test_a_boolean_in_an_old_state_is_not_read_as_a_number_of_seconds() -> None:
    assert parse({"wait_timeout_seconds": True}).wait_timeout_seconds == 600.0
