"""Peak memory of the dynamic-provider process, read from /proc without touching the product.

The engine starts `python -u -m pulumi.dynamic` with the program's folder as working directory,
so a sampler thread finds it by command line and cwd and keeps the largest VmHWM (the kernel's
own high-water mark of resident memory) seen while the process is alive.
"""

from __future__ import annotations

import threading
from pathlib import Path

PROC = Path("/proc")


def _provider_pids(work_dir: Path) -> list[int]:
    found: list[int] = []
    for entry in PROC.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes().split(b"\0")
            if b"pulumi.dynamic" not in cmdline:
                continue
            if Path((entry / "cwd").readlink()) != work_dir:
                continue
        except OSError:
            continue
        found.append(int(entry.name))
    return found


def _hwm_kib(pid: int) -> int | None:
    try:
        for line in (PROC / str(pid) / "status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        return None
    return None


class PeakMemory:
    """Context manager: `peak_kib` is the largest VmHWM of any provider process seen."""

    def __init__(self, work_dir: Path, interval: float = 0.1) -> None:
        self.work_dir = work_dir.resolve()
        self.interval = interval
        self.peak_kib = 0
        self.pids: set[int] = set()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            for pid in _provider_pids(self.work_dir):
                self.pids.add(pid)
                value = _hwm_kib(pid)
                if value is not None:
                    self.peak_kib = max(self.peak_kib, value)
            self._stop.wait(self.interval)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
