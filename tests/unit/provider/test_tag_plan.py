"""Tag planning: never fewer tags than needed mid-way, within Connect's 50-tag cap."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from connect_numbers.workflows.tag_plan import RemoveTags, SetTags, plan


def test_nothing_to_do_when_tags_match() -> None:
    assert plan({"a": "1"}, {"a": "1"}) == []


def test_new_and_changed_tags_are_set_before_old_ones_are_removed() -> None:
    assert plan({"a": "1", "b": "2"}, {"a": "9", "c": "3"}) == [
        SetTags({"a": "9", "c": "3"}),
        RemoveTags(["b"]),
    ]


def test_aws_reserved_tags_are_never_removed() -> None:
    assert plan({"aws:cloudformation:stack-id": "x"}, {}) == []


def test_only_as_many_old_keys_as_needed_are_removed_first_when_the_union_exceeds_fifty() -> None:
    old = {f"old{n:02}": "v" for n in range(48)}
    new = {f"new{n}": "v" for n in range(4)}
    steps = plan(old, new)
    assert steps[0] == RemoveTags(["old00", "old01"])
    assert steps[1] == SetTags(new)
    assert steps[2] == RemoveTags([f"old{n:02}" for n in range(2, 48)])


tag_maps = st.dictionaries(
    st.sampled_from([f"k{n}" for n in range(60)]), st.sampled_from("xyz"), max_size=50
)


@given(tag_maps, tag_maps)
def test_applying_the_plan_yields_the_desired_tags_and_never_exceeds_fifty(
    current: dict[str, str], desired: dict[str, str]
) -> None:
    live = dict(current)
    for step in plan(current, desired):
        if isinstance(step, SetTags):
            live.update(step.tags)
        else:
            for key in step.keys:
                del live[key]
        assert len(live) <= 50
        # Tags that both sets agree on are never removed mid-way.
        assert all(live.get(k) == v for k, v in current.items() if desired.get(k) == v)
    assert live == desired


def test_old_and_new_exactly_filling_the_cap_remove_nothing_first() -> None:
    old = {f"old{n:02}": "v" for n in range(48)}
    new = {"new0": "v", "new1": "v"}
    assert plan(old, new) == [SetTags(new), RemoveTags(sorted(old))]


def test_one_tag_over_the_cap_removes_exactly_one_old_key_first() -> None:
    old = {f"old{n:02}": "v" for n in range(48)}
    new = {f"new{n}": "v" for n in range(3)}
    steps = plan(old, new)
    assert steps[0] == RemoveTags(["old00"])
    assert steps[1] == SetTags(new)
