"""What the Connect phone-number operations do, on domain records; handlers do the wire part.

Status changes go through phone_number_lifecycle.py; quotas, source checks, lookups and tags
each have a module of their own.
"""

from __future__ import annotations

import uuid

from connect_local_service.domain import phone_number_lifecycle as lifecycle
from connect_local_service.domain.arn_format import build_arn, parse_arn
from connect_local_service.domain.flow_associations import drop_association
from connect_local_service.domain.number_quotas import (
    check_import_quota,
    instance_quota_problem,
    record_quota_event,
)
from connect_local_service.domain.records import PhoneNumberRecord
from connect_local_service.domain.resource_lookup import (
    find_instance,
    find_number,
    find_traffic_group,
)
from connect_local_service.domain.resource_tags import add_tags
from connect_local_service.domain.source_eligibility import CONNECT_TYPE, source_problem
from connect_local_service.domain.traffic_group_lifecycle import accepts_numbers
from connect_local_service.server.request_context import RequestContext
from connect_local_service.wire.api_errors import ApiError, invalid_parameter, not_found


def _check_source_arn(ctx: RequestContext, source_arn: str) -> None:
    parsed = parse_arn(source_arn)
    if parsed is None or parsed.service != "sms-voice" or parsed.resource_type != "phone-number":
        raise invalid_parameter(
            "SourcePhoneNumberArn",
            f"'{source_arn}' is not an End User Messaging SMS/voice phone number ARN",
        )
    holders = ctx.tx.numbers(account=ctx.account, source_arn=source_arn)
    holder = next((n for n in holders if lifecycle.is_active(n)), None)
    if holder is not None:
        raise ApiError(
            "IdempotencyException",
            f"Source phone number {source_arn} is already imported into Amazon Connect "
            f"(phone number {holder.id}); find it with ListPhoneNumbersV2",
        )


def import_number(
    ctx: RequestContext,
    instance_ref: str,
    source_arn: str,
    description: str | None,
    tags: dict[str, str] | None,
) -> PhoneNumberRecord:
    instance = find_instance(ctx, "InstanceId", instance_ref)
    _check_source_arn(ctx, source_arn)
    check_import_quota(ctx)
    source, problem = source_problem(ctx, source_arn)
    problem = problem or instance_quota_problem(ctx, instance.id)
    number_id = str(uuid.uuid4())
    draft = PhoneNumberRecord(
        id=number_id,
        arn=build_arn("connect", ctx.region, ctx.account, f"phone-number/{number_id}"),
        account=ctx.account,
        region=ctx.region,
        phone_number=source.phone_number if source else "",
        country_code=source.iso_country if source else "",
        number_type=CONNECT_TYPE.get(source.number_type, "") if source else "",
        description=description,
        instance_id=instance.id,
        target_arn=instance.arn,
        source_arn=source_arn,
        status=lifecycle.IN_PROGRESS,
        message=None,
        outcome=None,
        outcome_message=None,
        settle_at=None,
        describes_left=None,
        created_at=ctx.now,
    )
    number = lifecycle.begin_import(ctx, draft, problem)
    if tags:
        add_tags(ctx, number.arn, tags)
    if problem is None:
        record_quota_event(ctx, "import", number.id)
    return number


def describe_number(ctx: RequestContext, ref: str) -> PhoneNumberRecord:
    found = find_number(ctx, ref)
    number = lifecycle.observe(ctx.tx, found)
    if number is None:
        # This describe completed a release: keep the deletion, answer 404.
        raise not_found(f"Phone number {found.id}", commit=True)
    return number


def update_metadata(ctx: RequestContext, ref: str, description: str | None) -> None:
    lifecycle.begin_metadata_update(ctx, find_number(ctx, ref), description)


def _target(ctx: RequestContext, target_arn: str) -> tuple[str, str]:
    """(instance id, target ARN) of an UpdatePhoneNumber TargetArn: an instance or a group.

    A number in a traffic distribution group shows the group as its TargetArn and the group's
    own instance as its InstanceId (the instance the group was created from).
    """
    parsed = parse_arn(target_arn)
    if parsed is None or parsed.service != "connect":
        raise invalid_parameter("TargetArn", f"'{target_arn}' is not a Connect ARN")
    if parsed.resource_type == "instance":
        instance = find_instance(ctx, "TargetArn", target_arn)
        return instance.id, instance.arn
    if parsed.resource_type == "traffic-distribution-group":
        group = find_traffic_group(ctx, "TargetArn", target_arn)
        if not accepts_numbers(group):
            raise invalid_parameter(
                "TargetArn", f"traffic distribution group {group.id} is {group.status}, not ACTIVE"
            )
        return group.instance_id, group.arn
    raise not_found(f"Target {target_arn}")


def move_number(
    ctx: RequestContext, ref: str, target_arn: str | None, instance_ref: str | None
) -> PhoneNumberRecord:
    """UpdatePhoneNumber: to another instance or to a traffic distribution group."""
    if (target_arn is None) == (instance_ref is None):
        raise invalid_parameter("TargetArn", "specify exactly one of TargetArn and InstanceId")
    if target_arn is not None:
        instance_id, target = _target(ctx, target_arn)
    else:
        assert instance_ref is not None
        instance = find_instance(ctx, "InstanceId", instance_ref)
        instance_id, target = instance.id, instance.arn
    number = find_number(ctx, ref)
    moved = lifecycle.begin_move(ctx, number, instance_id, target)
    drop_association(ctx, moved)
    return moved


def release_number(ctx: RequestContext, ref: str) -> None:
    number = find_number(ctx, ref)
    lifecycle.ensure_settled(number, "released")
    if number.status == lifecycle.CLAIMED:
        record_quota_event(ctx, "release", number.id)
    lifecycle.begin_release(ctx, number)
    drop_association(ctx, number)
