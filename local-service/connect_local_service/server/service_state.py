"""Everything a running service holds besides its store rows: settings, clock, faults, log."""

from __future__ import annotations

import collections
import copy
import threading
from typing import Any

from connect_local_service.guards.fault_injection import Faults
from connect_local_service.guards.token_buckets import TokenBuckets
from connect_local_service.server.clock import Clock
from connect_local_service.server.service_settings import LocalServiceSettings, ThrottleRule
from connect_local_service.store import Store


class ServiceState:
    def __init__(self, settings: LocalServiceSettings, store: Store) -> None:
        self.base_settings = copy.deepcopy(settings)
        self.settings = copy.deepcopy(settings)
        self.store = store
        offset = store.get_meta("clock_offset")
        self.clock = Clock(settings.virtual_clock, float(offset) if offset else 0.0)
        self.faults = Faults()
        self.buckets = TokenBuckets()
        self._log_lock = threading.Lock()
        self.request_log: collections.deque[dict[str, Any]] = collections.deque(
            maxlen=settings.request_log_limit
        )
        self._apply_throttles()

    def _apply_throttles(self) -> None:
        self.buckets.clear()
        for operation, rule in self.settings.throttle.items():
            self.buckets.configure(operation, rule)

    def set_throttle(self, operation: str, rule: ThrottleRule | None) -> None:
        if rule is None:
            self.settings.throttle.pop(operation, None)
        else:
            self.settings.throttle[operation] = rule
        self.buckets.configure(operation, rule)

    def reset(self) -> None:
        """Back to the state of a fresh service started with the same settings (seed aside)."""
        self.store.reset()
        self.settings = copy.deepcopy(self.base_settings)
        self.clock.set_offset(0.0)
        self.faults.clear()
        self._apply_throttles()
        self.clear_log()

    def advance_clock(self, seconds: float) -> float:
        offset = self.clock.advance(seconds)
        self.store.set_meta("clock_offset", repr(offset))
        return self.clock.now()

    def log(self, entry: dict[str, Any]) -> None:
        with self._log_lock:
            self.request_log.append(entry)

    def log_entries(self) -> list[dict[str, Any]]:
        with self._log_lock:
            return list(self.request_log)

    def clear_log(self) -> None:
        with self._log_lock:
            self.request_log.clear()
