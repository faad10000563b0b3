"""A dynamic resource that calls nothing (a bench and test fixture, not part of any wheel).

Why: it measures the Pulumi engine's own cost for a dynamic resource (the baseline
that the benchmarks subtract), and it proves the engine set-up end to end without
any AWS service involved.
"""

from __future__ import annotations

import hashlib
from typing import Any

import pulumi
from pulumi.dynamic import CreateResult, DiffResult, ReadResult, Resource, ResourceProvider


class NoOpProvider(ResourceProvider):
    """Echoes its inputs; ids are derived from them so runs are reproducible."""

    serialize_as_secret_always = False

    def create(self, props: dict[str, Any]) -> CreateResult:
        digest = hashlib.sha256(repr(sorted(props.items())).encode()).hexdigest()[:16]
        return CreateResult(id_=f"noop-{digest}", outs=dict(props))

    def diff(self, _id: str, olds: dict[str, Any], news: dict[str, Any]) -> DiffResult:
        changed = sorted(
            k for k in set(olds) | set(news) if k != "__provider" and olds.get(k) != news.get(k)
        )
        return DiffResult(changes=bool(changed), replaces=changed, delete_before_replace=False)

    def read(self, id_: str, props: dict[str, Any]) -> ReadResult:
        return ReadResult(id_=id_, outs=dict(props))


class NoOp(Resource):
    """A resource with one input, ``value``, echoed as an output."""

    value: pulumi.Output[str]

    def __init__(
        self, name: str, value: pulumi.Input[str], opts: pulumi.ResourceOptions | None = None
    ) -> None:
        super().__init__(NoOpProvider(), name, {"value": value}, opts)
