"""Scenario 7: invalid declarations fail `pulumi preview` and `pulumi up`, naming the field,
without one mutating call.

Drawn from the seed's constraints (ImportPhoneNumber: instance id 1-100, description 0-500,
1-50 tags, keys 1-128 without `aws:`, values 0-256, an sms-voice phone-number ARN in the
instance's Region) and beyond (wrong types and shapes in stack config). Preview never changes
anything whatever the input, so every case also goes through `pulumi up --skip-preview`, where
a check that let bad input through would reach the service.

A stack that declares one valid and one invalid number does not stop cleanly at check: the
engine checks each resource as the program registers it, and a failed check stops new steps
but not the ones already started. Whether the valid number's import had started is a race
(both outcomes are seen on this machine, in either declaration order). The test asserts both
branches: never a call for the invalid number, and the valid one either not imported at all or
imported and recorded in state with its declared inputs, never orphaned.
"""

from __future__ import annotations

from typing import Any

import pytest

from connect_local_service import AdminClient
from connect_numbers.inputs.wire_names import wire_name
from tests.faults import invariants
from tests.faults.invariants import TALLY
from tests.faults.request_log import mutating_calls, mutating_calls_naming, sources_imported
from tests.faults.stacks import DROP, FRONT_ENDS, CliRun, RootStack, number

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


CASE_PARAMS = pytest.mark.parametrize(
    ("instance_id", "numbers", "field"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)


def _declare(stack: RootStack, instance_id: Any, numbers: Any) -> None:
    raw = {"connect-numbers:instanceId": DROP} if instance_id is DROP else None
    stack.declare(instance_id, numbers, raw=raw)


def _one_clear_error(run: CliRun) -> None:
    assert "Traceback" not in run.stdout or "StackConfigError" in run.stdout, run.output


@pytest.fixture(scope="module")
def preview_stack(tmp_path_factory: pytest.TempPathFactory, shared_service: Any) -> RootStack:
    return RootStack(tmp_path_factory.mktemp("bad-input-preview"), shared_service.endpoint_url)


@pytest.fixture(scope="module", params=FRONT_ENDS)
def up_stack(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, shared_service: Any
) -> RootStack:
    """One stack per front end: every case goes through `up` with each."""
    front_end = str(request.param)
    folder = tmp_path_factory.mktemp(f"bad-input-up-{front_end}")
    return RootStack(folder, shared_service.endpoint_url, front_end=front_end)


def _named(field: str, stack: RootStack) -> str:
    """The plugin names a resource's property by its camelCase wire name (`wire_names`)."""
    return wire_name(field) if stack.front_end == "plugin" else field


def test_there_are_at_least_thirty_cases() -> None:
    assert len(CASES) >= 30
    assert len({case[0] for case in CASES}) == len(CASES)


@CASE_PARAMS
def test_an_invalid_declaration_fails_preview_naming_the_field_without_any_mutating_call(
    preview_stack: RootStack, admin: AdminClient, instance_id: Any, numbers: Any, field: str
) -> None:
    invariants.scenario("bad-input-preview", admin)
    TALLY.bad_inputs += 1
    _declare(preview_stack, instance_id, numbers)

    preview = preview_stack.preview()

    assert not preview.ok, preview.output
    assert field in preview.output, preview.output
    _one_clear_error(preview)
    assert mutating_calls(admin.request_log()) == []


@CASE_PARAMS
def test_an_invalid_declaration_fails_up_naming_the_field_without_any_mutating_call(
    up_stack: RootStack, admin: AdminClient, instance_id: Any, numbers: Any, field: str
) -> None:
    invariants.scenario("bad-input-up", admin)
    TALLY.bad_inputs += 1
    _declare(up_stack, instance_id, numbers)

    up = up_stack.up()

    assert not up.ok, up.output
    assert _named(field, up_stack) in up.output, up.output
    _one_clear_error(up)
    assert mutating_calls(admin.request_log()) == []
    invariants.check(admin, up_stack.export(), declared=[])


@pytest.mark.parametrize("front_end", FRONT_ENDS)
@pytest.mark.parametrize("valid_first", [True, False], ids=["valid-first", "invalid-first"])
def test_up_with_one_valid_and_one_invalid_number_never_calls_for_the_invalid_one(
    root: RootStack, admin: AdminClient, valid_first: bool, front_end: str
) -> None:
    invariants.scenario("bad-input-mixed", admin)
    TALLY.bad_inputs += 1
    instance = admin.create_instance("mixed")["InstanceId"]
    valid = number("valid", admin.create_source_number()["PhoneNumberArn"], "fine")
    invalid_source = admin.create_source_number()["PhoneNumberArn"]
    invalid = number("invalid", invalid_source, "d" * 501)
    root.declare(instance, [valid, invalid] if valid_first else [invalid, valid])

    up = root.up()

    assert not up.ok, up.output
    named = [line for line in up.error_lines() if "'invalid'" in line and "description" in line]
    assert named, up.output
    _one_clear_error(up)
    log = admin.request_log()
    assert mutating_calls_naming(log, invalid_source) == []
    imported = sources_imported(log)
    # The engine may or may not have started the valid number's import (see the docstring).
    assert mutating_calls(log) == (["ImportPhoneNumber"] if imported else [])
    assert imported <= {valid["sourcePhoneNumberArn"]}
    invariants.check(
        admin, root.export(), declared=[valid] if imported else [], instance_id=instance
    )

    fixed = [valid, {**invalid, "description": "d" * 500}]
    root.declare(instance, fixed)
    assert root.up().ok
    invariants.check(admin, root.export(), declared=fixed, instance_id=instance)
