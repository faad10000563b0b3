"""When `--parallel` holds the imports back (`pacing.engine_slots`): one line, said once."""

from __future__ import annotations

from connect_numbers.pacing.engine_slots import EngineSlots


def _engine(planned: int, slots: int) -> EngineSlots:
    watch = EngineSlots()
    for _ in range(planned):
        watch.planned_create()
    for _ in range(min(slots, planned)):
        watch.started_create()
    return watch


def test_numbers_waiting_behind_too_few_slots_for_the_claim_time_get_the_line() -> None:
    watch = _engine(planned=50, slots=8)

    line = watch.finished_create(claim_time=20.0, import_rate=2.0)

    assert line is not None
    assert "at least 42 more number(s) wait" in line and "8 slots" in line
    assert "about 20 s" in line and "--parallel 40" in line and "2/s" in line


def test_the_line_is_said_once_per_process() -> None:
    watch = _engine(planned=50, slots=8)
    assert watch.finished_create(20.0, 2.0) is not None
    watch.started_create()
    assert watch.finished_create(20.0, 2.0) is None


def test_one_number_never_gets_the_line() -> None:
    watch = _engine(planned=1, slots=8)
    assert watch.finished_create(claim_time=600.0, import_rate=2.0) is None


def test_enough_slots_for_the_claim_time_get_no_line() -> None:
    watch = _engine(planned=200, slots=64)
    assert watch.finished_create(claim_time=20.0, import_rate=2.0) is None


def test_short_claims_need_few_slots_and_get_no_line() -> None:
    watch = _engine(planned=200, slots=8)
    assert watch.finished_create(claim_time=2.0, import_rate=2.0) is None


def test_no_line_before_any_claim_was_seen() -> None:
    watch = _engine(planned=50, slots=8)
    assert watch.finished_create(claim_time=None, import_rate=2.0) is None
