from __future__ import annotations

from connect_numbers.engine.plugin.timeouts import wait_timeout, without_unset_timeout


def test_custom_timeouts_set_the_wait_deadline_when_the_input_is_unset() -> None:
    assert wait_timeout({}, 120.0) == 120.0


def test_the_input_wins_over_custom_timeouts_when_the_user_set_it() -> None:
    assert wait_timeout({"wait_timeout_seconds": 30.0}, 120.0) is None  # the input's value


def test_no_custom_timeout_means_the_inputs_value_or_its_default() -> None:
    assert wait_timeout({}, 0) is None


def test_an_unset_timeout_is_left_out_of_what_the_plugin_stores() -> None:
    assert without_unset_timeout({"wait_timeout_seconds": 600.0, "a": 1}, False) == {"a": 1}
    assert without_unset_timeout({"wait_timeout_seconds": 30.0}, True) == {
        "wait_timeout_seconds": 30.0
    }
