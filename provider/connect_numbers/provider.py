"""The Pulumi dynamic provider that manages one imported Amazon Connect phone number.

Why it is shaped this way:
- It lives in an importable module, so dill pickles the class by reference: the state holds a
  few dozen bytes, and refresh and destroy run the installed code, not a stale copy.
- The instance carries no client, session or credential. Its pickled form is empty (see
  `__getstate__`); AWS settings arrive through `configure` in the provider process and clients
  come from the process-wide cache in `clients`.
- Side effects (client factory, clock, tokens, the preview notice) are injected through
  `Runtime`, so every path is tested with botocore's Stubber and a fake clock.
"""

from __future__ import annotations

import dataclasses
import os
import sys
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
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

from . import clients, tagging
from . import props as p
from .arns import ArnError, instance_id_of, is_arn, parse_arn, parse_source_number_arn
from .connect_api import ConnectApi, Patience
from .diffing import diff_properties, release_warning
from .errors import (
    AdoptionRequiredError,
    ConfigurationError,
    ConnectNumbersError,
    IdempotencyConflictError,
    ImportFailedError,
    NotFoundError,
    NotOwnedError,
    OwnedElsewhereError,
    ReleaseTimeoutError,
    ServiceError,
    ThrottledError,
    UnexpectedOwnerError,
    WaitTimeoutError,
)
from .host import install_one_line_errors
from .mapping import desired_tags, inputs_from_live, outputs
from .model import NumberRef, PhoneNumber, Status
from .ownership import OWNER_TAG_KEY, Decision, decide
from .settings import AwsSettings, configured_region, from_config
from .validation import validate, with_defaults
from .waiter import Backoff, Clock, DeadlineExceeded, Done, Pending, wait_until

# Error codes with which Connect might refuse to import a source that is already imported. Our
# local service answers IdempotencyException (409); real Connect's answer is undocumented, so any
# of these triggers a look-up by source ARN, and the original error stands if nothing is found.
ALREADY_IMPORTED_CODES = frozenset(
    {
        "IdempotencyException",
        "ResourceInUseException",
        "ResourceConflictException",
        "ConflictException",
        "DuplicateResourceException",
        "InvalidRequestException",
        "InvalidParameterException",
    }
)


def _to_stderr(message: str) -> None:
    # The engine copies a dynamic provider's stderr into the CLI output (preview included).
    print(message, file=sys.stderr, flush=True)


def _new_token() -> str:
    return str(uuid.uuid4())


@dataclass(frozen=True)
class Runtime:
    """Everything with a side effect, replaceable in tests."""

    client_for: Callable[[clients.ClientKey], Any] = clients.connect_client
    clock: Clock = field(default_factory=Clock)
    backoff: Backoff = field(default_factory=Backoff)
    new_token: Callable[[], str] = _new_token
    notify: Callable[[str], None] = _to_stderr
    env: Mapping[str, str] | None = None


