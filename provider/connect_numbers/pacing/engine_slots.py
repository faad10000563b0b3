"""Whether `pulumi up --parallel` holds the imports back: one line, once per provider process.

Why: each create holds one of the engine's slots until its number is claimed, so with
`--parallel P` at most P imports are in flight, that is P per claim time, which is below the
Import budget once P < rate x claim time. Only the provider sees both sides: the creates the
engine has planned (their checks, which no slot holds back) and the ones it runs (at most P at
once; the engine checks a few resources ahead of its slots, so the count of those waiting is a
lower bound). The line says how many wait, the claim time seen, and the `--parallel` that would
reach the budget; it is said once, and never when nothing waits (one number, or enough slots).
"""

from __future__ import annotations

import math
import threading
from dataclasses import dataclass, field


def bottleneck_line(waiting: int, claim_time: float, slots: int, needed: int, rate: float) -> str:
    return (
        f"connect-numbers: at least {waiting} more number(s) wait for one of the engine's {slots} "
        f"slots while each import holds one until its claim (about {claim_time:.0f} s here): "
        f"`pulumi up --parallel {needed}` would import at the API budget of {rate:g}/s"
    )


@dataclass
class EngineSlots:
    planned: int = 0  # creates the engine has checked (new resources)
    started: int = 0
    running: int = 0
    said: bool = False
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def planned_create(self) -> None:
        with self._lock:
            self.planned += 1

    def started_create(self) -> None:
        with self._lock:
            self.started += 1
            self.running += 1

    def finished_create(self, claim_time: float | None, import_rate: float) -> str | None:
        """The line, the first time a create ends with slots full, numbers waiting, and fewer
        slots than the budget could keep busy over the claim time seen."""
        with self._lock:
            slots = self.running
            self.running -= 1
            waiting = self.planned - self.started
            if self.said or waiting <= 0 or claim_time is None or import_rate <= 0:
                return None
            needed = math.ceil(import_rate * claim_time)
            if slots >= needed:
                return None
            self.said = True
        return bottleneck_line(waiting, claim_time, slots, needed, import_rate)


# One per provider process: the dynamic provider is unpickled for every call, so the count
# cannot live on it.
SLOTS = EngineSlots()
