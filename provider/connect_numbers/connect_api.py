"""The AWS boundary: the Amazon Connect calls the provider makes, and nothing else.

Why: this is the only module that sees botocore. It turns responses into `model` values and every
botocore failure into one of our error types, so the provider logic above it is written (and
read) in terms of phone numbers and ownership, never HTTP codes.
"""

from __future__ import annotations

import contextlib
import functools
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

import botocore.exceptions

from .arns import ArnError, parse_instance_arn
from .call_plan import THROTTLING_CODES, CallPlan, deadline_of_calls, plan_of
from .errors import (
    AccessDeniedError,
    ConfigurationError,
    ConnectNumbersError,
    IdempotencyConflictError,
    NotFoundError,
    QuotaExceededError,
    ResourceInUseError,
    ServiceError,
    ThrottledError,
)
from .limits import client_token_problem
from .pacing import PacedPastDeadlineError
from .phone_number import NumberRef, PhoneNumber, Status
from .targets import TrafficDistributionGroup
from .waiter import Backoff, Clock, DeadlineExceeded, Done, Pending, Schedule, wait_until

if TYPE_CHECKING:
    from mypy_boto3_connect import ConnectClient
    from mypy_boto3_connect.type_defs import ClaimedPhoneNumberSummaryTypeDef
else:
    ConnectClient = Any
    ClaimedPhoneNumberSummaryTypeDef = Any

_DENIED_ACTION = re.compile(r"perform:?\s+([a-z0-9-]+:[A-Za-z0-9]+)")
LIST_PAGE_SIZE = 1000
# How long one call keeps going through throttling after botocore's own retries give up, when
# the caller gives no deadline of its own.
DEFAULT_RETRY_SECONDS = 300.0

T = TypeVar("T")


def iam_action(operation: str) -> str:
    """The IAM action behind a Connect API operation (they share the name)."""
    return f"connect:{operation}"


def translate(err: botocore.exceptions.ClientError, operation: str) -> ServiceError:
    """One of our error types for a botocore ClientError, keeping code and request id."""
    error: Mapping[str, Any] = err.response.get("Error", {})
    meta: Mapping[str, Any] = err.response.get("ResponseMetadata", {})
    code = str(error.get("Code", "Unknown"))
    message = str(error.get("Message", "") or "")
    request_id = meta.get("RequestId") or None
    status = meta.get("HTTPStatusCode")
    if code in ("AccessDeniedException", "AccessDenied") or status == 403:
        match = _DENIED_ACTION.search(message)
        action = match.group(1) if match else iam_action(operation)
        return AccessDeniedError(operation, action, message, request_id)
    if code in THROTTLING_CODES or status == 429:
        return ThrottledError(operation, code, message, request_id)
    if code == "ResourceNotFoundException":
        return NotFoundError(operation, code, message, request_id)
    if code == "ResourceInUseException":
        return ResourceInUseError(
            operation,
            code,
            message,
            request_id,
            hint="Another change to this number may still be in progress; run again shortly",
        )
    if code == "IdempotencyException":
        return IdempotencyConflictError(operation, code, message, request_id)
    if code == "ServiceQuotaExceededException":
        return QuotaExceededError(operation, code, message, request_id)
    return ServiceError(operation, code, message, request_id)


@contextlib.contextmanager
def calling(operation: str) -> Iterator[None]:
    """Translate whatever botocore raises during `operation` into our errors."""
    try:
        yield
    except botocore.exceptions.ClientError as err:
        raise translate(err, operation) from None
    except botocore.exceptions.NoCredentialsError:
        raise ConfigurationError(
            f"{operation}: no AWS credentials found. Set aws:profile (stack config), AWS_PROFILE "
            "or the AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY environment variables"
        ) from None
    except botocore.exceptions.NoRegionError:
        raise ConfigurationError(
            f"{operation}: no AWS Region; set aws:region or AWS_REGION"
        ) from None
    except botocore.exceptions.EndpointConnectionError as err:
        raise ConfigurationError(
            f"{operation}: could not reach Amazon Connect at {err.kwargs.get('endpoint_url')}; "
            "check the network and connect-numbers:endpoint / AWS_ENDPOINT_URL_CONNECT"
        ) from None
    except botocore.exceptions.ParamValidationError as err:
        raise ConnectNumbersError(f"{operation}: invalid request: {err}") from None
    except botocore.exceptions.BotoCoreError as err:
        raise ConnectNumbersError(f"{operation} failed: {err}") from None


