"""One plan for all the Connect calls of a provider process: pacing, throttle feedback, claims.

Why: the engine calls the provider from many threads at once (as many as `--parallel` allows),
and each thread alone cannot know what the others spend. The plan belongs to the shared client
(one per account, Region and endpoint; see `clients`), so every call made with that client,
botocore's own retries included, waits its turn in the same budgets (`pacing`), every throttled
answer slows all threads, and every import teaches the claim time to the waits that follow
(`claim_time`). It hooks into botocore's event system, where its adaptive retry mode puts its
own rate limiter: `before-send` runs before every HTTP attempt, `needs-retry` sees every answer.

A call's deadline reaches the hook through a context variable (`deadline_of_calls`), set by the
caller around its call, with the caller's clock (tests drive callers with fake clocks); without
one a call waits as long as its turn takes.
"""

from __future__ import annotations

import contextlib
import contextvars
import threading
import time
import weakref
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from connect_numbers.pacing.budgets import Budgets, Pacer
from connect_numbers.pacing.claim_time import ClaimTimes
from connect_numbers.pacing.waiter import Clock

THROTTLING_CODES = frozenset(
    {"ThrottlingException", "Throttling", "TooManyRequestsException", "RequestLimitExceeded"}
)

_DEADLINE: contextvars.ContextVar[tuple[float, Callable[[], float]] | None] = (
    contextvars.ContextVar("connect_numbers_call_deadline", default=None)
)


@contextlib.contextmanager
def deadline_of_calls(
    deadline: float | None, now: Callable[[], float] = time.monotonic
) -> Iterator[None]:
    """Calls made inside this block must be sent by `deadline`, an instant of the clock `now`."""
    token = _DEADLINE.set(None if deadline is None else (deadline, now))
    try:
        yield
    finally:
        _DEADLINE.reset(token)


def time_left() -> float | None:
    """Seconds until the deadline of the call being made in this context, if one was set."""
    found = _DEADLINE.get()
    return None if found is None else found[0] - found[1]()


def is_throttled(response: Any) -> bool:
    """Whether botocore's (http_response, parsed) pair is a throttled answer."""
    if not isinstance(response, tuple) or len(response) != 2:
        return False
    http, parsed = response
    code = parsed.get("Error", {}).get("Code") if isinstance(parsed, Mapping) else None
    return code in THROTTLING_CODES or getattr(http, "status_code", None) == 429


def _operation(event_name: str) -> str:
    return event_name.rsplit(".", 1)[-1]


class CallPlan:
    def __init__(self, budgets: Budgets | None = None, clock: Clock | None = None) -> None:
        self.clock = clock or Clock()
        self.pacer = Pacer(budgets, self.clock)
        self.claims = ClaimTimes(self.clock)

    def before_send(self, event_name: str = "", **_: Any) -> None:
        left = time_left()
        deadline = None if left is None else self.clock.now() + left
        self.pacer.wait_turn(_operation(event_name), deadline)

    def after_attempt(self, event_name: str = "", response: Any = None, **_: Any) -> None:
        if is_throttled(response):
            self.pacer.throttled(_operation(event_name))

    def attach(self, client: Any) -> None:
        """Pace every HTTP attempt `client` makes and learn from its throttled answers."""
        events = client.meta.events
        prefix = client.meta.service_model.service_id.hyphenize()
        events.register(f"before-send.{prefix}", self.before_send)
        events.register(f"needs-retry.{prefix}", self.after_attempt)
        with _LOCK:
            _PLANS[client] = self


_LOCK = threading.Lock()
_PLANS: weakref.WeakKeyDictionary[Any, CallPlan] = weakref.WeakKeyDictionary()


def plan_of(client: Any) -> CallPlan | None:
    """The plan attached to `client` (clients made by `clients.make_client` have one)."""
    with _LOCK:
        return _PLANS.get(client)
