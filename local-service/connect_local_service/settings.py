"""Every behaviour knob of the local service in one place, shared by the CLI and the Python API."""

from __future__ import annotations

from dataclasses import dataclass, field

DEFAULT_REGION = "us-east-1"
DEFAULT_ACCOUNT_ID = "123456789012"


@dataclass
class ThrottleRule:
    """A token bucket: `burst` calls at once, refilled at `rate` calls per second."""

    rate: float
    burst: float


@dataclass
class LocalServiceSettings:
    region: str = DEFAULT_REGION
    account_id: str = DEFAULT_ACCOUNT_ID
    # Seconds of service clock from ImportPhoneNumber/UpdatePhoneNumber to CLAIMED or FAILED.
    claim_delay: float = 2.0
    # Each claim takes claim_delay plus a uniform draw in [-claim_jitter, +claim_jitter] (>= 0).
    claim_jitter: float = 0.0
    # When set, the number settles on the N-th DescribePhoneNumber instead (deterministic tests);
    # a release then also completes on the N-th describe.
    claim_after_describes: int | None = None
    # Seconds a released number stays IN_PROGRESS before DescribePhoneNumber answers 404.
    release_delay: float = 0.5
    # Service clock stands still (starting at VIRTUAL_EPOCH) and moves only by advance_clock.
    virtual_clock: bool = False
    # Q in the seed's quota rule: at most Q active numbers, at most 2*Q releases per 180 days.
    quota_max_active_numbers: int = 10
    quota_window_days: float = 180.0
    # How long a ClientToken is remembered, in seconds of service clock.
    client_token_ttl: float = 7 * 24 * 3600.0
    # Keys are operation names ("ImportPhoneNumber") or "*" for every operation.
    throttle: dict[str, ThrottleRule] = field(default_factory=dict)
    # IAM-like allow-list of actions ("connect:ImportPhoneNumber"); None allows everything.
    allowed_actions: list[str] | None = None
    seed_demo: bool = False
    request_log_limit: int = 10_000
