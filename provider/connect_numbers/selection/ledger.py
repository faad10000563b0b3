"""The selection's record in state, whose diff names every number that left the selection.

Why a resource: a number that leaves the selection leaves the stack with `retain_on_delete`,
so no provider is asked to delete it and nothing would say so but the engine's terse
`delete[retain]`. This record holds the selected sources between runs; its diff, which runs in
`pulumi preview` and `pulumi up`, sees the previous selection and says, one line per number,
that it stays in Connect. It makes no AWS call. Its class is pickled by reference in state:
keep its module and name.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

import pulumi
from pulumi.dynamic import CreateResult, DiffResult, Resource, ResourceProvider, UpdateResult


def leaving(previous: Any, current: Any) -> list[str]:
    """Sources in `previous` and not in `current` (both lists of source ARNs)."""
    old = (
        set(previous) if isinstance(previous, Sequence) and not isinstance(previous, str) else set()
    )
    new = set(current) if isinstance(current, Sequence) and not isinstance(current, str) else set()
    return sorted(old - new)


def left_line(component: str, source_arn: str) -> str:
    return (
        f"connect-numbers: {source_arn} left the selection of {component}: its number leaves "
        "the stack and stays imported in Amazon Connect (retain_on_delete); nothing is released "
        "(README: Releasing numbers)"
    )


class SelectionLedgerProvider(ResourceProvider):
    serialize_as_secret_always = False

    def diff(self, _id: str, _olds: dict[str, Any], _news: dict[str, Any]) -> DiffResult:
        component = str(_news.get("component", ""))
        for source in leaving(_olds.get("selected"), _news.get("selected")):
            # The engine copies a dynamic provider's stderr into the CLI output.
            print(left_line(component, source), file=sys.stderr, flush=True)
        changed = _olds.get("selected") != _news.get("selected")
        return DiffResult(changes=changed, replaces=[], delete_before_replace=False)

    def create(self, props: dict[str, Any]) -> CreateResult:
        return CreateResult(f"selection-{props.get('component', '')}", props)

    def update(self, _id: str, _olds: dict[str, Any], _news: dict[str, Any]) -> UpdateResult:
        return UpdateResult(_news)

    def delete(self, _id: str, _props: dict[str, Any]) -> None:
        return None


class SelectionLedger(Resource, module="connect_numbers", name="SelectionLedger"):
    selected: pulumi.Output[list[str]]

    def __init__(
        self,
        resource_name: str,
        component: str,
        selected: Sequence[str],
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        props = {"component": component, "selected": sorted(selected)}
        super().__init__(SelectionLedgerProvider(), resource_name, props, opts)
