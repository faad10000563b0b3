"""Peak memory and threads of the provider process, read from /proc.

The engine starts the provider (`python -u -m pulumi.dynamic` for the dynamic resource,
`pulumi-resource-connect-numbers` for the plugin) with the program's folder as working directory,
so a sampler thread finds it by a word of its command line and its cwd and keeps the largest
VmHWM (the kernel's own high-water mark of resident memory) and the largest thread count seen
while the process is alive. Nothing in the product changes.
"""

from __future__ import annotations

import threading
from pathlib import Path

PROC = Path("/proc")


DYNAMIC_PROVIDER = b"pulumi.dynamic"


def _provider_pids(work_dir: Path, marker: bytes = DYNAMIC_PROVIDER) -> list[int]:
    found: list[int] = []
    for entry in PROC.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes().split(b"\0")
            if not any(part == marker or part.endswith(b"/" + marker) for part in cmdline):
                continue
            if Path((entry / "cwd").readlink()) != work_dir:
                continue
        except OSError:
            continue
        found.append(int(entry.name))
    return found


def _status_field(pid: int, name: str) -> int | None:
    try:
        for line in (PROC / str(pid) / "status").read_text().splitlines():
            if line.startswith(f"{name}:"):
                return int(line.split()[1])
    except OSError:
        return None
    return None


class PeakMemory:
    """Context manager: the largest VmHWM (`peak_kib`) and `Threads` of any provider process."""

    def __init__(
        self, work_dir: Path, interval: float = 0.1, marker: bytes = DYNAMIC_PROVIDER
    ) -> None:
        self.work_dir = work_dir.resolve()
        self.marker = marker
        self.interval = interval
        self.peak_kib = 0
        self.peak_threads = 0
        self.pids: set[int] = set()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            for pid in _provider_pids(self.work_dir, self.marker):
                self.pids.add(pid)
                value = _status_field(pid, "VmHWM")
                if value is not None:
                    self.peak_kib = max(self.peak_kib, value)
                threads = _status_field(pid, "Threads")
                if threads is not None:
                    self.peak_threads = max(self.peak_threads, threads)
            self._stop.wait(self.interval)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def peak_rss_kib(pid: int) -> int:
    """A live process's own high-water mark of resident memory (0 once it is gone)."""
    return _status_field(pid, "VmHWM") or 0
