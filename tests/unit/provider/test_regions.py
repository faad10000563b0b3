"""Regions: check refuses ARNs and settings that disagree; calls go to the number's own Region."""

from __future__ import annotations

import pytest
from pulumi.dynamic import Config, ConfigureRequest

from connect_numbers.aws.clients import ClientKey
from connect_numbers.errors import ConfigurationError

from .fakes import (
    IMPORT_OK,
    IMPORT_PARAMS,
    NUMBER_ARN,
    NUMBER_ID,
    OTHER_INSTANCE_ARN,
    REGION,
    harness,
    inputs,
    outputs,
    summary,
)


def failures_for(
    env: dict[str, str] | None = None, config: dict[str, str] | None = None, **news: object
) -> dict[str, list[str]]:
    h = harness(env=env)
    if config is not None:
        h.provider.configure(ConfigureRequest(Config(config, "project")))
    found: dict[str, list[str]] = {}
    for failure in h.provider.check({}, inputs(**news)).failures:
        found.setdefault(failure.property, []).append(failure.reason)
    return found


def test_an_instance_arn_in_another_region_fails_on_instance_id() -> None:
    other_region = OTHER_INSTANCE_ARN.replace("us-east-1", "eu-west-2")
    found = failures_for(instance_id=other_region)
    assert list(found) == ["instance_id"] and "same Region" in found["instance_id"][0]


def test_an_instance_arn_in_another_partition_fails_on_instance_id() -> None:
    gov = "arn:aws-us-gov:connect:us-east-1:123456789012:instance/abc"
    assert list(failures_for(instance_id=gov)) == ["instance_id"]


def test_stack_config_region_must_match_the_source_number() -> None:
    found = failures_for(config={"aws:region": "eu-west-1"})
    assert "stack config aws:region" in found["source_phone_number_arn"][0]


def test_environment_region_must_match_the_source_number() -> None:
    found = failures_for(env={"AWS_REGION": "eu-west-1"})
    assert "AWS_REGION" in found["source_phone_number_arn"][0]


def test_the_resource_region_overrides_config_and_environment() -> None:
    assert (
        failures_for(
            env={"AWS_REGION": "eu-west-1"}, config={"aws:region": "eu-west-1"}, region="us-east-1"
        )
        == {}
    )


def test_a_resource_region_that_disagrees_with_the_source_fails() -> None:
    found = failures_for(region="eu-west-1")
    assert "region input" in found["source_phone_number_arn"][0]


def test_calls_go_to_the_region_of_the_source_number_with_configured_profile() -> None:
    h = harness()
    h.stub.add_response("import_phone_number", IMPORT_OK, IMPORT_PARAMS)
    h.stub.add_response("describe_phone_number", summary(), {"PhoneNumberId": NUMBER_ID})
    with h.stub:
        h.provider.create(inputs())
    assert set(h.keys) == {ClientKey(REGION, None, None)}


def test_read_uses_the_region_of_the_number_arn_not_todays_config() -> None:
    h = harness(env={"AWS_REGION": "eu-west-1"})
    arn = NUMBER_ARN.replace("us-east-1", "ap-southeast-2")
    h.stub.add_response("describe_phone_number", summary(), {"PhoneNumberId": NUMBER_ID})
    with h.stub:
        h.provider.read(NUMBER_ID, outputs(phone_number_arn=arn))
    assert h.keys == [ClientKey("ap-southeast-2", None, None)]


def test_read_with_only_an_id_falls_back_to_the_configured_region() -> None:
    h = harness(env={"AWS_REGION": "eu-west-1"})
    h.stub.add_response("describe_phone_number", summary(), {"PhoneNumberId": NUMBER_ID})
    with h.stub:
        h.provider.read(NUMBER_ID, {"__provider": "x"})
    assert h.keys == [ClientKey("eu-west-1", None, None)]


def test_a_number_with_no_arn_and_no_configured_region_names_the_settings() -> None:
    h = harness(env={})
    with pytest.raises(ConfigurationError, match="aws:region"):
        h.provider.read(NUMBER_ID, {"__provider": "x"})
