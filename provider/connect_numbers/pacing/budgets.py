"""Client-side pacing: every Connect call of a provider process waits its turn in a budget.

Why: Connect throttles each API per account and Region (documented default: 2 requests/s with a
burst of 5). When the engine runs dozens of creates at once, threads that send whenever they are
ready spend the burst in the first instant and are throttled from then on; every throttled
answer is a wasted round trip followed by a backoff in which the budget goes unused. One token
bucket per operation, shared by every thread of the process, sends each call at the earliest
instant the service will accept it, and in the order the calls asked.

- The bucket holds one token less than the budget's burst: the service's own bucket then keeps a
  spare token against arrival jitter (two calls sent 0.5 s apart can arrive 0.45 s apart).
- A throttled answer means someone else spends the same budget (another stack, the console): the
  operation's rate halves for every thread and grows back to the budget over RECOVERY_SECONDS.
- A call whose turn would come after its deadline fails at once instead of sleeping in vain.

Time and sleep are injected, so tests check exact send times with a fake clock.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from dataclasses import dataclass, field

from connect_numbers.errors import ThrottledError
from connect_numbers.pacing.waiter import Clock

# Amazon Connect's documented default for its APIs: "RateLimit of 2 per second, BurstLimit of 5".
CONNECT_RATE_LIMIT = 2.0
CONNECT_BURST_LIMIT = 5.0
SPARE_TOKENS = 1.0
RECOVERY_SECONDS = 10.0
SLOWEST_SHARE = 1 / 16


@dataclass(frozen=True)
class Budget:
    """Requests per second and burst that one operation may spend."""

    rate: float = CONNECT_RATE_LIMIT
    burst: float = CONNECT_BURST_LIMIT


@dataclass(frozen=True)
class Budgets:
    """The budget of every operation: `default`, unless `per_operation` names it."""

    default: Budget = field(default_factory=Budget)
    per_operation: tuple[tuple[str, Budget], ...] = ()

    def of(self, operation: str) -> Budget:
        return dict(self.per_operation).get(operation, self.default)

    @staticmethod
    def of_map(default: Budget, per_operation: Mapping[str, Budget]) -> Budgets:
        return Budgets(default, tuple(sorted(per_operation.items())))


class PacedPastDeadlineError(ThrottledError):
    """The call's turn in its operation's budget comes after the resource's deadline."""

    def __init__(self, operation: str, wait: float) -> None:
        self.wait = wait
        super().__init__(operation, "ClientRateLimit", f"next turn in {wait:.1f} s")

    def _render(self) -> str:
        return (
            f"{self.operation} was not sent: its turn in the request budget comes in "
            f"{self.wait:.1f} s, after this resource's deadline. Raise wait_timeout_seconds, "
            "lower `pulumi up --parallel`, or raise connect-numbers:apiRateLimit if your "
            "account's Connect quotas are higher"
        )


class TokenBucket:
    """A bucket that goes into debt: each reservation is a send time, in the order asked."""

    def __init__(self, budget: Budget, now: float) -> None:
        self.rate = budget.rate
        self.capacity = max(1.0, budget.burst - SPARE_TOKENS)
        self.level = self.capacity
        self.share = 1.0  # of `rate`, lowered by throttled answers
        self.stamp = now

    def _refill(self, now: float) -> None:
        elapsed = max(0.0, now - self.stamp)
        self.level = min(self.capacity, self.level + elapsed * self.rate * self.share)
        self.share = min(1.0, self.share + elapsed / RECOVERY_SECONDS)
        self.stamp = now

    def reserve(self, now: float) -> float:
        """The instant at which the caller may send; the token is spent from now."""
        self._refill(now)
        self.level -= 1.0
        if self.level >= 0:
            return now
        return now + -self.level / (self.rate * self.share)

    def give_back(self) -> None:
        self.level += 1.0

    def slow_down(self, now: float) -> None:
        self._refill(now)
        self.share = max(SLOWEST_SHARE, self.share / 2)
        self.level = min(self.level, 0.0)


class Pacer:
    """The buckets of one account and Region, shared by every thread of the process."""

    def __init__(self, budgets: Budgets | None = None, clock: Clock | None = None) -> None:
        self.budgets = budgets or Budgets()
        self.clock = clock or Clock()
        self._lock = threading.Lock()
        self._buckets: dict[str, TokenBucket] = {}
        self.throttled_answers = 0

    def _bucket(self, operation: str) -> TokenBucket:
        bucket = self._buckets.get(operation)
        if bucket is None:
            bucket = TokenBucket(self.budgets.of(operation), self.clock.now())
            self._buckets[operation] = bucket
        return bucket

    def wait_turn(self, operation: str, deadline: float | None = None) -> None:
        """Sleep until `operation` may be sent; fail at once if that is after `deadline`."""
        with self._lock:
            now = self.clock.now()
            bucket = self._bucket(operation)
            send_at = bucket.reserve(now)
            if deadline is not None and send_at > deadline:
                bucket.give_back()
                raise PacedPastDeadlineError(operation, send_at - now)
        if send_at > now:
            self.clock.sleep(send_at - now)

    def throttled(self, operation: str) -> None:
        """Connect throttled `operation`: every thread slows down, not just the caller."""
        with self._lock:
            self.throttled_answers += 1
            self._bucket(operation).slow_down(self.clock.now())