def _instance_id_from_target(target_arn: str) -> str:
    try:
        return parse_instance_arn(target_arn).resource_id
    except ArnError:
        return ""


def to_phone_number(summary: ClaimedPhoneNumberSummaryTypeDef) -> PhoneNumber:
    status = summary.get("PhoneNumberStatus", {})
    target = summary.get("TargetArn", "")
    return PhoneNumber(
        phone_number_id=summary.get("PhoneNumberId", ""),
        phone_number_arn=summary.get("PhoneNumberArn", ""),
        status=Status(status.get("Status", Status.IN_PROGRESS.value)),
        status_message=status.get("Message", ""),
        phone_number=summary.get("PhoneNumber", ""),
        country_code=summary.get("PhoneNumberCountryCode", ""),
        number_type=summary.get("PhoneNumberType", ""),
        description=summary.get("PhoneNumberDescription", ""),
        target_arn=target,
        instance_id=summary.get("InstanceId") or _instance_id_from_target(target),
        source_phone_number_arn=summary.get("SourcePhoneNumberArn", ""),
        tags=dict(summary.get("Tags", {})),
    )


def _token(token: str) -> str:
    problem = client_token_problem(token)
    if problem:
        raise ValueError(problem)
    return token


@dataclass(frozen=True)
class ThrottleRetry:
    """Calls again while Connect throttles, until a deadline, and hands the deadline to pacing.

    Why: botocore's retry quota is shared by the whole client, so when hundreds of numbers are
    refreshed or imported at once the quota can run dry and a throttled call fails at once. Our
    calls are idempotent (reads, or writes with a ClientToken that the retry reuses), so waiting
    with backoff and calling again is safe; only a call still throttled at the deadline fails.
    The deadline is the resource's: `deadline` if given, else `timeout` seconds after the call
    starts. Pacing (`call_plan`) does not send a call whose turn comes after it.
    """

    clock: Clock = field(default_factory=Clock)
    backoff: Backoff = field(default_factory=Backoff)
    timeout: float = DEFAULT_RETRY_SECONDS
    deadline: float | None = None

    def run(self, call: Callable[[], T]) -> T:
        last: list[ThrottledError] = []
        start = self.clock.now()
        ends = [start + self.timeout] + ([self.deadline] if self.deadline is not None else [])
        deadline = min(ends)
        # timeout 0, no deadline: one call (botocore retries only), sent whenever its turn comes.
        turn_by = None if self.timeout <= 0 and self.deadline is None else deadline

        def attempt() -> Done[T] | Pending:
            try:
                with deadline_of_calls(turn_by, self.clock.now):
                    return Done(call())
            except PacedPastDeadlineError:
                raise  # waiting longer cannot help
            except ThrottledError as err:
                last.append(err)
                return Pending("throttled")

        try:
            return wait_until(
                attempt, deadline=deadline, clock=self.clock, backoff=self.backoff, poll_first=True
            )
        except DeadlineExceeded:
            raise last[-1] from None


