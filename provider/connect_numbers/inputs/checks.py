"""The checks behind each input's declaration, run in `check` before any AWS call.

Why: botocore only enforces required fields, minimum lengths and types; maximum lengths, the
tag-key pattern and the Region rules are left to the service, which answers with a 400 in the
middle of `pulumi up`. Checking them here makes `pulumi preview` fail first, with one failure
per property. Each check takes one value the engine sent (never the unknown sentinel) and
returns the reasons it is invalid; the limits come from `limits`. Everything here is pure.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from connect_numbers.aws.arns import (
    ArnError,
    flow_instance_of,
    instance_id_of,
    is_arn,
    is_region,
    is_traffic_distribution_group_arn,
    parse_contact_flow_arn,
    parse_instance_arn,
    parse_source_number_arn,
    parse_target_arn,
)
from connect_numbers.inputs.declaration import is_unknown
from connect_numbers.inputs.limits import (
    DESCRIPTION_LENGTH,
    FLOW_ID_LENGTH,
    INSTANCE_ID_LENGTH,
    TAG_KEY_LENGTH,
    TAG_VALUE_LENGTH,
    TAGS_PER_NUMBER,
    USER_TAGS,
    WAIT_TIMEOUT,
)
from connect_numbers.workflows.ownership import OWNER_TAG_KEY

_TAG_KEY_SYMBOLS = frozenset("_.:/=+-@")


@dataclass(frozen=True)
class Failure:
    property: str
    reason: str


def tag_key_problem(key: str) -> str | None:
    """Why `key` breaks the Connect tag-key rules, or None.

    The service pattern is ^(?!aws:)[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*$ with length 1-128; Python's
    `re` has no \\p classes, so the Unicode categories are checked directly.
    """
    if not key:
        return "a tag key must not be empty"
    if len(key) > TAG_KEY_LENGTH.maximum:
        return (
            f"tag key '{key[:40]}...' is {len(key)} characters long; the maximum is "
            f"{TAG_KEY_LENGTH.maximum}"
        )
    if key.startswith("aws:"):
        return f"tag key '{key}' starts with 'aws:', which AWS reserves"
    if key == OWNER_TAG_KEY:
        return (
            f"tag key '{OWNER_TAG_KEY}' is managed by the provider (it records which resource "
            "owns the number); choose another key"
        )
    for ch in key:
        if unicodedata.category(ch)[0] not in "LZN" and ch not in _TAG_KEY_SYMBOLS:
            return (
                f"tag key '{key}' contains {ch!r}; allowed are letters, numbers, spaces and "
                "_ . : / = + - @"
            )
    return None


def instance_id(value: Any) -> list[str]:
    if value is None:
        return []  # `one_target` requires it or target_arn
    if not isinstance(value, str) or not value.strip():
        return [
            "instance_id is required to be an instance id or instance ARN when given "
            "(or leave it out and set target_arn)"
        ]
    if is_arn(value):
        try:
            parse_instance_arn(value)
        except ArnError as err:
            return [str(err)]
        return []
    if len(value) > INSTANCE_ID_LENGTH.maximum:
        return [
            f"instance_id is {len(value)} characters long; the maximum is "
            f"{INSTANCE_ID_LENGTH.maximum}"
        ]
    if "/" in value or ":" in value:
        return [f"'{value}' is neither an instance id nor an instance ARN"]
    return []


def target_arn(value: Any) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, str) or not value:
        return ["target_arn must be an instance ARN or a traffic distribution group ARN"]
    try:
        parse_target_arn(value)
    except ArnError as err:
        return [str(err)]
    return []


def one_target(instance: Any, target: Any) -> list[Failure]:
    """Exactly one of instance_id and target_arn (a value unknown during preview counts as set)."""
    if instance is None and target is None:
        return [
            Failure(
                "instance_id",
                "instance_id or target_arn is required: an instance id or ARN, or a traffic "
                "distribution group ARN (stack config connect-numbers:instanceId or "
                "connect-numbers:targetArn)",
            )
        ]
    if instance is not None and target is not None:
        return [
            Failure(
                "target_arn",
                "set either instance_id or target_arn, not both (target_arn takes an instance "
                "ARN too)",
            )
        ]
    return []


def contact_flow_id(value: Any) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, str) or not value.strip():
        return ["contact_flow_id must be a contact flow id or a contact flow ARN"]
    if is_arn(value):
        try:
            parse_contact_flow_arn(value)
        except ArnError as err:
            return [f"contact_flow_id: {err}"]
        return []
    if len(value) > FLOW_ID_LENGTH.maximum:
        return [
            f"contact_flow_id is {len(value)} characters long; the maximum is "
            f"{FLOW_ID_LENGTH.maximum}"
        ]
    if "/" in value or ":" in value:
        return [f"contact_flow_id '{value}' is neither a flow id nor a contact flow ARN"]
    return []


def flow_in_instance(flow: Any, instance: Any, target: Any) -> list[Failure]:
    """A flow ARN must name the number's instance: a flow of another instance cannot route it.

    Only ARNs can be checked here (a bare id names no instance, and a traffic distribution
    group's instance is known only to AWS); Connect refuses the rest when it associates."""
    if not isinstance(flow, str) or not is_arn(flow):
        return []
    declared = instance if isinstance(instance, str) else target
    if not isinstance(declared, str) or is_traffic_distribution_group_arn(declared):
        return []
    try:
        flow_instance, number_instance = flow_instance_of(flow), instance_id_of(declared)
    except ArnError:
        return []  # reported by the field's own check
    if flow_instance == number_instance:
        return []
    return [
        Failure(
            "contact_flow_id",
            f"contact flow {flow} belongs to instance {flow_instance}, but the number goes to "
            f"instance {number_instance}: use a flow of instance {number_instance}",
        )
    ]


def source_phone_number_arn(value: Any) -> list[str]:
    if not isinstance(value, str) or not value:
        return ["source_phone_number_arn is required: the ARN of an End User Messaging number"]
    try:
        parse_source_number_arn(value)
    except ArnError as err:
        return [str(err)]
    return []


def description(value: Any) -> list[str]:
    if not isinstance(value, str):
        return ["description must be a string"]
    if len(value) > DESCRIPTION_LENGTH.maximum:
        return [
            f"description is {len(value)} characters long; the maximum is "
            f"{DESCRIPTION_LENGTH.maximum}"
        ]
    return []


def _tag(key: Any, value: Any) -> list[str]:
    if not isinstance(key, str):
        return [f"tag key {key!r} must be a string"]
    reasons = [problem] if (problem := tag_key_problem(key)) else []
    if is_unknown(value):
        return reasons
    if not isinstance(value, str):
        reasons.append(f"the value of tag '{key}' must be a string")
    elif len(value) > TAG_VALUE_LENGTH.maximum:
        reasons.append(
            f"the value of tag '{key}' is {len(value)} characters long; the maximum is "
            f"{TAG_VALUE_LENGTH.maximum}"
        )
    return reasons


def tags(value: Any) -> list[str]:
    if not isinstance(value, Mapping):
        return ["tags must be a map of strings to strings"]
    reasons: list[str] = []
    if len(value) > USER_TAGS.maximum:
        reasons.append(
            f"{len(value)} tags given; at most {USER_TAGS.maximum} are allowed (Connect allows "
            f"{TAGS_PER_NUMBER.maximum} per number and the provider's '{OWNER_TAG_KEY}' tag "
            "uses one)"
        )
    for key, tag_value in value.items():
        reasons.extend(_tag(key, tag_value))
    return reasons


def adopt(value: Any) -> list[str]:
    return [] if isinstance(value, bool) else ["adopt must be true or false"]


def wait_timeout_seconds(value: Any) -> list[str]:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        return ["wait_timeout_seconds must be a number of seconds"]
    if not 0 < value <= WAIT_TIMEOUT.maximum:
        return [
            f"wait_timeout_seconds is {value}; it must be above 0 and at most "
            f"{WAIT_TIMEOUT.maximum} (24 hours)"
        ]
    return []


def region(value: Any) -> list[str]:
    if value is None or (isinstance(value, str) and is_region(value)):
        return []
    return [f"'{value}' is not an AWS Region name"]


def owner(value: Any) -> list[str]:
    if not isinstance(value, str) or not value:
        return [
            "owner is missing; declare numbers with connect_numbers.ImportedPhoneNumber, "
            "which sets it"
        ]
    if len(value) > TAG_VALUE_LENGTH.maximum:
        return [f"owner is longer than {TAG_VALUE_LENGTH.maximum} characters"]
    return []
