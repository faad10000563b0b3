from __future__ import annotations

from pulumi.provider.experimental.provider import CheckRequest

from connect_numbers.engine.plugin.property_values import plain_map, property_map

from ..fakes import SOURCE_ARN
from .support import URN, plugin, run


def _check(news: dict[str, object]) -> object:
    request = CheckRequest(URN, {}, property_map(news), b"")
    return run(plugin().check(request))


def test_the_owner_comes_from_the_urn_as_project_stack_and_name() -> None:
    result = _check({"sourcePhoneNumberArn": SOURCE_ARN, "instanceId": "i-1"})
    checked = plain_map(result.inputs)  # type: ignore[attr-defined]
    assert checked["owner"] == "phones/dev/support-line"


def test_an_unset_wait_timeout_stays_out_of_the_checked_inputs() -> None:
    result = _check({"sourcePhoneNumberArn": SOURCE_ARN, "instanceId": "i-1"})
    assert "waitTimeoutSeconds" not in result.inputs  # type: ignore[attr-defined]


def test_a_bad_input_fails_naming_the_field() -> None:
    result = _check({"sourcePhoneNumberArn": "not-an-arn", "instanceId": "i-1"})
    failures = result.failures  # type: ignore[attr-defined]
    assert [f.property for f in failures] == ["sourcePhoneNumberArn"]
