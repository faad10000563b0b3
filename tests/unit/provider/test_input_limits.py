"""Every limit on both sides (at the limit passes, one past fails), and every limit against
botocore's Connect model."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import botocore.model
import botocore.session
import pytest

from connect_numbers.aws.connect_api import LIST_PAGE_SIZE
from connect_numbers.inputs import limits
from connect_numbers.inputs.bags import parse
from connect_numbers.inputs.limits import ModelRef, client_token_problem

from .fakes import harness, inputs


def _connect_model() -> botocore.model.ServiceModel:
    return botocore.session.get_session().get_service_model("connect")


CONNECT = _connect_model()


def failures_for(**news: object) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for failure in harness().provider.check({}, inputs(**news)).failures:
        found.setdefault(failure.property, []).append(failure.reason)
    return found


def _tags(count: int) -> dict[str, str]:
    return {f"k{n}": "v" for n in range(count)}


# (limit, input, value of size n) for every limit that `check` enforces.
CHECKED: list[tuple[limits.Limit, str, Callable[[int], Any]]] = [
    (limits.INSTANCE_ID_LENGTH, "instance_id", lambda n: "i" * n),
    (limits.DESCRIPTION_LENGTH, "description", lambda n: "d" * n),
    (limits.USER_TAGS, "tags", _tags),
    (limits.TAG_KEY_LENGTH, "tags", lambda n: {"k" * n: "v"}),
    (limits.TAG_VALUE_LENGTH, "tags", lambda n: {"k": "v" * n}),
    (limits.TAG_VALUE_LENGTH, "owner", lambda n: "o" * n),
    (limits.WAIT_TIMEOUT, "wait_timeout_seconds", float),
]
CHECKED_IDS = [f"{name}-{limit.subject}" for limit, name, _ in CHECKED]


@pytest.mark.parametrize(("limit", "name", "value_of"), CHECKED, ids=CHECKED_IDS)
def test_a_value_exactly_at_the_limit_passes_check(
    limit: limits.Limit, name: str, value_of: Callable[[int], Any]
) -> None:
    assert failures_for(**{name: value_of(limit.maximum)}) == {}


@pytest.mark.parametrize(("limit", "name", "value_of"), CHECKED, ids=CHECKED_IDS)
def test_a_value_one_past_the_limit_fails_check_naming_the_input_and_the_maximum(
    limit: limits.Limit, name: str, value_of: Callable[[int], Any]
) -> None:
    found = failures_for(**{name: value_of(limit.maximum + 1)})
    assert list(found) == [name]
    assert str(limit.maximum) in found[name][0]


def test_a_wait_just_past_a_day_fails() -> None:
    assert list(failures_for(wait_timeout_seconds=86400.001)) == ["wait_timeout_seconds"]


def test_the_shortest_wait_above_zero_passes_and_zero_fails() -> None:
    assert failures_for(wait_timeout_seconds=0.001) == {}
    assert list(failures_for(wait_timeout_seconds=0.0)) == ["wait_timeout_seconds"]


def test_forty_nine_user_tags_and_the_owner_tag_are_exactly_the_fifty_connect_allows() -> None:
    declared = parse(inputs(tags=_tags(limits.USER_TAGS.maximum)))
    assert len(declared.desired_tags()) == limits.TAGS_PER_NUMBER.maximum


def test_a_client_token_at_the_limit_passes_and_one_past_fails() -> None:
    assert client_token_problem("t" * limits.CLIENT_TOKEN_LENGTH.maximum) is None
    problem = client_token_problem("t" * (limits.CLIENT_TOKEN_LENGTH.maximum + 1))
    assert problem is not None and "500" in problem


def test_every_limit_is_tested_on_both_sides() -> None:
    covered = {limit for limit, _, _ in CHECKED}
    # The tag count per number and the client token have tests of their own above.
    covered |= {limits.TAGS_PER_NUMBER, limits.CLIENT_TOKEN_LENGTH}
    assert covered == set(limits.ALL_LIMITS)


def _stated(ref: ModelRef) -> dict[str, Any]:
    member = CONNECT.shape_for(ref.shape).members[ref.member]
    if ref.part == "key":
        assert isinstance(member, botocore.model.MapShape)
        return dict(member.key.metadata)
    if ref.part == "value":
        assert isinstance(member, botocore.model.MapShape)
        return dict(member.value.metadata)
    if ref.part == "item":
        assert isinstance(member, botocore.model.ListShape)
        return dict(member.member.metadata)
    return dict(member.metadata)


STATED = [(limit, ref) for limit in limits.ALL_LIMITS for ref in limit.stated_in]


@pytest.mark.parametrize(
    ("limit", "ref"),
    STATED,
    ids=[f"{ref.shape}.{ref.member}.{ref.part}" for _, ref in STATED],
)
def test_each_limit_equals_the_maximum_in_botocores_connect_model(
    limit: limits.Limit, ref: ModelRef
) -> None:
    assert _stated(ref)["max"] == limit.maximum


# The requests the provider sends (ListPhoneNumbersV2 is covered by its page size below).
SENT = [
    "ImportPhoneNumber",
    "UpdatePhoneNumber",
    "UpdatePhoneNumberMetadata",
    "TagResource",
    "UntagResource",
    "ReleasePhoneNumber",
]


def _maxima(operation: str) -> list[ModelRef]:
    shape = CONNECT.operation_model(operation).input_shape
    found: list[ModelRef] = []
    for name, member in shape.members.items():
        parts: list[tuple[str, botocore.model.Shape]] = [("member", member)]
        if isinstance(member, botocore.model.MapShape):
            parts += [("key", member.key), ("value", member.value)]
        if isinstance(member, botocore.model.ListShape):
            parts.append(("item", member.member))
        found += [ModelRef(shape.name, name, p) for p, s in parts if "max" in s.metadata]  # type: ignore[arg-type]
    return found


@pytest.mark.parametrize("operation", SENT)
def test_every_maximum_in_a_request_the_provider_sends_is_a_declared_limit(operation: str) -> None:
    declared = {ref for limit in limits.ALL_LIMITS for ref in limit.stated_in}
    assert set(_maxima(operation)) <= declared


def test_the_list_page_size_is_the_largest_page_connect_allows() -> None:
    shape = CONNECT.shape_for("ListPhoneNumbersV2Request").members["MaxResults"]
    assert shape.metadata["max"] == LIST_PAGE_SIZE


def test_a_limit_reads_as_its_subject_maximum_and_unit() -> None:
    assert limits.DESCRIPTION_LENGTH.text() == "description: at most 500 characters"


def test_a_limit_with_a_note_reads_with_the_note_in_brackets() -> None:
    assert limits.WAIT_TIMEOUT.text() == "wait: at most 86400 seconds (24 hours)"
