"""Every setting of the local service, declared once, with the sentence that documents it.

Why one declaration: the CLI flags (cli.py), `settings_to_args` (runner.py), the admin API's
`settings` endpoint and the table in docs/local-service.md are all derived from these fields
and their metadata, so a new setting is one line here and cannot be forgotten elsewhere.
"""

from __future__ import annotations

from dataclasses import Field, dataclass, field, fields
from typing import Any

DEFAULT_REGION = "us-east-1"
DEFAULT_ACCOUNT_ID = "123456789012"


@dataclass
class ThrottleRule:
    """A token bucket: `burst` calls at once, refilled at `rate` calls per second."""

    rate: float
    burst: float


def about(doc: str, *, runtime: bool = True, metavar: str | None = None) -> dict[str, Any]:
    """A setting's metadata: its documentation, whether the admin API may change it, and the
    name of its value on the command line when the type's usual one (S, N) would mislead."""
    return {"doc": doc, "runtime": runtime, "metavar": metavar}


@dataclass
class LocalServiceSettings:
    region: str = field(
        default=DEFAULT_REGION,
        metadata=about(
            "Region used when a request is unsigned, and for admin/seed defaults", runtime=False
        ),
    )
    account_id: str = field(
        default=DEFAULT_ACCOUNT_ID,
        metadata=about("the one account the service serves", runtime=False),
    )
    claim_delay: float = field(
        default=2.0,
        metadata=about("service-clock seconds from import/update to CLAIMED or FAILED"),
    )
    claim_jitter: float = field(
        default=0.0,
        metadata=about(
            "each claim takes the delay plus a uniform draw in [-S, +S] (never below 0)"
        ),
    )
    claim_after_describes: int | None = field(
        default=None,
        metadata=about(
            "every transition settles on the N-th DescribePhoneNumber instead (deterministic)"
        ),
    )
    release_delay: float = field(
        default=0.5, metadata=about("seconds a released number stays IN_PROGRESS before 404")
    )
    metadata_update_delay: float = field(
        default=0.5,
        metadata=about("seconds an UpdatePhoneNumberMetadata leaves the number IN_PROGRESS"),
    )
    traffic_distribution_group_delay: float = field(
        default=2.0,
        metadata=about(
            "seconds a traffic distribution group is CREATION_IN_PROGRESS or PENDING_DELETION"
        ),
    )
    virtual_clock: bool = field(
        default=False,
        metadata=about(
            "service clock starts at 2024-01-01T00:00:00Z and moves only by admin", runtime=False
        ),
    )
    quota_max_active_numbers: int = field(
        default=10,
        metadata=about(
            "Q of the account's active-number quota and of the release-quota rule (below)"
        ),
    )
    phone_numbers_per_instance: int | None = field(
        default=None,
        metadata=about(
            "per-instance quota (AWS default 5): an import beyond it ends FAILED; off = none"
        ),
    )
    quota_window_days: float = field(
        default=180.0,
        metadata=about("the release-quota rule's rolling window, in days", metavar="DAYS"),
    )
    client_token_ttl: float = field(
        default=7 * 24 * 3600.0,
        metadata=about("seconds of service clock a ClientToken is remembered"),
    )
    throttle: dict[str, ThrottleRule] = field(
        default_factory=dict,
        metadata=about(
            "token bucket per operation (`*` = all); repeatable; admin: `set_throttle`",
            runtime=False,
        ),
    )
    allowed_actions: list[str] | None = field(
        default=None,
        metadata=about("IAM-like allow-list of actions, e.g. `connect:DescribePhoneNumber`"),
    )
    seed_demo: bool = field(
        default=False,
        metadata=about(
            "seed the demo instance and numbers (below) into empty state", runtime=False
        ),
    )
    request_log_limit: int = field(
        default=10_000,
        metadata=about("entries the in-memory request log keeps", runtime=False),
    )


def declared_settings() -> tuple[Field[Any], ...]:
    return fields(LocalServiceSettings)


def setting_doc(declared: Field[Any]) -> str:
    return str(declared.metadata["doc"])


def setting_metavar(declared: Field[Any]) -> str | None:
    return declared.metadata["metavar"]  # type: ignore[no-any-return]


def is_runtime(declared: Field[Any]) -> bool:
    return bool(declared.metadata["runtime"])
