"""check: every input against the service's limits, before any AWS call."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pulumi.dynamic import Config, ConfigureRequest
from pulumi.runtime.rpc import UNKNOWN

from connect_numbers.input_checks import tag_key_problem
from connect_numbers.ownership import OWNER_TAG_KEY

from .fakes import INSTANCE_ARN, OTHER_INSTANCE_ARN, SOURCE_ARN, harness, inputs


def failures_for(
    env: dict[str, str] | None = None, config: dict[str, str] | None = None, **news: object
) -> dict[str, list[str]]:
    h = harness(env=env)
    if config is not None:
        h.provider.configure(ConfigureRequest(Config(config, "project")))
    result = h.provider.check({}, inputs(**news))
    found: dict[str, list[str]] = {}
    for failure in result.failures:
        found.setdefault(failure.property, []).append(failure.reason)
    return found


def test_valid_inputs_pass_and_defaults_are_filled_in() -> None:
    h = harness()
    result = h.provider.check(
        {},
        {
            "instance_id": INSTANCE_ARN,
            "source_phone_number_arn": SOURCE_ARN,
            "owner": "proj/stack/name",
            "phone_number_id": None,
            "__provider": "x",
        },
    )
    assert result.failures == []
    assert result.inputs == {
        "instance_id": INSTANCE_ARN,
        "source_phone_number_arn": SOURCE_ARN,
        "description": "",
        "tags": {},
        "adopt": False,
        "wait_timeout_seconds": 600.0,
        "region": None,
        "owner": "proj/stack/name",
    }


@pytest.mark.parametrize(
    ("news", "prop", "words"),
    [
        ({"instance_id": None}, "instance_id", "required"),
        ({"instance_id": "x" * 101}, "instance_id", "maximum is 100"),
        (
            {"instance_id": "arn:aws:connect:us-east-1:123456789012:queue/q"},
            "instance_id",
            "instance ARN",
        ),
        ({"source_phone_number_arn": None}, "source_phone_number_arn", "required"),
        ({"source_phone_number_arn": "+18005550100"}, "source_phone_number_arn", "not an ARN"),
        (
            {"source_phone_number_arn": "arn:aws:connect:us-east-1:123456789012:phone-number/x"},
            "source_phone_number_arn",
            "End User Messaging",
        ),
        ({"description": "d" * 501}, "description", "maximum is 500"),
        ({"tags": {"k": "v" * 257}}, "tags", "maximum is 256"),
        ({"tags": {"aws:team": "x"}}, "tags", "aws:"),
        ({"tags": {OWNER_TAG_KEY: "x"}}, "tags", "managed by the provider"),
        ({"tags": {"": "x"}}, "tags", "empty"),
        ({"tags": {"k" * 129: "x"}}, "tags", "maximum is 128"),
        ({"tags": {"cost#center": "x"}}, "tags", "'#'"),
        ({"tags": {f"k{n}": "v" for n in range(50)}}, "tags", "at most 49"),
        ({"tags": "team=care"}, "tags", "map"),
        ({"adopt": "yes"}, "adopt", "true or false"),
        ({"wait_timeout_seconds": 0}, "wait_timeout_seconds", "above 0"),
        ({"wait_timeout_seconds": "10"}, "wait_timeout_seconds", "number"),
        ({"wait_timeout_seconds": 90000}, "wait_timeout_seconds", "24 hours"),
        ({"region": "mars-1"}, "region", "Region"),
        ({"owner": None}, "owner", "ImportedPhoneNumber"),
    ],
)
def test_each_invalid_input_fails_naming_its_property(
    news: dict[str, object], prop: str, words: str
) -> None:
    found = failures_for(**news)
    assert list(found) == [prop]
    assert any(words in reason for reason in found[prop])


def test_forty_nine_user_tags_are_allowed() -> None:
    assert failures_for(tags={f"k{n}": "v" for n in range(49)}) == {}


def test_unicode_letters_numbers_and_spaces_are_valid_tag_keys() -> None:
    assert (
        failures_for(tags={"Kostenstelle Zürich": "1", "名前": "2", "٣": "3", "a_.:/=+-@": "4"})
        == {}
    )


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


def test_unknown_preview_values_are_not_validated() -> None:
    assert (
        failures_for(instance_id=UNKNOWN, source_phone_number_arn=UNKNOWN, tags={"t": UNKNOWN})
        == {}
    )


def test_partition_aware_arns_are_accepted() -> None:
    source = "arn:aws-cn:sms-voice:cn-north-1:123456789012:phone-number/phone-1"
    instance = "arn:aws-cn:connect:cn-north-1:123456789012:instance/abc"
    assert failures_for(source_phone_number_arn=source, instance_id=instance) == {}


@given(st.text(min_size=1, max_size=128))
def test_tag_keys_are_accepted_exactly_when_they_match_the_service_pattern(key: str) -> None:
    import unicodedata

    allowed = (
        all(unicodedata.category(ch)[0] in "LZN" or ch in "_.:/=+-@" for ch in key)
        and not key.startswith("aws:")
        and key != OWNER_TAG_KEY
    )
    assert (tag_key_problem(key) is None) == allowed
