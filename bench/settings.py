"""Every knob of a benchmark run, recorded with its results.

Why these defaults: Amazon Connect documents one throttling rule for the APIs we call, per API
and per account and Region: a steady 2 requests per second with a burst of 5. The local service
gets exactly that for every phone-number operation, so the benchmark runs "close to the
service's own limits" as a user with default quotas would.

Scenarios: a 2 s claim (a few seconds, as imports into a test instance take) at N = 10, 50 and
200, and a 20 s claim at N = 100 (claims that take tens of seconds, where a poll too early is
wasted and a poll too late costs the whole run). Each claim varies by +/- `claim_jitter`. Every
scenario runs with `--parallel 64`, the setting a user with many numbers sets, and N = 50 also
with the CLI's default `--parallel`, beside it.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

CONNECT_DEFAULT_RATE = 2.0
CONNECT_DEFAULT_BURST = 5.0
USER_PARALLEL = 64

THROTTLED_OPERATIONS = (
    "ImportPhoneNumber",
    "DescribePhoneNumber",
    "ReleasePhoneNumber",
    "ListPhoneNumbersV2",
    "UpdatePhoneNumberMetadata",
    "UpdatePhoneNumber",
    "TagResource",
    "UntagResource",
)


@dataclass(frozen=True)
class Throttle:
    rate: float = CONNECT_DEFAULT_RATE
    burst: float = CONNECT_DEFAULT_BURST


@dataclass(frozen=True)
class Scenario:
    """One `pulumi up` of N numbers beside N no-op resources; parallel None = the CLI default."""

    n: int
    claim_delay: float
    parallel: int | None

    @property
    def name(self) -> str:
        parallel = "default" if self.parallel is None else str(self.parallel)
        return f"n{self.n}-claim{self.claim_delay:g}s-p{parallel}"


def default_scenarios(
    sizes: tuple[int, ...] = (10, 50, 200),
    long_claim_sizes: tuple[int, ...] = (100,),
    default_parallel_sizes: tuple[int, ...] = (50,),
    claim_delay: float = 2.0,
    long_claim_delay: float = 20.0,
    parallel: int = USER_PARALLEL,
) -> tuple[Scenario, ...]:
    scenarios = [Scenario(n, claim_delay, parallel) for n in sizes]
    scenarios += [Scenario(n, claim_delay, None) for n in default_parallel_sizes]
    scenarios += [Scenario(n, long_claim_delay, parallel) for n in long_claim_sizes]
    return tuple(scenarios)


@dataclass(frozen=True)
class BenchSettings:
    scenarios: tuple[Scenario, ...] = field(default_factory=default_scenarios)
    # Each claim takes claim_delay +/- a uniform draw of up to claim_jitter (real claims vary).
    claim_jitter: float = 0.5
    release_delay: float = 0.5
    throttles: dict[str, Throttle] = field(
        default_factory=lambda: {op: Throttle() for op in THROTTLED_OPERATIONS}
    )
    # Pulumi CLI `--parallel` of preview and refresh (part 3).
    parallel: int = USER_PARALLEL
    # Seconds between measured phases, so every token bucket starts full as the bound assumes.
    settle_pause: float = 3.0
    # Waiting-policy simulation: claim delays drawn log-uniformly in [low, high] seconds.
    waiting_samples: int = 2000
    waiting_low: float = 1.0
    waiting_high: float = 600.0
    seed: int = 20240601

    @property
    def claim_delay(self) -> float:
        """The claim delay the service starts with (the first scenario's)."""
        return self.scenarios[0].claim_delay if self.scenarios else 2.0

    def local_service_args(self) -> list[str]:
        args = [
            "--claim-delay",
            repr(self.claim_delay),
            "--claim-jitter",
            repr(self.claim_jitter),
            "--release-delay",
            repr(self.release_delay),
            "--quota-max-active-numbers",
            "100000",
        ]
        for operation, rule in sorted(self.throttles.items()):
            args += ["--throttle", f"{operation}={rule.rate}:{rule.burst}"]
        return args

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["scenarios"] = [{**asdict(s), "name": s.name} for s in self.scenarios]
        data["claim_delay"] = self.claim_delay
        return data
