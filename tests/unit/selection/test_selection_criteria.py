"""A selection's fields, checked before any call, and how it is asked of End User Messaging."""

from __future__ import annotations

import pytest

from connect_numbers.selection.criteria import (
    Selection,
    SelectionError,
    check_template,
    child_name,
    describe,
    matches_tags,
    selection_from,
)
from connect_numbers.selection.ledger import leaving

SOURCE = "arn:aws:sms-voice:us-east-1:123456789012:phone-number/phone-0123456789abcdef"


def test_stack_config_keys_read_into_a_selection_with_voice_and_active_by_default() -> None:
    selection = selection_from({"isoCountryCode": "US", "numberType": "TOLL_FREE"})
    assert selection == Selection("US", "TOLL_FREE", ("VOICE",), "ACTIVE", {})


def test_the_filters_ask_for_status_country_type_and_each_capability() -> None:
    selection = Selection("US", "TOLL_FREE", ("VOICE", "SMS"), "ACTIVE")
    assert selection.filters() == [
        {"Name": "status", "Values": ["ACTIVE"]},
        {"Name": "iso-country-code", "Values": ["US"]},
        {"Name": "number-type", "Values": ["TOLL_FREE"]},
        {"Name": "number-capability", "Values": ["VOICE"]},
        {"Name": "number-capability", "Values": ["SMS"]},
    ]


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"isoCountryCode": "usa"}, "selection.isoCountryCode"),
        ({"numberType": "FREE"}, "selection.numberType"),
        ({"capabilities": ["FAX"]}, "selection.capabilities"),
        ({"capabilities": "VOICE"}, "selection.capabilities"),
        ({"status": "LIVE"}, "selection.status"),
        ({"tags": {"pool": 1}}, "selection.tags"),
        ({"country": "US"}, "unknown keys: country"),
    ],
)
def test_a_wrong_field_fails_naming_it(values: dict[str, object], field: str) -> None:
    with pytest.raises(SelectionError, match=field.replace(".", r"\.")):
        selection_from(values)


def test_a_child_is_named_from_its_sources_own_id_never_a_position() -> None:
    assert child_name("care", SOURCE) == "care-phone-0123456789abcdef"


def test_tags_match_only_when_every_wanted_tag_has_its_value() -> None:
    assert matches_tags({"pool": "care"}, {"pool": "care", "x": "y"})
    assert not matches_tags({"pool": "care"}, {"pool": "sales"})
    assert not matches_tags({"pool": "care"}, {})


def test_a_description_template_fills_the_documented_placeholders() -> None:
    template = check_template("Care {phone_number} ({iso_country_code})")
    assert describe(template, {"phone_number": "+18005550100", "iso_country_code": "US"}) == (
        "Care +18005550100 (US)"
    )


def test_an_unknown_placeholder_fails_naming_the_description() -> None:
    with pytest.raises(SelectionError, match=r"selection\.description uses unknown placeholders"):
        check_template("Care {number}")


def test_the_sources_that_left_are_those_of_the_last_run_not_in_this_one() -> None:
    assert leaving(["a", "b", "c"], ["b"]) == ["a", "c"]
    assert leaving(None, ["a"]) == []
    assert leaving(["a"], ["a", "b"]) == []
