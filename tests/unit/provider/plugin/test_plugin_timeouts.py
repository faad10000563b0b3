from __future__ import annotations

import pytest

from connect_numbers.engine.plugin.timeouts import (
    naming_the_deadline,
    wait_timeout,
    without_unset_timeout,
)
from connect_numbers.errors import WaitTimeoutError


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


def test_a_wait_timed_out_under_custom_timeouts_names_custom_timeouts() -> None:
    resume = "run `pulumi up` again; raise wait_timeout_seconds if imports take longer"
    with pytest.raises(WaitTimeoutError) as caught, naming_the_deadline(2.0):
        raise WaitTimeoutError("p-1", "IN_PROGRESS", 2.0, resume)
    assert "after 2 s (customTimeouts)" in str(caught.value)
    assert "raise customTimeouts if" in str(caught.value)
    assert "wait_timeout_seconds" not in str(caught.value)


def test_a_wait_timed_out_under_the_input_names_it_as_plugin_users_write_it() -> None:
    resume = "run `pulumi up` again; raise wait_timeout_seconds if imports take longer"
    with pytest.raises(WaitTimeoutError) as caught, naming_the_deadline(None):
        raise WaitTimeoutError("p-1", "IN_PROGRESS", 600.0, resume)
    assert "after 600 s (waitTimeoutSeconds)" in str(caught.value)
    assert "raise waitTimeoutSeconds if" in str(caught.value)
    assert "wait_timeout_seconds" not in str(caught.value)
