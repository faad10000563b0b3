"""Owner tag values and the resume/adopt/refuse decision for an already-imported number."""

from __future__ import annotations

import pytest

from connect_numbers.workflows.ownership import Decision, Owner, decide, owner_tag_value


def test_owner_is_project_stack_and_resource_name() -> None:
    assert owner_tag_value("phones", "dev", "support") == "phones/dev/support"


def test_an_overlong_owner_is_shortened_to_256_with_a_digest_that_keeps_names_apart() -> None:
    a = owner_tag_value("p", "s", "x" * 300 + "a")
    b = owner_tag_value("p", "s", "x" * 300 + "b")
    assert len(a) == 256 and len(b) == 256 and a != b


@pytest.mark.parametrize(
    ("existing", "adopt", "decision"),
    [
        ("me", False, Decision.RESUME),
        ("me", True, Decision.RESUME),
        (None, True, Decision.ADOPT),
        ("", True, Decision.ADOPT),
        (None, False, Decision.REFUSE_NOT_ADOPTED),
        ("them", False, Decision.REFUSE_OWNED_ELSEWHERE),
        ("them", True, Decision.REFUSE_OWNED_ELSEWHERE),
    ],
)
def test_decision_for_an_already_imported_number(
    existing: str | None, adopt: bool, decision: Decision
) -> None:
    assert decide(existing, Owner("me"), adopt=adopt) is decision
