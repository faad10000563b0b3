from __future__ import annotations

import pytest
from pulumi.provider.experimental.provider import ConfigureRequest

from connect_numbers.aws.settings import (
    PROVIDER_ARG_KEYS,
    AwsSettings,
    configured_region,
    from_config,
)
from connect_numbers.engine.plugin.property_values import property_map
from connect_numbers.errors import ConfigurationError
from connect_numbers.pacing.budgets import Budget, Budgets

from .support import plugin, run


def test_provider_args_map_to_the_same_settings_as_prefixed_stack_config() -> None:
    args = {"region": "eu-west-2", "profile": "ops", "endpoint": "http://127.0.0.1:4566"}
    stack = {
        "aws:region": "eu-west-2",
        "aws:profile": "ops",
        "connect-numbers:endpoint": "http://127.0.0.1:4566",
    }
    assert from_config(args, PROVIDER_ARG_KEYS) == from_config(stack)
    assert from_config(args, PROVIDER_ARG_KEYS) == AwsSettings(
        "eu-west-2", "ops", "http://127.0.0.1:4566"
    )


def test_configure_reads_rate_limits_from_the_providers_args() -> None:
    provider = plugin()
    args = property_map({"apiRateLimit": 4.0, "apiLimits": {"TagResource": {"burstLimit": 9}}})
    response = run(provider.configure(ConfigureRequest({}, args, False, False)))
    assert response.supports_preview is True
    assert provider._settings.budgets == Budgets.of_map(
        Budget(rate=4.0, burst=5.0), {"TagResource": Budget(rate=4.0, burst=9.0)}
    )


def test_a_wrong_provider_arg_fails_naming_the_arg_without_prefix() -> None:
    with pytest.raises(ConfigurationError, match=r"^apiRateLimit must be a positive number"):
        from_config({"apiRateLimit": "-1"}, PROVIDER_ARG_KEYS)


def test_a_region_from_the_providers_configuration_is_named_as_such() -> None:
    settings = from_config({"region": "eu-west-2"}, PROVIDER_ARG_KEYS)
    found = configured_region(None, settings, {})
    assert found is not None and found.region == "eu-west-2"
    assert "connect-numbers:region" in found.origin and "aws:region" not in found.origin
