"""The Pulumi dynamic provider that manages one imported Amazon Connect phone number.

Why it is shaped this way:
- It lives in an importable module, so dill pickles the class by reference: the state holds a
  few dozen bytes, and refresh and destroy run the installed code, not a stale copy. State
  names `connect_numbers.provider.ImportedPhoneNumberProvider` (see `connect_numbers.provider`),
  so the class declares that module as its own.
- The instance carries no client, session or credential. Its pickled form is empty (see
  `__getstate__`); AWS settings arrive through `configure` in the provider process and clients
  come from the process-wide cache in `clients`.
- It only speaks the engine's protocol: each method parses the property bag once, calls a
  workflow (`workflows.create`, `.refresh`, `.converge`, `.release`) and
  builds the engine's result.
"""

from __future__ import annotations

from typing import Any

from pulumi.dynamic import (
    CheckFailure,
    CheckResult,
    ConfigureRequest,
    CreateResult,
    DiffResult,
    ReadResult,
    ResourceProvider,
    UpdateResult,
)

from connect_numbers.aws.settings import AwsSettings, from_config
from connect_numbers.engine.calls import (
    arn_in,
    checked,
    context_for,
    holding_a_slot,
    note_check,
    recorded_owner,
)
from connect_numbers.engine.dynamic.host import adapt_dynamic_host
from connect_numbers.engine.outputs import STABLE, outputs
from connect_numbers.inputs.bags import inputs_from_live, parse
from connect_numbers.inputs.diff import diff_properties, release_warning
from connect_numbers.inputs.spec import NumberInputs
from connect_numbers.workflows import converge as converge_workflow
from connect_numbers.workflows import create as create_workflow
from connect_numbers.workflows import refresh as refresh_workflow
from connect_numbers.workflows import release as release_workflow
from connect_numbers.workflows.context import Runtime, WorkflowContext

__all__ = ["ImportedPhoneNumberProvider", "Runtime"]


class ImportedPhoneNumberProvider(ResourceProvider):
    """check / diff / create / read / update / delete for `ImportedPhoneNumber`."""

    # The path that state holds (by reference) since the first release: it must never move.
    __module__ = "connect_numbers.provider"
    serialize_as_secret_always = False

    def __init__(self, runtime: Runtime | None = None) -> None:
        super().__init__()
        self._runtime = runtime
        self._settings = AwsSettings()

    # Pickling keeps nothing: runtime and settings belong to the process that uses them.
    def __getstate__(self) -> dict[str, Any]:
        return {}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self._runtime = None
        self._settings = AwsSettings()

    @property
    def runtime(self) -> Runtime:
        if self._runtime is None:
            self._runtime = Runtime()
        return self._runtime

    def configure(self, req: ConfigureRequest) -> None:
        # The host calls configure once, right after unpickling the provider and before the
        # first check/diff/create/..., with the whole stack config.
        adapt_dynamic_host()  # first, so that a wrong config value below is one line
        self._settings = from_config(req.config)

    def check(self, _olds: dict[str, Any], news: dict[str, Any]) -> CheckResult:
        note_check(_olds)
        values, found = checked(news, self.runtime, self._settings)
        return CheckResult(values, [CheckFailure(f.property, f.reason) for f in found])

    def diff(self, _id: str, _olds: dict[str, Any], _news: dict[str, Any]) -> DiffResult:
        result = diff_properties(_olds, _news)
        if result.replaces:
            self.runtime.notify(release_warning(_id, _olds, _news))
        return DiffResult(
            changes=bool(result.changed),
            replaces=result.replaces,
            stables=[] if result.replaces else list(STABLE),
            # Create the replacement first: a refused import then leaves the old number in
            # place, and a replacement that takes the number over (same source) re-tags it, so
            # the old resource's delete releases nothing (see `ownership`).
            delete_before_replace=False,
        )

    def create(self, props: dict[str, Any]) -> CreateResult:
        inputs = parse(props)
        ctx = self._context("", inputs, known_arn=None)
        with holding_a_slot(ctx, self.runtime.notify):
            number, owner = create_workflow.create(ctx, inputs)
        return CreateResult(number.phone_number_id, outputs(number, inputs, owner))

    def read(self, id_: str, props: dict[str, Any]) -> ReadResult:
        stored = parse(props)
        ctx = self._context(id_, stored, arn_in(props))
        number = refresh_workflow.refresh(ctx, id_, read_flow=stored.contact_flow_id is not None)
        if number is None:
            return ReadResult("", {})
        owner = recorded_owner(stored.owner, props)
        return ReadResult(
            id_,
            outputs(number, stored, owner),
            inputs_from_live(owner.as_recorded(number), stored),
        )

    def update(self, _id: str, _olds: dict[str, Any], _news: dict[str, Any]) -> UpdateResult:
        inputs, stored = parse(_news), parse(_olds)
        ctx = self._context(_id, stored, arn_in(_olds), timeout=inputs.wait_timeout_seconds)
        owner = recorded_owner(inputs.owner, _olds)
        number = converge_workflow.update(ctx, _id, inputs, owner, stored.contact_flow_id)
        return UpdateResult(outputs(number, inputs, owner))

    def delete(self, _id: str, _props: dict[str, Any]) -> None:
        stored = parse(_props)
        ctx = self._context(_id, stored, arn_in(_props))
        notice = release_workflow.delete(ctx, _id, recorded_owner(stored.owner, _props))
        if notice:
            self.runtime.notify(notice)

    def _context(
        self,
        phone_number_id: str,
        inputs: NumberInputs,
        known_arn: str | None,
        timeout: float | None = None,
    ) -> WorkflowContext:
        return context_for(
            self.runtime, self._settings, phone_number_id, inputs, known_arn, timeout
        )
