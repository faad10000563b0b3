"""`pulumi import` records the number's owner as this resource, or refuses another stack's."""

from __future__ import annotations

import pytest

from connect_numbers.engine.plugin.provider import OwnedElsewhereError, _importing_owner
from connect_numbers.engine.plugin.urns import owner_from_urn
from connect_numbers.workflows.ownership import Owner

from ..fakes import NUMBER_ID
from .support import URN

OURS = "phones/dev/support-line"


def test_the_owner_is_project_stack_and_name_from_the_urn() -> None:
    assert owner_from_urn(URN) == OURS


def test_an_untagged_number_is_imported_without_writing_a_tag() -> None:
    assert _importing_owner(NUMBER_ID, OURS, None) == Owner(OURS)


def test_a_number_this_resource_tagged_keeps_its_generation() -> None:
    tag = Owner(OURS, "0123456789ab").tag
    assert _importing_owner(NUMBER_ID, OURS, tag) == Owner(OURS, "0123456789ab")


def test_a_number_another_stack_owns_is_refused_in_one_line_naming_the_owner() -> None:
    with pytest.raises(OwnedElsewhereError) as refused:
        _importing_owner(NUMBER_ID, OURS, "shop/prod/sales")
    message = str(refused.value)
    assert "\n" not in message
    assert "managed by shop/prod/sales" in message
    assert NUMBER_ID in message
