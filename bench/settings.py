"""Every knob of a benchmark run, recorded with its results.

Why these defaults: Amazon Connect documents one throttling rule for the APIs we call, per API
and per account and Region: a steady 2 requests per second with a burst of 5. The local service
gets exactly that for every phone-number operation, so the benchmark runs "close to the
service's own limits" as a user with default quotas would. The claim delay of 2 s is the local
service's default; the local service has no jitter option (see docs/benchmarks.md).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

CONNECT_DEFAULT_RATE = 2.0
CONNECT_DEFAULT_BURST = 5.0

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
class BenchSettings:
    sizes: tuple[int, ...] = (10, 50, 200)
    claim_delay: float = 2.0
    # Each claim takes claim_delay +/- a uniform draw of up to claim_jitter (real claims vary).
    claim_jitter: float = 0.5
    release_delay: float = 0.5
    throttles: dict[str, Throttle] = field(
        default_factory=lambda: {op: Throttle() for op in THROTTLED_OPERATIONS}
    )
    # Pulumi CLI `--parallel`; None keeps the CLI default (4 x CPUs, printed in `up --help`).
    parallel: int | None = None
    # Seconds between measured phases, so every token bucket starts full as the bound assumes.
    settle_pause: float = 3.0
    # Waiting-policy simulation: claim delays drawn log-uniformly in [low, high] seconds.
    waiting_samples: int = 2000
    waiting_low: float = 1.0
    waiting_high: float = 600.0
    seed: int = 20240601

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
        data["sizes"] = list(self.sizes)
        return data