class ConnectApi:
    """Thin typed wrapper around one Connect client (one Region).

    It tells the client's call plan what it learns: when an import answered and what each
    DescribePhoneNumber saw, so that waits for later claims aim their first poll well.
    """

    def __init__(
        self,
        client: ConnectClient,
        retry: ThrottleRetry | None = None,
        plan: CallPlan | None = None,
    ) -> None:
        self._client = client
        self._retry = retry or ThrottleRetry(timeout=0.0)
        # Clients from `clients.make_client` carry the process's plan; others (tests) get their own.
        self._plan = plan or plan_of(client) or CallPlan(clock=self._retry.clock)

    def _call(self, operation: str, call: Callable[[], T]) -> T:
        def translated() -> T:
            with calling(operation):
                return call()

        return self._retry.run(translated)

    def claim_schedule(self, phone_number_id: str) -> Schedule:
        """The schedule of the wait right after `import_number` answered this id."""
        return self._plan.claims.schedule(phone_number_id)

    def import_number(
        self,
        *,
        instance_id: str,
        source_arn: str,
        description: str,
        tags: Mapping[str, str],
        token: str,
    ) -> NumberRef:
        # An empty description is left out: "" and absent mean the same to Connect, and leaving
        # it out keeps the request minimal. Tags always hold the owner tag. Every retry reuses
        # the one ClientToken, so a retried import is never a second import.
        request: dict[str, Any] = {
            "InstanceId": instance_id,
            "SourcePhoneNumberArn": source_arn,
            "Tags": dict(tags),
            "ClientToken": _token(token),
        }
        if description:
            request["PhoneNumberDescription"] = description
        answer = self._call(
            "ImportPhoneNumber", lambda: self._client.import_phone_number(**request)
        )
        self._plan.claims.imported(answer["PhoneNumberId"], self._retry.clock.now())
        return NumberRef(answer["PhoneNumberId"], answer["PhoneNumberArn"], source_arn)

    def describe(self, phone_number_id: str) -> PhoneNumber | None:
        """The number, or None when Connect no longer knows it."""
        try:
            answer = self._call(
                "DescribePhoneNumber",
                lambda: self._client.describe_phone_number(PhoneNumberId=phone_number_id),
            )
        except NotFoundError:
            self._plan.claims.answered(phone_number_id, None, self._retry.clock.now())
            return None
        number = to_phone_number(answer["ClaimedPhoneNumberSummary"])
        self._plan.claims.answered(phone_number_id, number.status, self._retry.clock.now())
        return number

    def find_by_source(self, source_arn: str) -> NumberRef | None:
        """The Connect number imported from `source_arn`, in any instance of this Region."""
        next_token: str | None = None
        while True:
            request: dict[str, Any] = {"MaxResults": LIST_PAGE_SIZE}
            if next_token:
                request["NextToken"] = next_token
            page = self._call(
                "ListPhoneNumbersV2",
                functools.partial(self._client.list_phone_numbers_v2, **request),
            )
            for item in page.get("ListPhoneNumbersSummaryList", []):
                if item.get("SourcePhoneNumberArn") == source_arn:
                    return NumberRef(
                        item.get("PhoneNumberId", ""), item.get("PhoneNumberArn", ""), source_arn
                    )
            next_token = page.get("NextToken")
            if not next_token:
                return None

    def update_description(self, phone_number_id: str, description: str, token: str) -> None:
        self._call(
            "UpdatePhoneNumberMetadata",
            lambda: self._client.update_phone_number_metadata(
                PhoneNumberId=phone_number_id,
                PhoneNumberDescription=description,
                ClientToken=_token(token),
            ),
        )

    def move(self, phone_number_id: str, instance_id: str, token: str) -> None:
        self._call(
            "UpdatePhoneNumber",
            lambda: self._client.update_phone_number(
                PhoneNumberId=phone_number_id, InstanceId=instance_id, ClientToken=_token(token)
            ),
        )

    def move_to_target(self, phone_number_id: str, target_arn: str, token: str) -> None:
        """UpdatePhoneNumber(TargetArn): to an instance or a traffic distribution group."""
        self._call(
            "UpdatePhoneNumber",
            lambda: self._client.update_phone_number(
                PhoneNumberId=phone_number_id, TargetArn=target_arn, ClientToken=_token(token)
            ),
        )

    def traffic_distribution_group(self, group: str) -> TrafficDistributionGroup:
        """DescribeTrafficDistributionGroup, by id or ARN."""
        answer = self._call(
            "DescribeTrafficDistributionGroup",
            lambda: self._client.describe_traffic_distribution_group(
                TrafficDistributionGroupId=group
            ),
        )["TrafficDistributionGroup"]
        return TrafficDistributionGroup(
            arn=answer.get("Arn", ""),
            instance_arn=answer.get("InstanceArn", ""),
            status=answer.get("Status", ""),
        )

    def tag(self, phone_number_arn: str, tags: Mapping[str, str]) -> None:
        self._call(
            "TagResource",
            lambda: self._client.tag_resource(resourceArn=phone_number_arn, tags=dict(tags)),
        )

    def untag(self, phone_number_arn: str, keys: Sequence[str]) -> None:
        self._call(
            "UntagResource",
            lambda: self._client.untag_resource(resourceArn=phone_number_arn, tagKeys=list(keys)),
        )

    def release(self, phone_number_id: str, token: str) -> bool:
        """True when a release was requested; False when the number was already gone."""
        try:
            self._call(
                "ReleasePhoneNumber",
                lambda: self._client.release_phone_number(
                    PhoneNumberId=phone_number_id, ClientToken=_token(token)
                ),
            )
        except NotFoundError:
            return False
        return True
