from __future__ import annotations

from pulumi.provider.experimental.property_value import PropertyValue
from pulumi.runtime.rpc import UNKNOWN

from connect_numbers.engine.plugin.property_values import plain_map, property_map, to_plain


def test_plain_values_round_trip_through_property_values() -> None:
    values = {"description": "x", "adopt": True, "tags": {"team": "care"}, "region": None}
    assert plain_map(property_map(values)) == values


def test_integers_go_out_as_the_protocols_float() -> None:
    assert property_map({"wait_timeout_seconds": 30})["wait_timeout_seconds"].value == 30.0


def test_a_computed_value_reads_as_the_unknown_sentinel_the_shared_code_knows() -> None:
    assert to_plain(PropertyValue.computed()) == UNKNOWN
    nested = PropertyValue({"team": PropertyValue.computed()})
    assert to_plain(nested) == {"team": UNKNOWN}


def test_a_secret_is_unwrapped_to_its_value() -> None:
    assert to_plain(PropertyValue("x", is_secret=True)) == "x"
