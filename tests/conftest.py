"""Session-wide reporting: the dependency versions the user-install tests ran against, and the
disk the session's temporary folders hold, since CI machines differ in how much they have."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

from tests.support.user_install import TESTED_VERSIONS


def _size_of(folder: Path) -> int:
    return sum(
        (Path(parent) / name).lstat().st_size
        for parent, _, names in os.walk(folder)
        for name in names
    )


def pytest_terminal_summary(terminalreporter: Any) -> None:
    for variant, versions in sorted(TESTED_VERSIONS.items()):
        listed = ", ".join(f"{name} {version}" for name, version in sorted(versions.items()))
        terminalreporter.write_line(f"SDK range, {variant} end tested: {listed}")
    # A session whose tests all passed has removed its basetemp by now.
    basetemp = terminalreporter.config._tmp_path_factory.getbasetemp()
    kept = _size_of(basetemp) if basetemp.exists() else 0
    free = shutil.disk_usage(tempfile.gettempdir()).free
    terminalreporter.write_line(
        f"disk: temporary folders kept {kept / 2**20:.0f} MiB in {basetemp}, "
        f"{free / 2**30:.1f} GiB free"
    )
