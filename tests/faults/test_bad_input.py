"""Scenario 7: invalid declarations fail `pulumi preview`, naming the field, calling nothing.

Drawn from the seed's constraints (ImportPhoneNumber: instance id 1-100, description 0-500,
1-50 tags, keys 1-128 without `aws:`, values 0-256, an sms-voice phone-number ARN in the
instance's Region) and beyond (wrong types and shapes in stack config).
"""

from __future__ import annotations

from typing import Any

import pytest

from connect_local_service import AdminClient
from tests.faults import invariants
from tests.faults.invariants import TALLY, mutating_calls
from tests.faults.stacks import DROP, RootStack

ACCOUNT = "123456789012"
SOURCE = (
    f"arn:aws:sms-voice:us-east-1:{ACCOUNT}:phone-number/phone-0123456789abcdef0123456789abcdef"
)
INSTANCE_UUID = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"


def _number(**changes: Any) -> dict[str, Any]:
    entry: dict[str, Any] = {"name": "bad", "sourcePhoneNumberArn": SOURCE}
    for key, value in changes.items():
        if value is DROP:
            entry.pop(key, None)
        else:
            entry[key] = value
    return entry


def _tags(n: int) -> dict[str, str]:
    return {f"k{i}": "v" for i in range(n)}


# (case id, instanceId, numbers, field the message must name)
CASES: list[tuple[str, Any, Any, str]] = [
    (
        "source-service-sns",
        INSTANCE_UUID,
        [_number(sourcePhoneNumberArn=SOURCE.replace("sms-voice", "sns"))],
        "source_phone_number_arn",
    ),
    (
        "source-service-connect",
        INSTANCE_UUID,
        [
            _number(
                sourcePhoneNumberArn=f"arn:aws:connect:us-east-1:{ACCOUNT}:phone-number/{INSTANCE_UUID}"
            )
        ],
        "source_phone_number_arn",
    ),
    (
        "source-other-region",
        INSTANCE_UUID,
        [_number(sourcePhoneNumberArn=SOURCE.replace("us-east-1", "eu-west-2"))],
        "source_phone_number_arn",
    ),
    (
        "source-not-an-arn",
        INSTANCE_UUID,
        [_number(sourcePhoneNumberArn="phone-0123")],
        "source_phone_number_arn",
    ),
    ("source-empty", INSTANCE_UUID, [_number(sourcePhoneNumberArn="")], "source_phone_number_arn"),
    (
        "source-sender-id",
        INSTANCE_UUID,
        [_number(sourcePhoneNumberArn=SOURCE.replace("phone-number/", "sender-id/"))],
        "source_phone_number_arn",
    ),
    (
        "source-bad-account",
        INSTANCE_UUID,
        [_number(sourcePhoneNumberArn=SOURCE.replace(ACCOUNT, "1234"))],
        "source_phone_number_arn",
    ),
    (
        "source-bad-region-name",
        INSTANCE_UUID,
        [_number(sourcePhoneNumberArn=SOURCE.replace("us-east-1", "mars-1"))],
        "source_phone_number_arn",
    ),
    (
        "instance-arn-other-region",
        f"arn:aws:connect:eu-west-2:{ACCOUNT}:instance/{INSTANCE_UUID}",
        [_number()],
        "instance_id",
    ),
    (
        "instance-arn-wrong-kind",
        f"arn:aws:connect:us-east-1:{ACCOUNT}:phone-number/{INSTANCE_UUID}",
        [_number()],
        "instance_id",
    ),
    ("instance-empty", "", [_number()], "instance_id"),
    ("instance-101-chars", "i" * 101, [_number()], "instance_id"),
    ("instance-with-slash", "abc/def", [_number()], "instance_id"),
    ("instance-blank", "   ", [_number()], "instance_id"),
    ("tags-50", INSTANCE_UUID, [_number(tags=_tags(50))], "tags"),
    ("tags-51", INSTANCE_UUID, [_number(tags=_tags(51))], "tags"),
    ("tag-key-aws", INSTANCE_UUID, [_number(tags={"aws:cost": "x"})], "tags"),
    ("tag-key-129", INSTANCE_UUID, [_number(tags={"k" * 129: "x"})], "tags"),
    ("tag-key-empty", INSTANCE_UUID, [_number(tags={"": "x"})], "tags"),
    ("tag-key-hash", INSTANCE_UUID, [_number(tags={"a#b": "x"})], "tags"),
    ("tag-key-owner", INSTANCE_UUID, [_number(tags={"connect-numbers:owner": "me"})], "tags"),
    ("tag-value-257", INSTANCE_UUID, [_number(tags={"k": "v" * 257})], "tags"),
    ("description-501", INSTANCE_UUID, [_number(description="d" * 501)], "description"),
    ("description-5000", INSTANCE_UUID, [_number(description="d" * 5000)], "description"),
    ("wait-zero", INSTANCE_UUID, [_number(waitTimeoutSeconds=0)], "wait_timeout_seconds"),
    ("wait-negative", INSTANCE_UUID, [_number(waitTimeoutSeconds=-5)], "wait_timeout_seconds"),
    ("wait-over-a-day", INSTANCE_UUID, [_number(waitTimeoutSeconds=86401)], "wait_timeout_seconds"),
    (
        "wait-string",
        INSTANCE_UUID,
        [_number(waitTimeoutSeconds="soon")],
        "numbers[0].waitTimeoutSeconds",
    ),
    ("adopt-string", INSTANCE_UUID, [_number(adopt="yes")], "numbers[0].adopt"),
    ("tags-list", INSTANCE_UUID, [_number(tags=["a", "b"])], "numbers[0].tags"),
    ("tag-value-number", INSTANCE_UUID, [_number(tags={"k": 7})], "numbers[0].tags.k"),
    ("description-number", INSTANCE_UUID, [_number(description=42)], "numbers[0].description"),
    ("name-missing", INSTANCE_UUID, [_number(name=DROP)], "numbers[0].name"),
    (
        "source-missing",
        INSTANCE_UUID,
        [_number(sourcePhoneNumberArn=DROP)],
        "numbers[0].sourcePhoneNumberArn",
    ),
    ("unknown-key", INSTANCE_UUID, [_number(descripton="typo")], "descripton"),
    ("instance-with-colon", "instance:abc", [_number()], "instance_id"),
    ("instance-missing", DROP, [_number()], "connect-numbers:instanceId"),
    ("numbers-a-map", INSTANCE_UUID, {"name": "bad"}, "connect-numbers:numbers"),
    ("duplicate-names", INSTANCE_UUID, [_number(), _number()], "numbers[1].name"),
]


@pytest.fixture(scope="module")
def bad_stack(tmp_path_factory: pytest.TempPathFactory, shared_service: Any) -> RootStack:
    return RootStack(tmp_path_factory.mktemp("bad-input"), shared_service.endpoint_url)


def test_there_are_at_least_thirty_cases() -> None:
    assert len(CASES) >= 30
    assert len({case[0] for case in CASES}) == len(CASES)


@pytest.mark.parametrize(
    ("instance_id", "numbers", "field"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_an_invalid_declaration_fails_preview_naming_the_field_without_any_mutating_call(
    bad_stack: RootStack, admin: AdminClient, instance_id: Any, numbers: Any, field: str
) -> None:
    invariants.scenario("bad-input")
    TALLY.bad_inputs += 1
    raw = {"connect-numbers:instanceId": DROP} if instance_id is DROP else None
    bad_stack.declare(instance_id, numbers, raw=raw)

    preview = bad_stack.preview()

    assert not preview.ok, preview.output
    assert field in preview.output, preview.output
    assert "Traceback" not in preview.stdout or "StackConfigError" in preview.stdout
    assert mutating_calls(admin.request_log()) == []
