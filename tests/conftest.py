"""Session-wide reporting: the dependency versions the user-install tests ran against."""

from __future__ import annotations

from typing import Any

from tests.support.user_install import TESTED_VERSIONS


def pytest_terminal_summary(terminalreporter: Any) -> None:
    for variant, versions in sorted(TESTED_VERSIONS.items()):
        listed = ", ".join(f"{name} {version}" for name, version in sorted(versions.items()))
        terminalreporter.write_line(f"SDK range, {variant} end tested: {listed}")
