"""Request budgets from stack config: Connect's defaults, or what a raised quota allows."""

from __future__ import annotations

from typing import Any

import pytest

from connect_numbers.aws.settings import AwsSettings, budgets_from_config, from_config
from connect_numbers.errors import ConfigurationError
from connect_numbers.pacing.budgets import Budget, Budgets


class Config(dict[str, Any]):
    """The dynamic host's Config: get(key) or None."""


def test_without_config_every_operation_gets_connects_default_budget() -> None:
    assert budgets_from_config(Config()) == Budgets(Budget(rate=2.0, burst=5.0))


def test_rate_and_burst_limits_apply_to_every_operation() -> None:
    config = Config({"connect-numbers:apiRateLimit": 10, "connect-numbers:apiBurstLimit": 20})
    budgets = budgets_from_config(config)
    assert budgets.of("ImportPhoneNumber") == budgets.of("ReleasePhoneNumber") == Budget(10, 20)


def test_values_handed_over_as_text_are_read_as_numbers_and_maps() -> None:
    config = Config(
        {
            "connect-numbers:apiRateLimit": "5",
            "connect-numbers:apiLimits": '{"DescribePhoneNumber": {"rateLimit": 8}}',
        }
    )
    budgets = budgets_from_config(config)
    assert budgets.of("ImportPhoneNumber") == Budget(5, 5)
    assert budgets.of("DescribePhoneNumber") == Budget(8, 5)


def test_a_per_operation_limit_overrides_the_default_for_that_operation_only() -> None:
    config = Config(
        {"connect-numbers:apiLimits": {"ImportPhoneNumber": {"rateLimit": 1, "burstLimit": 2}}}
    )
    budgets = budgets_from_config(config)
    assert budgets.of("ImportPhoneNumber") == Budget(1, 2)
    assert budgets.of("DescribePhoneNumber") == Budget(2, 5)


@pytest.mark.parametrize(
    ("config", "named"),
    [
        ({"connect-numbers:apiRateLimit": 0}, "connect-numbers:apiRateLimit"),
        ({"connect-numbers:apiBurstLimit": "lots"}, "connect-numbers:apiBurstLimit"),
        ({"connect-numbers:apiRateLimit": True}, "connect-numbers:apiRateLimit"),
        ({"connect-numbers:apiLimits": [1, 2]}, "connect-numbers:apiLimits"),
        (
            {"connect-numbers:apiLimits": {"ImportPhoneNumber": {"rate": 1}}},
            "connect-numbers:apiLimits.ImportPhoneNumber",
        ),
        (
            {"connect-numbers:apiLimits": {"ImportPhoneNumber": {"rateLimit": -1}}},
            "connect-numbers:apiLimits.ImportPhoneNumber.rateLimit",
        ),
    ],
)
def test_a_wrong_value_is_refused_naming_its_key(config: dict[str, Any], named: str) -> None:
    with pytest.raises(ConfigurationError, match=named.replace(".", r"\.")):
        budgets_from_config(Config(config))


def test_the_budgets_travel_with_the_client_key() -> None:
    settings = from_config(Config({"connect-numbers:apiRateLimit": 4}))
    key = settings.client_key("eu-west-2")
    assert key.region == "eu-west-2" and key.budgets.of("TagResource") == Budget(4, 5)
    assert AwsSettings().client_key("eu-west-2").budgets == Budgets()
