"""Injected failures: the error answers, latency and dropped connections a real network and
service produce, on the operations and for the number of calls a test asks for.
"""

from __future__ import annotations

import random
import threading
from dataclasses import asdict, dataclass
from typing import Any, Literal

FaultKind = Literal["error", "reset", "latency"]


@dataclass
class FaultRule:
    # Operation name ("ImportPhoneNumber") or None for every AWS operation.
    operation: str | None = None
    kind: FaultKind = "error"
    status: int = 500
    code: str | None = None
    # Applies to the next `count` matching calls; None means until cleared.
    count: int | None = None
    # Each matching call is hit with this probability (after `count` is considered).
    probability: float = 1.0
    latency: float = 0.0
    # For resets: "before" loses the request, "after" runs it and loses the response.
    when: Literal["before", "after"] = "before"

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class FaultDecision:
    latency: float = 0.0
    error: FaultRule | None = None
    reset: FaultRule | None = None


class Faults:
    def __init__(self, seed: int | None = None) -> None:
        self._lock = threading.Lock()
        self._rules: list[FaultRule] = []
        self._random = random.Random(seed)

    def add(self, rule: FaultRule) -> None:
        with self._lock:
            self._rules.append(rule)

    def clear(self) -> None:
        with self._lock:
            self._rules.clear()

    def rules(self) -> list[FaultRule]:
        with self._lock:
            return list(self._rules)

    def decide(self, operation: str) -> FaultDecision:
        decision = FaultDecision()
        with self._lock:
            for rule in list(self._rules):
                if rule.operation not in (None, operation):
                    continue
                if rule.probability < 1.0 and self._random.random() >= rule.probability:
                    continue
                if rule.kind == "latency":
                    decision.latency += rule.latency
                elif decision.error is None and decision.reset is None:
                    if rule.kind == "error":
                        decision.error = rule
                    else:
                        decision.reset = rule
                else:
                    continue
                if rule.count is not None:
                    rule.count -= 1
                    if rule.count <= 0:
                        self._rules.remove(rule)
        return decision


def default_fault_code(status: int, internal_code: str) -> str:
    if status == 429:
        return "ThrottlingException"
    if status == 500:
        return internal_code
    if status >= 500:
        return "ServiceUnavailableException"
    return "InvalidRequestException"
