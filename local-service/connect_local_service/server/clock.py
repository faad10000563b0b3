"""The service clock: wall time, or a virtual time that moves only when told.

Delays, ClientToken expiry and the 180-day release window all read this clock, so tests can
cover months in milliseconds. The offset is persisted by the store so that a restarted service
keeps its notion of "now" (quota history stays meaningful across restarts in virtual mode).
"""

from __future__ import annotations

import threading
import time

# 2024-01-01T00:00:00Z: a fixed, readable start for virtual time.
VIRTUAL_EPOCH = 1_704_067_200.0


class Clock:
    def __init__(self, virtual: bool, offset: float = 0.0) -> None:
        self.virtual = virtual
        self._offset = offset
        self._lock = threading.Lock()

    @property
    def offset(self) -> float:
        with self._lock:
            return self._offset

    def now(self) -> float:
        base = VIRTUAL_EPOCH if self.virtual else time.time()
        with self._lock:
            return base + self._offset

    def advance(self, seconds: float) -> float:
        if seconds < 0:
            raise ValueError("the service clock never moves backwards")
        with self._lock:
            self._offset += seconds
            return self._offset

    def set_offset(self, offset: float) -> None:
        with self._lock:
            self._offset = offset
