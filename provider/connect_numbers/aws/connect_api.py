"""The AWS boundary: the Amazon Connect calls the provider makes, and nothing else.

Why: with `aws_errors` (which turns every botocore failure into one of our error types) this is
the only code that sees botocore. It turns responses into `phone_number` values, so the provider
logic above it is written (and read) in terms of phone numbers and ownership, never HTTP codes.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from connect_numbers.aws.arns import ArnError, parse_instance_arn
from connect_numbers.aws.error_translation import calling
from connect_numbers.aws.throttle_retry import ThrottleRetry
from connect_numbers.errors import (
    NotFoundError,
)
from connect_numbers.inputs.limits import client_token_problem
from connect_numbers.pacing.call_plan import CallPlan, plan_of
from connect_numbers.pacing.waiter import Schedule
from connect_numbers.workflows.phone_number import NumberRef, PhoneNumber, Status
from connect_numbers.workflows.targets import TrafficDistributionGroup

if TYPE_CHECKING:
    from mypy_boto3_connect import ConnectClient
    from mypy_boto3_connect.type_defs import ClaimedPhoneNumberSummaryTypeDef
else:
    ConnectClient = Any
    ClaimedPhoneNumberSummaryTypeDef = Any

LIST_PAGE_SIZE = 1000

T = TypeVar("T")


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

    def claim_time_seen(self) -> float | None:
        """The claim time learned from this process's imports so far, if any was claimed."""
        return self._plan.claims.estimate

    def import_rate(self) -> float:
        """The ImportPhoneNumber budget, in calls per second."""
        return self._plan.pacer.budgets.of("ImportPhoneNumber").rate

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

    def associate_flow(self, phone_number_id: str, instance_id: str, flow: str) -> None:
        """AssociatePhoneNumberContactFlow: `flow` (id or ARN) answers the number's calls."""
        self._call(
            "AssociatePhoneNumberContactFlow",
            lambda: self._client.associate_phone_number_contact_flow(
                PhoneNumberId=phone_number_id, InstanceId=instance_id, ContactFlowId=flow
            ),
        )

    def disassociate_flow(self, phone_number_id: str, instance_id: str) -> None:
        self._call(
            "DisassociatePhoneNumberContactFlow",
            lambda: self._client.disassociate_phone_number_contact_flow(
                PhoneNumberId=phone_number_id, InstanceId=instance_id
            ),
        )

    def flow_of(self, number: PhoneNumber) -> str:
        """The ARN of the flow associated with `number`, or "" for none (ListFlowAssociations:
        DescribePhoneNumber does not carry it). The list names the number by ARN; its id is
        accepted too."""
        names = {number.phone_number_arn, number.phone_number_id}
        next_token: str | None = None
        while True:
            request: dict[str, Any] = {
                "InstanceId": number.instance_id,
                "ResourceType": "VOICE_PHONE_NUMBER",
                "MaxResults": LIST_PAGE_SIZE,
            }
            if next_token:
                request["NextToken"] = next_token
            page = self._call(
                "ListFlowAssociations",
                functools.partial(self._client.list_flow_associations, **request),
            )
            for item in page.get("FlowAssociationSummaryList", []):
                if item.get("ResourceId") in names:
                    return str(item.get("FlowId", ""))
            next_token = page.get("NextToken")
            if not next_token:
                return ""

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
