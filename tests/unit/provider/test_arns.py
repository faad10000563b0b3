"""ARN parsing in every partition: source numbers, instances and instance ids."""

from __future__ import annotations

import pytest

from connect_numbers.aws.arns import (
    ArnError,
    instance_id_of,
    parse_instance_arn,
    parse_source_number_arn,
)


@pytest.mark.parametrize("partition", ["aws", "aws-cn", "aws-us-gov"])
def test_source_arns_parse_in_every_partition(partition: str) -> None:
    arn = parse_source_number_arn(
        f"arn:{partition}:sms-voice:us-west-2:123456789012:phone-number/phone-1"
    )
    assert arn.partition == partition and arn.region == "us-west-2"


def test_instance_id_comes_from_an_arn_or_is_taken_as_is() -> None:
    assert instance_id_of("arn:aws:connect:us-east-1:123456789012:instance/abc") == "abc"
    assert instance_id_of("abc") == "abc"


@pytest.mark.parametrize(
    "text",
    [
        "arn:aws:connect:us-east-1:123456789012:instance/abc/queue/q",
        "arn:aws:connect:us-east-1:123456789012:instance/",
        "arn:aws:connect:us-east-1:12345:instance/abc",
        "arn:aws:connect::123456789012:instance/abc",
        "arn:azure:connect:us-east-1:123456789012:instance/abc",
    ],
)
def test_malformed_instance_arns_are_rejected(text: str) -> None:
    with pytest.raises(ArnError):
        parse_instance_arn(text)
