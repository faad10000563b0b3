"""The pre-flight check of the source against the local service over HTTP: a source that cannot
be imported fails create with one line and no ImportPhoneNumber in the request log; a source
that AWS documents no rule against warns and imports; resume is untouched."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from connect_numbers.errors import SourceNotClaimedError, SourceNotFoundError
from tests.integration.provider.on_service import OWNER, ProviderOnService

pytestmark = pytest.mark.integration

ACCOUNT = "123456789012"  # the local service's account


def _operations(on_service: ProviderOnService) -> list[str]:
    return [e["operation"] for e in on_service.service.admin.request_log()]


def _one_line(err: pytest.ExceptionInfo[Exception]) -> str:
    text = str(err.value)
    assert "\n" not in text and "Traceback" not in text
    return text


def test_a_missing_source_fails_with_one_line_and_nothing_imported(
    on_service: ProviderOnService, instance: dict[str, Any]
) -> None:
    missing = f"arn:aws:sms-voice:us-east-1:{ACCOUNT}:phone-number/phone-{'0' * 32}"
    with pytest.raises(SourceNotFoundError) as err:
        on_service.create(instance_id=instance["Arn"], source_phone_number_arn=missing)

    assert _one_line(err) == (
        f"source number {missing} was not found in AWS End User Messaging SMS/voice in account "
        f"{ACCOUNT} / Region us-east-1, where the instance is; nothing was imported. Check "
        "source_phone_number_arn, or request the number in that account and Region"
    )
    ops = _operations(on_service)
    assert ops[0] == "DescribePhoneNumbers" and "ImportPhoneNumber" not in ops
    assert on_service.live() == []


def test_a_source_of_another_account_is_not_found_where_the_instance_is(
    on_service: ProviderOnService,
    instance: dict[str, Any],
    source_number: Callable[..., dict[str, Any]],
) -> None:
    foreign = source_number(account_id="111122223333")["PhoneNumberArn"]
    with pytest.raises(SourceNotFoundError) as err:
        on_service.create(instance_id=instance["Arn"], source_phone_number_arn=foreign)

    text = _one_line(err)
    assert f"in account {ACCOUNT} / Region us-east-1, where the instance is" in text
    assert "the ARN names account 111122223333" in text
    assert "ImportPhoneNumber" not in _operations(on_service)


@pytest.mark.parametrize(
    ("status", "advice"),
    [
        ("DELETED", "request a new number in End User Messaging"),
        ("PENDING", "run `pulumi up` again once End User Messaging shows it ACTIVE"),
    ],
)
def test_a_source_that_is_not_claimed_fails_with_one_line_and_nothing_imported(
    on_service: ProviderOnService,
    instance: dict[str, Any],
    source_number: Callable[..., dict[str, Any]],
    status: str,
    advice: str,
) -> None:
    source = source_number(status=status)["PhoneNumberArn"]
    with pytest.raises(SourceNotClaimedError) as err:
        on_service.create(instance_id=instance["InstanceId"], source_phone_number_arn=source)

    text = _one_line(err)
    assert text.startswith(
        f"source number {source} is {status} in AWS End User Messaging SMS/voice, and "
        "ImportPhoneNumber imports only a claimed number; nothing was imported. "
    )
    assert advice in text
    assert "ImportPhoneNumber" not in _operations(on_service)
    assert on_service.live() == []


def test_an_sms_only_source_warns_and_imports(
    on_service: ProviderOnService,
    instance: dict[str, Any],
    source_number: Callable[..., dict[str, Any]],
) -> None:
    source = source_number(capabilities=["SMS"])["PhoneNumberArn"]
    number_id, outs = on_service.create(
        instance_id=instance["InstanceId"], source_phone_number_arn=source
    )

    assert outs["status"] == "CLAIMED"
    [notice] = on_service.notices
    assert notice.startswith(f"connect-numbers WARNING: {OWNER}: source number {source}: ")
    assert "no VOICE capability (capabilities: SMS)" in notice
    ops = _operations(on_service)
    assert ops.index("DescribePhoneNumbers") < ops.index("ImportPhoneNumber")
    assert [n["PhoneNumberId"] for n in on_service.live()] == [number_id]


def test_an_imported_source_is_still_active_so_a_second_create_resumes_it(
    on_service: ProviderOnService,
    instance: dict[str, Any],
    source_number: Callable[..., dict[str, Any]],
    sms_client: Any,
) -> None:
    source = source_number()["PhoneNumberArn"]
    declared = {"instance_id": instance["InstanceId"], "source_phone_number_arn": source}
    first_id, _ = on_service.create(**declared)
    [described] = sms_client.describe_phone_numbers(PhoneNumberIds=[source])["PhoneNumbers"]
    assert described["Status"] == "ACTIVE"  # what the pre-flight of the next create sees

    again_id, _ = on_service.create(**declared)  # a crashed create's successor: it resumes
    assert again_id == first_id and len(on_service.live()) == 1
    assert on_service.notices == []


def test_a_source_in_another_region_still_fails_at_check_before_any_call(
    on_service: ProviderOnService,
    instance: dict[str, Any],
    source_number: Callable[..., dict[str, Any]],
) -> None:
    west = source_number(region="us-west-2")["PhoneNumberArn"]
    on_service.service.admin.clear_request_log()
    result = on_service.provider.check(
        {},
        {
            "owner": OWNER,
            "__provider": "serialized",
            "instance_id": instance["Arn"],
            "source_phone_number_arn": west,
        },
    )
    assert any("same Region" in f.reason for f in result.failures), result.failures
    assert _operations(on_service) == []
