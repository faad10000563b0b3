"""Where AWS settings come from: stack config (via `configure`), the environment, the resource.

Why: the provider runs in its own process, started by the engine, so it cannot see the program's
`pulumi.Config`; the only route for stack config is `configure`. Region and profile follow
pulumi-aws (`aws:region`, `aws:profile`), the endpoint override is our own
(`connect-numbers:endpoint`, for the local service), and everything else is boto3's standard
chain (AWS_PROFILE, AWS_REGION, AWS_ENDPOINT_URL_CONNECT, credential files, SSO, roles).
Nothing here is a secret, and it is never written to state.

The request budgets (`pacing`) default to Connect's documented quotas, 2 requests/s with a burst
of 5 per operation; an account with raised quotas says so in stack config:
`connect-numbers:apiRateLimit` and `connect-numbers:apiBurstLimit` for every operation, and
`connect-numbers:apiLimits` for single operations, e.g. `{"DescribePhoneNumber": {"rateLimit":
10, "burstLimit": 20}}`. The engine hands config values over as text, so numbers and maps are
also read from their JSON form.

The same settings reach the provider plugin as its configure args, named without the
`connect-numbers:` prefix (`endpoint`, `region`, `apiRateLimit`, ...): one parser reads both,
told the key names by a `ConfigKeys` (`STACK_KEYS` or `PROVIDER_ARG_KEYS`).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Protocol

from connect_numbers.aws.clients import ClientKey
from connect_numbers.errors import ConfigurationError
from connect_numbers.pacing.budgets import CONNECT_BURST_LIMIT, CONNECT_RATE_LIMIT, Budget, Budgets

REGION_KEY = "aws:region"
PROFILE_KEY = "aws:profile"
ENDPOINT_KEY = "connect-numbers:endpoint"
RATE_LIMIT_KEY = "connect-numbers:apiRateLimit"
BURST_LIMIT_KEY = "connect-numbers:apiBurstLimit"
LIMITS_KEY = "connect-numbers:apiLimits"


@dataclass(frozen=True)
class ConfigKeys:
    """The key of each setting in one config source; failures name these keys."""

    region: str
    profile: str
    endpoint: str
    rate_limit: str
    burst_limit: str
    limits: str
    region_origin: str  # how failures name where the Region came from


# The dynamic provider's `configure` sees the whole stack config, keys prefixed.
STACK_KEYS = ConfigKeys(
    REGION_KEY,
    PROFILE_KEY,
    ENDPOINT_KEY,
    RATE_LIMIT_KEY,
    BURST_LIMIT_KEY,
    LIMITS_KEY,
    f"stack config {REGION_KEY}",
)
# The plugin's `configure` args: the provider's own inputs (`connect-numbers:endpoint` in stack
# config, or `endpoint=` on an explicit provider), prefix stripped, and its Region as `region`.
PROVIDER_ARG_KEYS = ConfigKeys(
    "region",
    "profile",
    "endpoint",
    "apiRateLimit",
    "apiBurstLimit",
    "apiLimits",
    "the provider's region (connect-numbers:region, or region on an explicit provider)",
)


@dataclass(frozen=True)
class ConfiguredRegion:
    """The Region the user configured, and where it came from (named in failures)."""

    region: str
    origin: str


class ConfigSource(Protocol):
    def get(self, key: str) -> object: ...


@dataclass(frozen=True)
class AwsSettings:
    region: str | None = None
    profile: str | None = None
    endpoint_url: str | None = None
    budgets: Budgets = field(default_factory=Budgets)
    region_origin: str = field(default=STACK_KEYS.region_origin, compare=False)

    def client_key(self, region: str) -> ClientKey:
        return ClientKey(region, self.profile, self.endpoint_url, self.budgets)


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def _decoded(value: object) -> object:
    if isinstance(value, str):
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


def _limit(value: object, key: str, default: float) -> float:
    value = _decoded(value)
    if value is None:
        return default
    if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
        raise ConfigurationError(f"{key} must be a positive number, got {value!r}")
    return float(value)


def budgets_from_config(config: ConfigSource, keys: ConfigKeys = STACK_KEYS) -> Budgets:
    default = Budget(
        rate=_limit(config.get(keys.rate_limit), keys.rate_limit, CONNECT_RATE_LIMIT),
        burst=_limit(config.get(keys.burst_limit), keys.burst_limit, CONNECT_BURST_LIMIT),
    )
    limits = _decoded(config.get(keys.limits))
    if limits is None:
        return Budgets(default)
    if not isinstance(limits, Mapping):
        raise ConfigurationError(
            f"{keys.limits} must be a map from operation name to "
            '{"rateLimit": ..., "burstLimit": ...}'
        )
    per_operation: dict[str, Budget] = {}
    for operation, entry in limits.items():
        path = f"{keys.limits}.{operation}"
        if not isinstance(entry, Mapping) or not set(entry) <= {"rateLimit", "burstLimit"}:
            raise ConfigurationError(f"{path} must be a map with rateLimit and/or burstLimit")
        per_operation[str(operation)] = Budget(
            rate=_limit(entry.get("rateLimit"), f"{path}.rateLimit", default.rate),
            burst=_limit(entry.get("burstLimit"), f"{path}.burstLimit", default.burst),
        )
    return Budgets.of_map(default, per_operation)


def from_config(config: ConfigSource, keys: ConfigKeys = STACK_KEYS) -> AwsSettings:
    return AwsSettings(
        region=_text(config.get(keys.region)),
        profile=_text(config.get(keys.profile)),
        endpoint_url=_text(config.get(keys.endpoint)),
        budgets=budgets_from_config(config, keys),
        region_origin=keys.region_origin,
    )


def configured_region(
    resource_region: object, settings: AwsSettings, env: Mapping[str, str]
) -> ConfiguredRegion | None:
    """The Region the user asked for, most specific first, with its origin for messages.

    A profile's `region` in ~/.aws/config is not consulted: calls always go to the Region written
    in the phone number's ARN, so only an explicit, contradicting setting is worth a failure.
    """
    if isinstance(resource_region, str) and resource_region:
        return ConfiguredRegion(resource_region, "the resource's region input")
    if settings.region:
        return ConfiguredRegion(settings.region, settings.region_origin)
    for name in ("AWS_REGION", "AWS_DEFAULT_REGION"):
        if env.get(name):
            return ConfiguredRegion(env[name], f"environment variable {name}")
    return None
