"""The provider's tag-key rule accepts exactly what Connect's own pattern (from botocore's model)
accepts, apart from the provider's owner tag key.

The model states the rule as a regular expression with \\p{L}, \\p{Z} and \\p{N} classes, which
Python's `re` lacks. The pattern is used as the model states it, with only those three classes
spelled out as the code points of their Unicode general category.
"""

from __future__ import annotations

import functools
import re
import sys
import unicodedata

import botocore.session
from hypothesis import example, given, settings
from hypothesis import strategies as st

from connect_numbers.inputs.checks import tag_key_problem
from connect_numbers.inputs.limits import TAG_KEY_LENGTH, TAG_KEY_PATTERN
from connect_numbers.workflows.ownership import OWNER_TAG_KEY


@functools.cache
def _tag_key_shape_metadata() -> dict[str, object]:
    model = botocore.session.get_session().get_service_model("connect")
    member = model.shape_for(TAG_KEY_PATTERN.shape).members[TAG_KEY_PATTERN.member]
    return dict(member.key.metadata)  # type: ignore[attr-defined]


def _category_class(category: str) -> str:
    """A `re` character-class body with every code point whose category starts with `category`."""
    ranges: list[tuple[int, int]] = []
    for code in range(sys.maxunicode + 1):
        if unicodedata.category(chr(code))[0] == category:
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1] = (ranges[-1][0], code)
            else:
                ranges.append((code, code))
    return "".join(f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges)


@functools.cache
def service_pattern() -> re.Pattern[str]:
    pattern = str(_tag_key_shape_metadata()["pattern"])
    for category in "LZN":
        pattern = pattern.replace(f"\\p{{{category}}}", _category_class(category))
    return re.compile(pattern)


def service_accepts(key: str) -> bool:
    metadata = _tag_key_shape_metadata()
    length_ok = int(str(metadata["min"])) <= len(key) <= int(str(metadata["max"]))
    return length_ok and service_pattern().fullmatch(key) is not None


def test_the_model_states_the_pattern_with_unicode_classes_and_the_aws_prefix_excluded() -> None:
    pattern = str(_tag_key_shape_metadata()["pattern"])
    assert pattern.startswith("^(?!aws:)") and "\\p{L}" in pattern
    assert _tag_key_shape_metadata()["max"] == TAG_KEY_LENGTH.maximum


keys = st.one_of(
    st.text(max_size=TAG_KEY_LENGTH.maximum + 2),
    st.text(alphabet="aws:_.:/=+-@ #", max_size=12),
    st.builds(lambda rest: "aws:" + rest, st.text(max_size=8)),
)


# No deadline: the first example spells out the Unicode classes (about a second).
@settings(deadline=None)
@given(keys)
@example("")
@example("aws:")
@example("AWS:cost")
@example("k" * TAG_KEY_LENGTH.maximum)
@example("k" * (TAG_KEY_LENGTH.maximum + 1))
@example("Kostenstelle Zürich")
@example("cost#center")
@example(OWNER_TAG_KEY)
def test_a_tag_key_passes_exactly_when_the_service_pattern_accepts_it(key: str) -> None:
    expected = service_accepts(key) and key != OWNER_TAG_KEY
    assert (tag_key_problem(key) is None) == expected
