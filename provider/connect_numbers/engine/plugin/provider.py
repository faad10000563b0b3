"""The provider plugin `connect-numbers`: `ImportedPhoneNumber` as a real Pulumi resource.

Why it is shaped this way:
- It does what the dynamic provider (`engine.dynamic.provider`) does, through the same shared
  functions (`engine.calls`, `inputs`, `workflows`, `engine.outputs`); this module only converts
  the protocol's values (`property_values`) and results.
- Workflows are synchronous (boto3), so each runs on a thread pool this provider owns and sizes:
  the engine's `--parallel` then decides how many run at once, up to `workers`.
- Unlike the dynamic provider it gets the URN (so it derives `owner` itself, `urns`), the
  preview flag (create and update then call nothing), customTimeouts (`timeouts`) and its own
  configuration (`configure` args, see `aws.settings.PROVIDER_ARG_KEYS`).
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

from pulumi.provider.experimental.provider import (
    CheckFailure,
    CheckRequest,
    CheckResponse,
    ConfigureRequest,
    ConfigureResponse,
    CreateRequest,
    CreateResponse,
    DeleteRequest,
    DiffRequest,
    DiffResponse,
    GetSchemaRequest,
    GetSchemaResponse,
    PropertyDiff,
    PropertyDiffKind,
    Provider,
    ReadRequest,
    ReadResponse,
    UpdateRequest,
    UpdateResponse,
)

from connect_numbers.aws.arns import is_traffic_distribution_group_arn
from connect_numbers.aws.settings import PROVIDER_ARG_KEYS, AwsSettings, from_config
from connect_numbers.engine.calls import (
    arn_in,
    checked,
    context_for,
    holding_a_slot,
    note_check,
    recorded_owner,
)
from connect_numbers.engine.outputs import STABLE, outputs, planned_outputs
from connect_numbers.engine.plugin.engine_log import EngineLog
from connect_numbers.engine.plugin.property_values import plain_map, property_map
from connect_numbers.engine.plugin.timeouts import (
    naming_the_deadline,
    user_set_timeout,
    wait_timeout,
    without_unset_timeout,
)
from connect_numbers.engine.plugin.urns import owner_from_urn
from connect_numbers.errors import ConnectNumbersError
from connect_numbers.inputs.bags import inputs_from_live, parse
from connect_numbers.inputs.diff import DetailKind, detailed_changes, release_warning
from connect_numbers.inputs.schema import package_schema
from connect_numbers.inputs.spec import NumberInputs
from connect_numbers.inputs.wire_names import from_wire, to_wire, wire_name, wire_path
from connect_numbers.workflows import converge as converge_workflow
from connect_numbers.workflows import create as create_workflow
from connect_numbers.workflows import refresh as refresh_workflow
from connect_numbers.workflows import release as release_workflow
from connect_numbers.workflows.context import Runtime
from connect_numbers.workflows.ownership import OWNER_TAG_KEY, Owner
from connect_numbers.workflows.phone_number import PhoneNumber

WORKERS = 64
T = TypeVar("T")

_KINDS = {
    (DetailKind.ADD, False): PropertyDiffKind.ADD,
    (DetailKind.ADD, True): PropertyDiffKind.ADD_REPLACE,
    (DetailKind.UPDATE, False): PropertyDiffKind.UPDATE,
    (DetailKind.UPDATE, True): PropertyDiffKind.UPDATE_REPLACE,
    (DetailKind.DELETE, False): PropertyDiffKind.DELETE,
    (DetailKind.DELETE, True): PropertyDiffKind.DELETE_REPLACE,
}


def _plain(values: Any) -> dict[str, Any]:
    """A resource's properties with the shared code's names (`wire_names`)."""
    return from_wire(plain_map(values))


def _wire(values: dict[str, Any]) -> Any:
    return property_map(to_wire(values))


class ImportedPhoneNumberPlugin(Provider):
    """check / diff / create / read / update / delete / configure / get_schema."""

    def __init__(
        self,
        version: str = "0.0.0",
        runtime: Runtime | None = None,
        log: EngineLog | None = None,
        workers: int = WORKERS,
    ) -> None:
        self._version = version
        self._log = log if log is not None else EngineLog(None)
        self._runtime = runtime if runtime is not None else Runtime(notify=self._log.warn)
        self._settings = AwsSettings()
        self._executor = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="workflow")

    async def _run(self, fn: Callable[..., T], *args: Any) -> T:
        return await asyncio.get_running_loop().run_in_executor(self._executor, fn, *args)

    async def get_schema(self, request: GetSchemaRequest) -> GetSchemaResponse:
        return GetSchemaResponse(json.dumps(package_schema(self._version)))

    async def configure(self, request: ConfigureRequest) -> ConfigureResponse:
        self._settings = from_config(plain_map(request.args), PROVIDER_ARG_KEYS)
        return ConfigureResponse(supports_preview=True)

    async def check(self, request: CheckRequest) -> CheckResponse:
        note_check(plain_map(request.old_inputs))
        news = _plain(request.new_inputs)
        news["owner"] = owner_from_urn(request.urn)
        values, found = checked(news, self._runtime, self._settings)
        values = without_unset_timeout(values, user_set_timeout(news))
        return CheckResponse(
            _wire(values), [CheckFailure(wire_name(f.property), f.reason) for f in found]
        )

    async def diff(self, request: DiffRequest) -> DiffResponse:
        olds, news = _plain(request.old_state), _plain(request.new_inputs)
        changes = detailed_changes(olds, news)
        replaces = _properties(path for path, c in changes.items() if c.replaces)
        if replaces:
            warning = release_warning(request.resource_id, olds, news)
            await self._run(self._log.warn, warning, request.urn)
        return DiffResponse(
            changes=bool(changes),
            replaces=replaces,
            stables=[] if replaces else [wire_name(name) for name in STABLE],
            # Create the replacement first, as the dynamic resource does (see `ownership`).
            delete_before_replace=False,
            diffs=_properties(changes),
            detailed_diff={
                wire_path(path): PropertyDiff(_KINDS[(c.kind, c.replaces)], input_diff=True)
                for path, c in changes.items()
            },
        )

    async def create(self, request: CreateRequest) -> CreateResponse:
        props = _plain(request.properties)
        if request.preview:
            return CreateResponse("", _wire(planned_outputs(props)))
        return await self._run(self._create, props, request.timeout)

    def _create(self, props: dict[str, Any], custom_timeout: float) -> CreateResponse:
        inputs = parse(props)
        timeout = wait_timeout(props, custom_timeout)
        ctx = context_for(self._runtime, self._settings, "", inputs, None, timeout)
        with naming_the_deadline(timeout), holding_a_slot(ctx, self._runtime.notify):
            number, owner = create_workflow.create(ctx, inputs)
        values = outputs(number, inputs, owner)
        values = without_unset_timeout(values, user_set_timeout(props))
        return CreateResponse(number.phone_number_id, _wire(values))

    async def read(self, request: ReadRequest) -> ReadResponse:
        return await self._run(
            self._read,
            request.urn,
            request.resource_id,
            _plain(request.properties),
            _plain(request.inputs),
        )

    def _read(
        self, urn: str, id_: str, props: dict[str, Any], given: dict[str, Any]
    ) -> ReadResponse:
        importing = not given and not props
        stored = parse(props)
        ctx = context_for(self._runtime, self._settings, id_, stored, arn_in(props))
        number = refresh_workflow.refresh(ctx, id_, read_flow=stored.contact_flow_id is not None)
        if number is None:
            return ReadResponse(None, {}, {})
        if importing:
            owner = _importing_owner(id_, owner_from_urn(urn), number.tags.get(OWNER_TAG_KEY))
            stored = _declared_as_live(stored, number)
        else:
            owner = recorded_owner(stored.owner, props)
        user_set = user_set_timeout(props)
        live = without_unset_timeout(outputs(number, stored, owner), user_set)
        inputs = inputs_from_live(owner.as_recorded(number), stored)
        inputs = without_unset_timeout(inputs, user_set)
        return ReadResponse(id_, _wire(live), _wire(inputs))

    async def update(self, request: UpdateRequest) -> UpdateResponse:
        olds, news = _plain(request.olds), _plain(request.news)
        if request.preview:
            return UpdateResponse(_wire(planned_outputs(news, olds)))
        return await self._run(self._update, request.resource_id, olds, news, request.timeout)

    def _update(
        self, id_: str, olds: dict[str, Any], news: dict[str, Any], custom_timeout: float
    ) -> UpdateResponse:
        inputs, stored = parse(news), parse(olds)
        timeout = wait_timeout(news, custom_timeout)
        deadline = inputs.wait_timeout_seconds if timeout is None else timeout
        ctx = context_for(self._runtime, self._settings, id_, stored, arn_in(olds), deadline)
        owner = recorded_owner(inputs.owner, olds)
        with naming_the_deadline(timeout):
            number = converge_workflow.update(ctx, id_, inputs, owner, stored.contact_flow_id)
        values = without_unset_timeout(outputs(number, inputs, owner), user_set_timeout(news))
        return UpdateResponse(_wire(values))

    async def delete(self, request: DeleteRequest) -> None:
        props = _plain(request.properties)
        await self._run(self._delete, request.urn, request.resource_id, props, request.timeout)

    def _delete(self, urn: str, id_: str, props: dict[str, Any], custom_timeout: float) -> None:
        stored = parse(props)
        timeout = wait_timeout(props, custom_timeout)
        ctx = context_for(self._runtime, self._settings, id_, stored, arn_in(props), timeout)
        with naming_the_deadline(timeout):
            notice = release_workflow.delete(ctx, id_, recorded_owner(stored.owner, props))
        if notice:
            self._log.warn(notice, urn)


def _properties(paths: Iterable[str]) -> list[str]:
    """The top-level properties (wire names) that detailed-diff paths such as `tags.team` touch."""
    return sorted({wire_name(path.partition(".")[0]) for path in paths})


class OwnedElsewhereError(ConnectNumbersError):
    """`pulumi import` of a number that another stack's resource manages."""


def _declared_as_live(declared: NumberInputs, number: PhoneNumber) -> NumberInputs:
    """Import declares the target where the number is: its instance id, or its group's ARN."""
    if is_traffic_distribution_group_arn(number.target_arn):
        return dataclasses.replace(declared, target_arn=number.target_arn)
    return dataclasses.replace(declared, instance_id=number.instance_id)


def _importing_owner(phone_number_id: str, ours: str, live_tag: str | None) -> Owner:
    """The owner an imported number is recorded with; a number owned elsewhere is refused.

    Import writes nothing: an untagged number gets its owner tag from the next `up`, which sees
    the `owner` input added and updates in place.
    """
    owner = Owner(ours)
    if not live_tag:
        return owner
    generation = owner.generation_in(live_tag)
    if generation is None:
        raise OwnedElsewhereError(
            f"cannot import phone number {phone_number_id}: it is managed by {live_tag} "
            f"(its {OWNER_TAG_KEY} tag); import it in that stack, or remove the tag first"
        )
    return Owner(ours, generation)
