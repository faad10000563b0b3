"""The tags the user manages: every tag on the number but the provider's owner tag and the
`aws:` tags that AWS reserves."""

from __future__ import annotations

from connect_numbers.workflows.ownership import OWNER_TAG_KEY, user_tags


def test_the_owner_tag_is_not_the_users() -> None:
    assert user_tags({"team": "care", OWNER_TAG_KEY: "phones/dev/line"}) == {"team": "care"}


def test_aws_reserved_tags_are_not_the_users() -> None:
    assert user_tags({"team": "care", "aws:cloudformation:stack-id": "x"}) == {"team": "care"}


def test_only_the_lowercase_aws_prefix_is_reserved() -> None:
    # Connect's tag-key pattern refuses keys starting with `aws:` only; `AWS:` is a user key.
    assert user_tags({"AWS:cost": "1"}) == {"AWS:cost": "1"}


def test_every_other_tag_is_the_users() -> None:
    tags = {"team": "care", "cost center": "42", "a_.:/=+-@": "x"}
    assert user_tags(tags) == tags
