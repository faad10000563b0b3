"""Where AWS settings come from: stack config (via `configure`), the environment, the resource.

Why: the provider runs in its own process, started by the engine, so it cannot see the program's
`pulumi.Config`; the only route for stack config is `configure`. Region and profile follow
pulumi-aws (`aws:region`, `aws:profile`), the endpoint override is our own
(`connect-numbers:endpoint`, for the local service), and everything else is boto3's standard
chain (AWS_PROFILE, AWS_REGION, AWS_ENDPOINT_URL_CONNECT, credential files, SSO, roles).
Nothing here is a secret, and it is never written to state.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Protocol

REGION_KEY = "aws:region"
PROFILE_KEY = "aws:profile"
ENDPOINT_KEY = "connect-numbers:endpoint"


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


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def from_config(config: ConfigSource) -> AwsSettings:
    return AwsSettings(
        region=_text(config.get(REGION_KEY)),
        profile=_text(config.get(PROFILE_KEY)),
        endpoint_url=_text(config.get(ENDPOINT_KEY)),
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
        return ConfiguredRegion(settings.region, f"stack config {REGION_KEY}")
    for name in ("AWS_REGION", "AWS_DEFAULT_REGION"):
        if env.get(name):
            return ConfiguredRegion(env[name], f"environment variable {name}")
    return None
