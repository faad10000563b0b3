"""The fault summary line and the rule that every scenario which changes numbers ends with
check(): the bookkeeping itself, on a request log the test writes."""

from __future__ import annotations

from typing import Any

import pytest

from tests.faults.invariants import Tally


class FakeLog:
    def __init__(self) -> None:
        self.entries: list[dict[str, Any]] = []

    def call(self, operation: str) -> None:
        self.entries.append({"operation": operation})

    def request_log(self) -> list[dict[str, Any]]:
        return list(self.entries)


def test_a_scenario_that_changed_numbers_without_a_check_fails_when_closed() -> None:
    tally, log = Tally(), FakeLog()
    tally.open("import", log)
    log.call("ImportPhoneNumber")

    with pytest.raises(AssertionError, match="never ran check"):
        tally.close()


def test_a_scenario_that_changed_numbers_after_its_last_check_fails_when_closed() -> None:
    tally, log = Tally(), FakeLog()
    tally.open("update", log)
    log.call("ImportPhoneNumber")
    assert tally.current is not None
    tally.current.record_check(1)
    log.call("TagResource")

    with pytest.raises(AssertionError, match="after its last check"):
        tally.close()


def test_opening_a_scenario_closes_the_one_before() -> None:
    tally, log = Tally(), FakeLog()
    tally.open("first", log)
    log.call("ReleasePhoneNumber")

    with pytest.raises(AssertionError, match="first made 1 mutating calls"):
        tally.open("second", log)


def test_the_line_counts_checked_and_unchecked_scenarios_apart_and_names_the_unchecked() -> None:
    tally, log = Tally(), FakeLog()
    log.call("DescribePhoneNumber")
    tally.open("preview", log)
    tally.open("up", log)
    log.call("ImportPhoneNumber")
    assert tally.current is not None
    tally.current.record_check(1)
    tally.close()

    line = tally.line()

    assert "scenarios=2 checked=1 unchecked=1 (preview:1)" in line
    for name in ("numbers_examined=", "orphaned=", "duplicated=", "released_by_accident="):
        assert name in line
    assert "mismatched=0" in line
