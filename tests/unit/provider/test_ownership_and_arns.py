"""Owner tag values, the resume/adopt/refuse decision, and partition-aware ARN parsing."""

from __future__ import annotations

import pytest

from connect_numbers.arns import (
    ArnError,
    instance_id_of,
    parse_instance_arn,
    parse_source_number_arn,
)
from connect_numbers.ownership import Decision, decide, owner_tag_value


def test_owner_is_project_stack_and_resource_name() -> None:
    assert owner_tag_value("phones", "dev", "support") == "phones/dev/support"


def test_an_overlong_owner_is_shortened_to_256_with_a_digest_that_keeps_names_apart() -> None:
    a = owner_tag_value("p", "s", "x" * 300 + "a")
    b = owner_tag_value("p", "s", "x" * 300 + "b")
    assert len(a) == 256 and len(b) == 256 and a != b


@pytest.mark.parametrize(
    ("existing", "adopt", "decision"),
    [
        ("me", False, Decision.RESUME),
        ("me", True, Decision.RESUME),
        (None, True, Decision.ADOPT),
        ("", True, Decision.ADOPT),
        (None, False, Decision.REFUSE_NOT_ADOPTED),
        ("them", False, Decision.REFUSE_OWNED_ELSEWHERE),
        ("them", True, Decision.REFUSE_OWNED_ELSEWHERE),
    ],
)
def test_decision_for_an_already_imported_number(
    existing: str | None, adopt: bool, decision: Decision
) -> None:
    assert decide(existing, "me", adopt=adopt) is decision


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
