"""The owner tag's generation: one per create, recorded in state, and what it decides."""

from __future__ import annotations

import re

import botocore.session
import pytest

from connect_numbers.workflows.ownership import (
    GENERATION_LENGTH,
    Decision,
    Owner,
    Release,
    decide,
    generation_for,
    may_release,
    owner_tag_value,
)

from .fakes import OWNER

LONG = owner_tag_value("p", "s", "x" * 300)
# Characters every AWS tag value allows (the general AWS tagging rule; Connect's model states no
# pattern for TagValue, only its length).
TAG_CHARACTERS = re.compile(r"^[\w\s.:/=+\-@]*$")


def _tag_value_maximum() -> int:
    model = botocore.session.get_session().get_service_model("connect")
    maximum: int = model.shape_for("TagValue").metadata["max"]
    return maximum


def test_each_create_token_gives_its_own_generation_of_twelve_hex_digits() -> None:
    first, second = generation_for("token-a"), generation_for("token-b")
    assert first != second
    assert re.fullmatch(rf"[0-9a-f]{{{GENERATION_LENGTH}}}", first)


def test_the_tag_is_the_resource_then_the_generation() -> None:
    assert Owner(OWNER, "0123456789ab").tag == f"{OWNER}@0123456789ab"


def test_a_tag_without_generation_is_the_resource_alone_as_before() -> None:
    assert Owner(OWNER).tag == OWNER


def test_the_generation_adds_only_characters_every_tag_value_allows() -> None:
    suffix = Owner(OWNER, generation_for("t")).tag.removeprefix(OWNER)
    assert TAG_CHARACTERS.match(suffix)


@pytest.mark.parametrize("resource", [OWNER, LONG, "p/s/" + "y" * 250])
def test_a_tag_with_generation_fits_connects_tag_value_limit(resource: str) -> None:
    assert len(Owner(resource, generation_for("t")).tag) <= _tag_value_maximum()


def test_long_resources_stay_apart_after_shortening_for_the_generation() -> None:
    gen = generation_for("t")
    a = Owner(owner_tag_value("p", "s", "x" * 300 + "a"), gen).tag
    b = Owner(owner_tag_value("p", "s", "x" * 300 + "b"), gen).tag
    assert a != b


@pytest.mark.parametrize(
    ("resource", "tag", "generation"),
    [
        (OWNER, f"{OWNER}@0123456789ab", "0123456789ab"),
        (OWNER, OWNER, ""),
        (LONG, Owner(LONG, "0123456789ab").tag, "0123456789ab"),
        (OWNER, "phones/dev/other@0123456789ab", None),
        (OWNER, f"{OWNER}@0123", None),
        (OWNER, None, None),
        (OWNER, "", None),
    ],
)
def test_the_generation_a_live_tag_gives_this_resource(
    resource: str, tag: str | None, generation: str | None
) -> None:
    assert Owner(resource, "ffffffffffff").generation_in(tag) == generation


def test_a_resource_whose_name_looks_like_a_generation_still_reads_its_old_tag() -> None:
    odd = "phones/dev/line@0123456789ab"
    assert Owner(odd).generation_in(odd) == ""


def test_create_resumes_its_own_generation_and_takes_over_another_one_of_this_resource() -> None:
    ours = Owner(OWNER, "aaaaaaaaaaaa")
    assert decide(ours.tag, ours, adopt=False) is Decision.RESUME
    assert decide(f"{OWNER}@bbbbbbbbbbbb", ours, adopt=False) is Decision.TAKE_OVER
    assert decide(OWNER, ours, adopt=False) is Decision.TAKE_OVER  # tagged before generations
    assert decide("phones/prod/x@bbbbbbbbbbbb", ours, adopt=True) is (
        Decision.REFUSE_OWNED_ELSEWHERE
    )


@pytest.mark.parametrize(
    ("live", "recorded", "verdict"),
    [
        (f"{OWNER}@aaaaaaaaaaaa", Owner(OWNER, "aaaaaaaaaaaa"), Release.RELEASE),
        (OWNER, Owner(OWNER), Release.RELEASE),  # tag and state from before generations
        (None, Owner(OWNER, "aaaaaaaaaaaa"), Release.RELEASE),  # tag removed by hand
        (f"{OWNER}@aaaaaaaaaaaa", Owner(""), Release.RELEASE),  # no owner in state
        (f"{OWNER}@bbbbbbbbbbbb", Owner(OWNER, "aaaaaaaaaaaa"), Release.TAKEN_OVER),
        (f"{OWNER}@bbbbbbbbbbbb", Owner(OWNER), Release.TAKEN_OVER),
        (OWNER, Owner(OWNER, "aaaaaaaaaaaa"), Release.TAKEN_OVER),
        ("phones/prod/x@aaaaaaaaaaaa", Owner(OWNER, "aaaaaaaaaaaa"), Release.OWNED_ELSEWHERE),
    ],
)
def test_delete_releases_only_the_recorded_tag_generation_included(
    live: str | None, recorded: Owner, verdict: Release
) -> None:
    assert may_release(live, recorded) is verdict