class ImportedPhoneNumberProvider(ResourceProvider):
    """check / diff / create / read / update / delete for `ImportedPhoneNumber`."""

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

    # ---- engine entry points -------------------------------------------------------------

    def configure(self, req: ConfigureRequest) -> None:
        # The host calls configure once, right after unpickling the provider and before the
        # first check/diff/create/..., with the whole stack config.
        self._settings = from_config(req.config)
        install_one_line_errors()

    def check(self, _olds: dict[str, Any], news: dict[str, Any]) -> CheckResult:
        inputs = with_defaults(news)
        env = self.runtime.env if self.runtime.env is not None else os.environ
        region = configured_region(inputs.get(p.REGION), self._settings, env)
        failures = [CheckFailure(f.property, f.reason) for f in validate(inputs, region)]
        return CheckResult(inputs, failures)

    def diff(self, _id: str, _olds: dict[str, Any], _news: dict[str, Any]) -> DiffResult:
        result = diff_properties(_olds, _news)
        if result.replaces:
            self.runtime.notify(release_warning(_id, _olds, _news))
        return DiffResult(
            changes=bool(result.changed),
            replaces=result.replaces,
            stables=[p.PHONE_NUMBER_ID, p.PHONE_NUMBER_ARN, p.PHONE_NUMBER]
            if not result.replaces
            else [],
            # The same source number cannot be imported twice: release first, then import.
            delete_before_replace=True,
        )

    def create(self, props: dict[str, Any]) -> CreateResult:
        inputs = with_defaults(props)
        source_arn = str(inputs[p.SOURCE_PHONE_NUMBER_ARN])
        api = self._api(parse_source_number_arn(source_arn).region, inputs)
        tags = desired_tags(inputs)
        try:
            ref = api.import_number(
                instance_id=instance_id_of(str(inputs[p.INSTANCE_ID])),
                source_arn=source_arn,
                description=str(inputs[p.DESCRIPTION]),
                tags=tags,
                token=self.runtime.new_token(),
            )
        except ServiceError as err:
            if err.code not in ALREADY_IMPORTED_CODES:
                raise
            existing = api.find_by_source(source_arn)
            if existing is None:
                raise
            number = self._take_over(api, existing, inputs)
        else:
            number = self._await_import(api, ref, inputs)
        return CreateResult(number.phone_number_id, outputs(number, inputs))

    def read(self, id_: str, props: dict[str, Any]) -> ReadResult:
        api = self._api(self._region_of_number(id_, props), props)
        number = api.describe(id_)
        if number is None:
            return ReadResult("", {})
        if number.status is Status.IN_PROGRESS:
            # An interrupted update settles as CLAIMED; an interrupted release ends in 404.
            settled = self._settle_or_vanish(
                api,
                id_,
                props,
                activity="IN_PROGRESS (an earlier change is still being applied)",
                resume="Run `pulumi refresh` again to keep waiting",
            )
            if settled is None:
                return ReadResult("", {})
            number = settled
        return ReadResult(id_, outputs(number, props), inputs_from_live(number, props))

    def update(self, _id: str, _olds: dict[str, Any], _news: dict[str, Any]) -> UpdateResult:
        inputs = with_defaults(_news)
        api = self._api(self._region_of_number(_id, _olds), inputs)
        number = api.describe(_id)
        if number is None:
            raise NotFoundError(
                "DescribePhoneNumber",
                "ResourceNotFoundException",
                f"phone number {_id} no longer exists; run `pulumi refresh` to drop it from the "
                "stack, then `pulumi up` to import the source number again",
            )
        number = self._converge(api, number, inputs)
        return UpdateResult(outputs(number, inputs))

    def delete(self, _id: str, _props: dict[str, Any]) -> None:
        api = self._api(self._region_of_number(_id, _props), _props)
        number = api.describe(_id)
        if number is None:
            return
        if number.status is Status.IN_PROGRESS:
            settled = self._settle_or_vanish(
                api,
                _id,
                _props,
                activity="IN_PROGRESS before its release",
                resume="Run `pulumi destroy` again to keep waiting",
            )
            if settled is None:
                return  # an earlier, interrupted release has finished
            number = settled
        owner = number.tags.get(OWNER_TAG_KEY)
        ours = _props.get(p.OWNER)
        if owner and ours and owner != ours:
            raise NotOwnedError(_id, owner, str(ours))
        self._release(api, _id, _props)

    # ---- building blocks -----------------------------------------------------------------

    def _api(self, region: str, props: Mapping[str, Any]) -> ConnectApi:
        key = clients.ClientKey(region, self._settings.profile, self._settings.endpoint_url)
        patience = Patience(self.runtime.clock, self.runtime.backoff, self._timeout(props))
        return ConnectApi(self.runtime.client_for(key), patience)

    def _region_of_number(self, id_: str, props: Mapping[str, Any]) -> str:
        """Calls go to the Region written in the number's ARN, whatever today's config says."""
        for candidate in (props.get(p.PHONE_NUMBER_ARN), id_, props.get(p.SOURCE_PHONE_NUMBER_ARN)):
            if isinstance(candidate, str) and is_arn(candidate):
                try:
                    return parse_arn(candidate).region
                except ArnError:
                    continue
        env = self.runtime.env if self.runtime.env is not None else os.environ
        configured = configured_region(props.get(p.REGION), self._settings, env)
        if configured is None:
            raise ConfigurationError(
                f"cannot tell which Region phone number {id_} is in; set aws:region or AWS_REGION"
            )
        return configured.region

    def _timeout(self, props: Mapping[str, Any]) -> float:
        value = props.get(p.WAIT_TIMEOUT_SECONDS)
        return float(value) if isinstance(value, int | float) else p.DEFAULT_WAIT_TIMEOUT_SECONDS

    def _wait_settled(
        self,
        api: ConnectApi,
        phone_number_id: str,
        props: Mapping[str, Any],
        *,
        activity: str,
        resume: str,
        poll_first: bool = False,
    ) -> PhoneNumber:
        """Poll DescribePhoneNumber until the number is CLAIMED or FAILED.

        `poll_first` skips the first sleep after changes that Connect applies at once
        (description, tags); after an import or a move the first answer is never final.
        """

        def poll() -> Done[PhoneNumber] | Pending:
            try:
                number = api.describe(phone_number_id)
            except ThrottledError:
                # botocore already retried; one throttled poll must not abort a long wait.
                return Pending("throttled")
            if number is None:
                raise NotFoundError(
                    "DescribePhoneNumber",
                    "ResourceNotFoundException",
                    f"phone number {phone_number_id} disappeared while {activity}",
                )
            if number.status is Status.IN_PROGRESS:
                return Pending(number.status.value)
            return Done(number)

        try:
            return wait_until(
                poll,
                timeout=self._timeout(props),
                clock=self.runtime.clock,
                backoff=self.runtime.backoff,
                poll_first=poll_first,
            )
        except DeadlineExceeded as timeout:
            raise WaitTimeoutError(phone_number_id, activity, timeout.waited, resume) from None

    def _settle_or_vanish(
        self,
        api: ConnectApi,
        phone_number_id: str,
        props: Mapping[str, Any],
        *,
        activity: str,
        resume: str,
    ) -> PhoneNumber | None:
        """Like `_wait_settled`, but a number that disappears meanwhile is None, not an error."""
        try:
            return self._wait_settled(api, phone_number_id, props, activity=activity, resume=resume)
        except NotFoundError:
            return None

    def _claimed(
        self,
        api: ConnectApi,
        phone_number_id: str,
        props: Mapping[str, Any],
        *,
        activity: str,
        resume: str,
        poll_first: bool = False,
    ) -> PhoneNumber:
        number = self._wait_settled(
            api, phone_number_id, props, activity=activity, resume=resume, poll_first=poll_first
        )
        if number.status is Status.FAILED:
            raise ImportFailedError(phone_number_id, number.status_message, cleaned_up=False)
        return number

    def _await_import(
        self, api: ConnectApi, ref: NumberRef, inputs: Mapping[str, Any]
    ) -> PhoneNumber:
        number = self._wait_settled(
            api,
            ref.phone_number_id,
            inputs,
            activity="IN_PROGRESS (being imported)",
            resume=(
                "The number carries this resource's owner tag, so the next `pulumi up` finds it "
                "and resumes waiting instead of importing again; raise wait_timeout_seconds if "
                "imports take longer"
            ),
        )
        if number.status is Status.FAILED:
            self._discard_failed(api, number, inputs)
        owner = number.tags.get(OWNER_TAG_KEY)
        if owner != inputs[p.OWNER]:
            raise UnexpectedOwnerError(number.phone_number_id, owner, str(inputs[p.OWNER]))
        return number

    def _discard_failed(
        self, api: ConnectApi, number: PhoneNumber, inputs: Mapping[str, Any]
    ) -> None:
        """Release a FAILED import of ours, so no half-imported number is left, then fail."""
        try:
            self._release(api, number.phone_number_id, inputs)
        except ConnectNumbersError:
            raise ImportFailedError(
                number.phone_number_id, number.status_message, cleaned_up=False
            ) from None
        raise ImportFailedError(number.phone_number_id, number.status_message, cleaned_up=True)

    def _take_over(self, api: ConnectApi, ref: NumberRef, inputs: Mapping[str, Any]) -> PhoneNumber:
        """The source is already imported: resume our own import, adopt, or refuse."""
        number = api.describe(ref.phone_number_id)
        if number is None:
            raise IdempotencyConflictError(
                "ImportPhoneNumber",
                "IdempotencyException",
                f"source number {ref.source_phone_number_arn} is reported as imported, but phone "
                f"number {ref.phone_number_id} cannot be described; run `pulumi up` again",
            )
        ours = str(inputs[p.OWNER])
        decision = decide(number.tags.get(OWNER_TAG_KEY), ours, adopt=bool(inputs[p.ADOPT]))
        if decision is Decision.REFUSE_OWNED_ELSEWHERE:
            raise OwnedElsewhereError(
                number.phone_number_id,
                ref.source_phone_number_arn,
                str(number.tags.get(OWNER_TAG_KEY)),
                ours,
            )
        if decision is Decision.REFUSE_NOT_ADOPTED:
            raise AdoptionRequiredError(
                number.phone_number_id, ref.source_phone_number_arn, number.instance_id
            )
        if number.status is Status.IN_PROGRESS:
            number = self._wait_settled(
                api,
                number.phone_number_id,
                inputs,
                activity="IN_PROGRESS (being imported)",
                resume="Run `pulumi up` again; it resumes waiting for the same number",
            )
        if number.status is Status.FAILED:
            if decision is Decision.RESUME:
                self._discard_failed(api, number, inputs)
            raise ImportFailedError(number.phone_number_id, number.status_message, cleaned_up=False)
        if decision is Decision.ADOPT:
            # The owner tag goes on first and alone: from here on a crash resumes, not re-adopts.
            api.tag(number.phone_number_arn, {OWNER_TAG_KEY: ours})
            number = dataclasses.replace(number, tags={**number.tags, OWNER_TAG_KEY: ours})
        return self._converge(api, number, inputs)

    def _converge(
        self, api: ConnectApi, number: PhoneNumber, inputs: Mapping[str, Any]
    ) -> PhoneNumber:
        """Bring the live number to the declared inputs, waiting for CLAIMED after each step."""
        pid = number.phone_number_id
        resume = "Run `pulumi up` again; it waits for the number and applies what is left"
        if number.status is Status.IN_PROGRESS:
            number = self._claimed(api, pid, inputs, activity="IN_PROGRESS", resume=resume)
        want_instance = instance_id_of(str(inputs[p.INSTANCE_ID]))
        if number.instance_id != want_instance:
            api.move(pid, want_instance, self.runtime.new_token())
            number = self._claimed(
                api, pid, inputs, activity="IN_PROGRESS (moving to another instance)", resume=resume
            )
        description = str(inputs[p.DESCRIPTION])
        if number.description != description:
            api.update_description(pid, description, self.runtime.new_token())
            number = self._claimed(
                api,
                pid,
                inputs,
                activity="IN_PROGRESS (description update)",
                resume=resume,
                poll_first=True,
            )
        steps = tagging.plan(number.tags, desired_tags(inputs))
        for step in steps:
            if isinstance(step, tagging.SetTags):
                api.tag(number.phone_number_arn, step.tags)
            else:
                api.untag(number.phone_number_arn, step.keys)
        if steps:
            number = self._claimed(
                api,
                pid,
                inputs,
                activity="IN_PROGRESS (tag update)",
                resume=resume,
                poll_first=True,
            )
        return number

    def _release(self, api: ConnectApi, phone_number_id: str, props: Mapping[str, Any]) -> None:
        """ReleasePhoneNumber, then wait until DescribePhoneNumber no longer finds it."""
        if not api.release(phone_number_id, self.runtime.new_token()):
            return

        def gone() -> Done[None] | Pending:
            try:
                number = api.describe(phone_number_id)
            except ThrottledError:
                return Pending("throttled")
            return Done(None) if number is None else Pending("releasing")

        try:
            wait_until(
                gone,
                timeout=self._timeout(props),
                clock=self.runtime.clock,
                backoff=self.runtime.backoff,
            )
        except DeadlineExceeded as timeout:
            raise ReleaseTimeoutError(phone_number_id, timeout.waited) from None
