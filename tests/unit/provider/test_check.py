"""check: defaults, and each input's rules before any AWS call (limits: test_input_limits,
Regions: test_regions, tag keys: test_tag_key_rule)."""

from __future__ import annotations

import pytest
from pulumi.dynamic import Config, ConfigureRequest
from pulumi.runtime.rpc import UNKNOWN

from connect_numbers.workflows.ownership import OWNER_TAG_KEY

from .fakes import INSTANCE_ARN, SOURCE_ARN, harness, inputs


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
        "target_arn": None,
        "source_phone_number_arn": SOURCE_ARN,
        "description": "",
        "tags": {},
        "contact_flow_id": None,
        "adopt": False,
        "wait_timeout_seconds": 600.0,
        "region": None,
        "owner": "proj/stack/name",
    }


@pytest.mark.parametrize(
    ("news", "prop", "words"),
    [
        ({"instance_id": None}, "instance_id", "required"),
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
        ({"tags": {"aws:team": "x"}}, "tags", "aws:"),
        ({"tags": {OWNER_TAG_KEY: "x"}}, "tags", "managed by the provider"),
        ({"tags": {"": "x"}}, "tags", "empty"),
        ({"tags": {"cost#center": "x"}}, "tags", "'#'"),
        ({"tags": "team=care"}, "tags", "map"),
        ({"adopt": "yes"}, "adopt", "true or false"),
        ({"wait_timeout_seconds": 0}, "wait_timeout_seconds", "above 0"),
        ({"wait_timeout_seconds": "10"}, "wait_timeout_seconds", "number"),
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


def test_unicode_letters_numbers_and_spaces_are_valid_tag_keys() -> None:
    assert (
        failures_for(tags={"Kostenstelle Zürich": "1", "名前": "2", "٣": "3", "a_.:/=+-@": "4"})
        == {}
    )


def test_unknown_preview_values_are_not_validated() -> None:
    assert (
        failures_for(instance_id=UNKNOWN, source_phone_number_arn=UNKNOWN, tags={"t": UNKNOWN})
        == {}
    )


def test_partition_aware_arns_are_accepted() -> None:
    source = "arn:aws-cn:sms-voice:cn-north-1:123456789012:phone-number/phone-1"
    instance = "arn:aws-cn:connect:cn-north-1:123456789012:instance/abc"
    assert failures_for(source_phone_number_arn=source, instance_id=instance) == {}
