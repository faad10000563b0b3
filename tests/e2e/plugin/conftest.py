"""The CLI transcript of the YAML program tests, printed at the end of the pytest run so that a CI
log shows each command and what the real CLI answered (pytest calls `pytest_terminal_summary`
of every registered conftest, this one included when its tests are collected)."""

from __future__ import annotations

from typing import Any

from tests.e2e.plugin.transcript import TRANSCRIPT


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if not TRANSCRIPT:
        return
    terminalreporter.section("YAML program transcript (pulumi CLI)")
    for line in TRANSCRIPT:
        terminalreporter.write_line(line)
