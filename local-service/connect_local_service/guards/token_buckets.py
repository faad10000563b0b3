"""Throttling: a token bucket per operation name, and one for "*" (every operation).

Buckets run on the monotonic wall clock, not the service clock: throttling is about how fast a
client calls, and a virtual clock that stands still would otherwise never refill them.
"""

from __future__ import annotations

import threading
import time

from connect_local_service.server.service_settings import ThrottleRule


class TokenBuckets:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._rules: dict[str, ThrottleRule] = {}
        self._tokens: dict[str, float] = {}
        self._stamp: dict[str, float] = {}

    def configure(self, operation: str, rule: ThrottleRule | None) -> None:
        with self._lock:
            if rule is None:
                self._rules.pop(operation, None)
            else:
                self._rules[operation] = rule
                self._tokens[operation] = rule.burst
                self._stamp[operation] = time.monotonic()

    def clear(self) -> None:
        with self._lock:
            self._rules.clear()

    def take(self, operation: str) -> bool:
        """Spends one token from the operation's bucket and from the "*" bucket, if any."""
        with self._lock:
            keys = [k for k in (operation, "*") if k in self._rules]
            now = time.monotonic()
            for key in keys:
                rule = self._rules[key]
                elapsed = now - self._stamp[key]
                self._tokens[key] = min(rule.burst, self._tokens[key] + elapsed * rule.rate)
                self._stamp[key] = now
            if any(self._tokens[key] < 1.0 for key in keys):
                return False
            for key in keys:
                self._tokens[key] -= 1.0
            return True
