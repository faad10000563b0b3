"""customTimeouts reach each workflow's context unless the user set `wait_timeout_seconds`."""

from __future__ import annotations

from typing import Any

import pytest
from pulumi.provider.experimental.provider import CreateRequest, DeleteRequest, UpdateRequest

from connect_numbers.engine.plugin import provider as plugin_module

from ..fakes import NUMBER_ID, inputs, outputs
from .support import URN, plugin, props, run


class Stop(Exception):
    pass


@pytest.fixture
def timeouts(monkeypatch: pytest.MonkeyPatch) -> list[float | None]:
    seen: list[float | None] = []

    def context_for(*args: Any) -> Any:
        seen.append(args[-1])
        raise Stop

    monkeypatch.setattr(plugin_module, "context_for", context_for)
    return seen


def _unset(bag: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in bag.items() if k != "wait_timeout_seconds"}


def test_create_delete_and_update_wait_for_the_custom_timeout(
    timeouts: list[float | None],
) -> None:
    provider = plugin()
    with pytest.raises(Stop):
        run(provider.create(CreateRequest(URN, props(_unset(inputs())), 90.0, False)))
    with pytest.raises(Stop):
        run(provider.delete(DeleteRequest(URN, NUMBER_ID, props(_unset(outputs())), 45.0)))
    olds, news = props(_unset(outputs())), props(_unset(inputs(description="x")))
    with pytest.raises(Stop):
        run(provider.update(UpdateRequest(URN, NUMBER_ID, olds, news, 30.0, [], False)))
    assert timeouts == [90.0, 45.0, 30.0]


def test_a_set_wait_timeout_seconds_wins_over_the_custom_timeout(
    timeouts: list[float | None],
) -> None:
    provider = plugin()
    with pytest.raises(Stop):
        run(provider.create(CreateRequest(URN, props(inputs()), 90.0, False)))
    olds, news = props(outputs()), props(inputs(wait_timeout_seconds=20.0))
    with pytest.raises(Stop):
        run(provider.update(UpdateRequest(URN, NUMBER_ID, olds, news, 30.0, [], False)))
    assert timeouts == [None, 20.0]  # None: the context takes the input's own value
