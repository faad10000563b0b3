"""How the owner is written and reported: the tag value is shortened only past Connect's
tag-value limit, and a number is reported with the owner as the program declares it while its
tag is this create's."""

from __future__ import annotations

from connect_numbers.inputs.limits import TAG_VALUE_LENGTH
from connect_numbers.workflows.ownership import OWNER_TAG_KEY, Owner, owner_tag_value
from connect_numbers.workflows.phone_number import PhoneNumber, Status

from .fakes import NUMBER_ARN, NUMBER_ID, OWNER

GENERATION = "0123456789ab"


def _number(tags: dict[str, str]) -> PhoneNumber:
    return PhoneNumber(NUMBER_ID, NUMBER_ARN, Status.CLAIMED, tags=tags)


def test_an_owner_exactly_as_long_as_a_tag_value_may_be_is_kept_as_it_is() -> None:
    name = "n" * (TAG_VALUE_LENGTH.maximum - len("p/s/"))
    assert owner_tag_value("p", "s", name) == f"p/s/{name}"


def test_an_owner_one_past_the_tag_value_limit_is_shortened_to_the_limit() -> None:
    name = "n" * (TAG_VALUE_LENGTH.maximum - len("p/s/") + 1)
    value = owner_tag_value("p", "s", name)
    assert len(value) == TAG_VALUE_LENGTH.maximum and value != f"p/s/{name}"


def test_a_resource_that_fits_beside_its_generation_is_kept_as_it_is() -> None:
    resource = "r" * (TAG_VALUE_LENGTH.maximum - len("@" + GENERATION))
    assert Owner(resource, GENERATION).tag == f"{resource}@{GENERATION}"


def test_a_number_tagged_by_this_create_is_reported_with_the_resource_alone() -> None:
    owner = Owner(OWNER, GENERATION)
    recorded = owner.as_recorded(_number({"team": "care", OWNER_TAG_KEY: owner.tag}))
    assert recorded.tags == {"team": "care", OWNER_TAG_KEY: OWNER}


def test_a_number_tagged_by_another_generation_is_reported_as_it_is() -> None:
    number = _number({"team": "care", OWNER_TAG_KEY: f"{OWNER}@bbbbbbbbbbbb"})
    assert Owner(OWNER, GENERATION).as_recorded(number) == number


def test_a_number_without_owner_tag_is_reported_as_it_is() -> None:
    number = _number({"team": "care"})
    assert Owner(OWNER, GENERATION).as_recorded(number) == number
