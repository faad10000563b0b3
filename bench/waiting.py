"""Part 2: our waiting policy against the anchors, on a virtual clock (no sleeping, no service).

For each claim delay D (drawn log-uniformly), a schedule polls DescribePhoneNumber at times
t_1 < t_2 < ... after ImportPhoneNumber returns; the number is detected at the first t_k >= D.
Detection delay = t_k - D; calls = k. Ours runs the real `wait_until` with `Backoff()` and an
injected clock. The anchors, as modelled here (assumptions written down in docs/benchmarks.md):

* terraform: a poll at once, then sleeps of 100 ms doubling to a 10 s cap (StateChangeConf);
* cloudformation-old: a constant 30 s callback delay plus about 2 s of handler re-invocation,
  so polls at 32 s, 64 s, ...;
* aws-native: exponential backoff from 1 s doubling to a 30 s cap with equal jitter (each sleep
  uniform in [c/2, c]).

Deadlines are ignored (Terraform's default 2 min timeout would fail every D > 120 s).
"""

from __future__ import annotations

import math
import random
import statistics
from collections.abc import Callable
from dataclasses import dataclass

from connect_numbers.pacing.waiter import Backoff, Clock, Done, Pending, WaitLog, wait_until

from .settings import BenchSettings

# A schedule: (claim delay, random source) -> (detection time, polls).
Schedule = Callable[[float, random.Random], tuple[float, int]]

BANDS: tuple[tuple[float, float], ...] = ((1.0, 10.0), (10.0, 60.0), (60.0, 600.0))


def _real_waiter(claim_delay: float, rng: random.Random, backoff: Backoff) -> tuple[float, int]:
    """The product's `wait_until` on a virtual clock, polling a number claimed at `claim_delay`."""
    now = [0.0]

    def sleep(seconds: float) -> None:
        now[0] += seconds

    def poll() -> Done[float] | Pending:
        return Done(now[0]) if now[0] >= claim_delay else Pending()

    log = WaitLog()
    clock = Clock(now=lambda: now[0], sleep=sleep, draw=rng.random)
    detected = wait_until(poll, timeout=claim_delay + 3600.0, clock=clock, backoff=backoff, log=log)
    return detected, log.polls


def ours(claim_delay: float, rng: random.Random) -> tuple[float, int]:
    return _real_waiter(claim_delay, rng, Backoff())


def full_jitter(claim_delay: float, rng: random.Random) -> tuple[float, int]:
    """Not the product: our waiter with full jitter on the same ceilings, to show the trade-off."""
    return _real_waiter(claim_delay, rng, Backoff(jitter="full"))


def _sleeps(
    claim_delay: float, first_poll_at: float | None, next_sleep: Callable[[int], float]
) -> tuple[float, int]:
    t = 0.0
    polls = 0
    if first_poll_at is not None:
        t = first_poll_at
        polls = 1
        if t >= claim_delay:
            return t, polls
    attempt = 0
    while True:
        t += next_sleep(attempt)
        attempt += 1
        polls += 1
        if t >= claim_delay:
            return t, polls


def terraform(claim_delay: float, rng: random.Random) -> tuple[float, int]:
    return _sleeps(claim_delay, 0.0, lambda n: min(10.0, 0.1 * 2.0**n))


def cloudformation_old(claim_delay: float, rng: random.Random) -> tuple[float, int]:
    return _sleeps(claim_delay, None, lambda n: 32.0)


def aws_native(claim_delay: float, rng: random.Random) -> tuple[float, int]:
    def sleep(n: int) -> float:
        ceiling = min(30.0, 1.0 * 2.0 ** min(n, 32))
        return rng.uniform(ceiling / 2, ceiling)

    return _sleeps(claim_delay, None, sleep)


SCHEDULES: dict[str, Schedule] = {
    "ours": ours,
    "terraform": terraform,
    "cloudformation-old": cloudformation_old,
    "aws-native": aws_native,
    "ours with full jitter (not the product)": full_jitter,
}


@dataclass(frozen=True)
class PolicyStats:
    policy: str
    band: str
    samples: int
    mean_delay: float
    p95_delay: float
    worst_delay: float
    mean_calls: float
    worst_calls: int


def claim_delays(settings: BenchSettings) -> list[float]:
    rng = random.Random(settings.seed)
    low, high = math.log(settings.waiting_low), math.log(settings.waiting_high)
    return [math.exp(rng.uniform(low, high)) for _ in range(settings.waiting_samples)]


def _stats(policy: str, band: str, rows: list[tuple[float, int]]) -> PolicyStats:
    delays = sorted(d for d, _ in rows)
    calls = [c for _, c in rows]
    p95 = delays[min(len(delays) - 1, math.ceil(0.95 * len(delays)) - 1)]
    return PolicyStats(
        policy=policy,
        band=band,
        samples=len(rows),
        mean_delay=statistics.fmean(delays),
        p95_delay=p95,
        worst_delay=delays[-1],
        mean_calls=statistics.fmean(calls),
        worst_calls=max(calls),
    )


def compare(settings: BenchSettings) -> list[PolicyStats]:
    """Stats per policy, over all claim delays and per band of claim delays."""
    delays = claim_delays(settings)
    results: list[PolicyStats] = []
    for name, schedule in SCHEDULES.items():
        rng = random.Random(settings.seed + 1)
        rows: list[tuple[float, float, int]] = []
        for claim_delay in delays:
            detected, polls = schedule(claim_delay, rng)
            rows.append((claim_delay, detected - claim_delay, polls))
        results.append(_stats(name, "all", [(d, c) for _, d, c in rows]))
        for low, high in BANDS:
            band = [(d, c) for cd, d, c in rows if low <= cd < high]
            if band:
                results.append(_stats(name, f"{low:g}-{high:g} s", band))
    return results


def backoff_description() -> str:
    b = Backoff()
    ceiling = f"min({b.cap:g}, {b.first:g} * {b.factor:g}^n) s"
    return f"{b.jitter} jitter, ceiling {ceiling}, floor {b.floor:g} s"
