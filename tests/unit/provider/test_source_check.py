"""The pre-flight decision (`source_check.verdict`): the description of the source in, a verdict
out. One rule per test; the sources of the rules are in docs/behaviour.md."""

from __future__ import annotations

from connect_numbers.errors import SourceNotClaimedError, SourceNotFoundError
from connect_numbers.workflows.source_check import Fail, LookedUpIn, Ok, Warn, verdict
from connect_numbers.workflows.source_number import SourceNumber

from .fakes import ACCOUNT, REGION, SOURCE_ARN

HERE = LookedUpIn(REGION, ACCOUNT, ACCOUNT)


def source(**overrides: object) -> SourceNumber:
    values: dict[str, object] = {
        "phone_number_arn": SOURCE_ARN,
        "status": "ACTIVE",
        "capabilities": ("SMS", "VOICE"),
    }
    values.update(overrides)
    return SourceNumber(**values)  # type: ignore[arg-type]


def failure(result: object) -> str:
    assert isinstance(result, Fail), result
    text = str(result.error)
    assert "\n" not in text
    return text


def test_an_active_voice_source_outside_any_pool_imports_without_a_word() -> None:
    assert verdict(SOURCE_ARN, source(), HERE) == Ok()


def test_a_source_not_found_fails_naming_the_account_and_region_of_the_look_up() -> None:
    result = verdict(SOURCE_ARN, None, HERE)
    assert isinstance(result, Fail) and isinstance(result.error, SourceNotFoundError)
    assert failure(result) == (
        f"source number {SOURCE_ARN} was not found in AWS End User Messaging SMS/voice in "
        f"account {ACCOUNT} / Region {REGION}, where the instance is; nothing was imported. "
        "Check source_phone_number_arn, or request the number in that account and Region"
    )


def test_a_source_of_another_account_not_found_says_the_look_up_used_the_instances_account() -> (
    None
):
    text = failure(verdict(SOURCE_ARN, None, LookedUpIn(REGION, "111122223333", ACCOUNT)))
    assert "in account 111122223333 / Region us-east-1, where the instance is" in text
    assert f"the ARN names account {ACCOUNT}" in text
    assert "credentials of the instance's account" in text


def test_a_source_not_found_for_a_bare_instance_id_names_the_credentials_account() -> None:
    text = failure(verdict(SOURCE_ARN, None, LookedUpIn(REGION, None, ACCOUNT)))
    assert "in the account of the AWS credentials in use / Region us-east-1" in text


def test_a_deleted_source_fails_as_not_claimed_and_says_to_request_a_new_number() -> None:
    result = verdict(SOURCE_ARN, source(status="DELETED"), HERE)
    assert isinstance(result, Fail) and isinstance(result.error, SourceNotClaimedError)
    assert failure(result) == (
        f"source number {SOURCE_ARN} is DELETED in AWS End User Messaging SMS/voice, and "
        "ImportPhoneNumber imports only a claimed number; nothing was imported. A released "
        "number cannot be imported: request a new number in End User Messaging and set "
        "source_phone_number_arn to it"
    )


def test_a_pending_source_fails_as_not_claimed_and_says_to_run_again_once_active() -> None:
    text = failure(verdict(SOURCE_ARN, source(status="PENDING"), HERE))
    assert text.startswith(f"source number {SOURCE_ARN} is PENDING in AWS End User Messaging")
    assert "run `pulumi up` again once End User Messaging shows it ACTIVE" in text


def test_an_associating_source_warns_and_imports() -> None:
    result = verdict(SOURCE_ARN, source(status="ASSOCIATING"), HERE)
    assert isinstance(result, Warn) and "ASSOCIATING" in result.text
    assert "the import goes ahead" in result.text


def test_a_disassociating_source_warns_and_imports() -> None:
    result = verdict(SOURCE_ARN, source(status="DISASSOCIATING"), HERE)
    assert isinstance(result, Warn) and "DISASSOCIATING" in result.text


def test_a_status_unknown_to_the_provider_warns_and_imports() -> None:
    result = verdict(SOURCE_ARN, source(status="SUSPENDED"), HERE)
    assert isinstance(result, Warn) and "SUSPENDED" in result.text


def test_a_source_without_voice_warns_that_it_cannot_take_calls_and_imports() -> None:
    result = verdict(SOURCE_ARN, source(capabilities=("SMS",)), HERE)
    assert result == Warn(
        f"source number {SOURCE_ARN}: it has no VOICE capability (capabilities: SMS), so in "
        "Amazon Connect it can serve messaging but cannot take or place calls; End User "
        "Messaging cannot add capabilities to a number later"
    )


def test_a_source_in_a_pool_warns_naming_the_pool_and_imports() -> None:
    result = verdict(SOURCE_ARN, source(pool_id="pool-0123"), HERE)
    assert isinstance(result, Warn) and "pool pool-0123" in result.text


def test_two_way_messaging_to_another_channel_warns_naming_the_channel() -> None:
    channel = f"arn:aws:sns:{REGION}:{ACCOUNT}:inbound-sms"
    result = verdict(SOURCE_ARN, source(two_way_enabled=True, two_way_channel_arn=channel), HERE)
    assert isinstance(result, Warn) and channel in result.text


def test_two_way_messaging_to_amazon_connect_says_nothing() -> None:
    channel = f"arn:aws:connect:{REGION}:{ACCOUNT}:instance/abc"
    result = verdict(SOURCE_ARN, source(two_way_enabled=True, two_way_channel_arn=channel), HERE)
    assert result == Ok()


def test_deletion_protection_says_nothing() -> None:
    assert verdict(SOURCE_ARN, source(deletion_protection_enabled=True), HERE) == Ok()


def test_several_warnings_are_one_line() -> None:
    result = verdict(
        SOURCE_ARN, source(status="ASSOCIATING", capabilities=("SMS",), pool_id="p-1"), HERE
    )
    assert isinstance(result, Warn) and "\n" not in result.text
    assert result.text.count("; ") >= 2
