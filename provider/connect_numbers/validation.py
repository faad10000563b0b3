"""Input checks that run in `check`, before any AWS call.

Why: botocore only enforces required fields, minimum lengths and types; maximum lengths, the
tag-key pattern and the Region rules are left to the service, which answers with a 400 in the
middle of `pulumi up`. Checking them here makes `pulumi preview` fail first, with one failure
per property. Everything here is pure: inputs in, failures out.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from pulumi.runtime.rpc import UNKNOWN

from . import props as p
from .arns import (
    ArnError,
    is_arn,
    is_region,
    parse_instance_arn,
    parse_source_number_arn,
)
from .ownership import OWNER_TAG_KEY, TAG_VALUE_MAX

INSTANCE_ID_MAX = 100
DESCRIPTION_MAX = 500
TAG_KEY_MAX = 128
TAGS_MAX = 50
# One tag slot is taken by the owner tag that ImportPhoneNumber writes with the user's tags.
USER_TAGS_MAX = TAGS_MAX - 1
CLIENT_TOKEN_MAX = 500
WAIT_TIMEOUT_MAX = 24 * 3600.0
_TAG_KEY_SYMBOLS = frozenset("_.:/=+-@")


@dataclass(frozen=True)
class Failure:
    property: str
    reason: str


@dataclass(frozen=True)
class ConfiguredRegion:
    """The Region the user configured, and where it came from (named in failures)."""

    region: str
    origin: str


def is_unknown(value: object) -> bool:
    """During preview, values computed by other resources arrive as Pulumi's unknown sentinel."""
    return isinstance(value, str) and value == UNKNOWN


def with_defaults(news: Mapping[str, Any]) -> dict[str, Any]:
    """The inputs the provider stores: declared names only, optional ones filled in."""
    inputs = {name: news.get(name) for name in p.INPUTS}
    if inputs[p.DESCRIPTION] is None:
        inputs[p.DESCRIPTION] = ""
    if inputs[p.TAGS] is None:
        inputs[p.TAGS] = {}
    if inputs[p.ADOPT] is None:
        inputs[p.ADOPT] = False
    if inputs[p.WAIT_TIMEOUT_SECONDS] is None:
        inputs[p.WAIT_TIMEOUT_SECONDS] = p.DEFAULT_WAIT_TIMEOUT_SECONDS
    else:
        wait = inputs[p.WAIT_TIMEOUT_SECONDS]
        if isinstance(wait, int) and not isinstance(wait, bool):
            inputs[p.WAIT_TIMEOUT_SECONDS] = float(wait)
    return inputs


def tag_key_problem(key: str) -> str | None:
    """Why `key` breaks the Connect tag-key rules, or None.

    The service pattern is ^(?!aws:)[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*$ with length 1-128; Python's
    `re` has no \\p classes, so the Unicode categories are checked directly.
    """
    if not key:
        return "a tag key must not be empty"
    if len(key) > TAG_KEY_MAX:
        return f"tag key '{key[:40]}...' is {len(key)} characters long; the maximum is 128"
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


def _check_instance(value: Any) -> list[Failure]:
    if not isinstance(value, str) or not value.strip():
        return [Failure(p.INSTANCE_ID, "instance_id is required: an instance id or instance ARN")]
    if is_arn(value):
        try:
            parse_instance_arn(value)
        except ArnError as err:
            return [Failure(p.INSTANCE_ID, str(err))]
        return []
    if len(value) > INSTANCE_ID_MAX:
        return [
            Failure(
                p.INSTANCE_ID,
                f"instance_id is {len(value)} characters long; the maximum is {INSTANCE_ID_MAX}",
            )
        ]
    if "/" in value or ":" in value:
        return [Failure(p.INSTANCE_ID, f"'{value}' is neither an instance id nor an instance ARN")]
    return []


def _check_source(value: Any) -> list[Failure]:
    if not isinstance(value, str) or not value:
        return [
            Failure(
                p.SOURCE_PHONE_NUMBER_ARN,
                "source_phone_number_arn is required: the ARN of an End User Messaging number",
            )
        ]
    try:
        parse_source_number_arn(value)
    except ArnError as err:
        return [Failure(p.SOURCE_PHONE_NUMBER_ARN, str(err))]
    return []


def _check_description(value: Any) -> list[Failure]:
    if not isinstance(value, str):
        return [Failure(p.DESCRIPTION, "description must be a string")]
    if len(value) > DESCRIPTION_MAX:
        return [
            Failure(
                p.DESCRIPTION,
                f"description is {len(value)} characters long; the maximum is {DESCRIPTION_MAX}",
            )
        ]
    return []


def _check_tags(value: Any) -> list[Failure]:
    if is_unknown(value):
        return []
    if not isinstance(value, Mapping):
        return [Failure(p.TAGS, "tags must be a map of strings to strings")]
    failures: list[Failure] = []
    if len(value) > USER_TAGS_MAX:
        failures.append(
            Failure(
                p.TAGS,
                f"{len(value)} tags given; at most {USER_TAGS_MAX} are allowed (Connect allows "
                f"{TAGS_MAX} per number and the provider's '{OWNER_TAG_KEY}' tag uses one)",
            )
        )
    for key, tag_value in value.items():
        if not isinstance(key, str):
            failures.append(Failure(p.TAGS, f"tag key {key!r} must be a string"))
            continue
        problem = tag_key_problem(key)
        if problem:
            failures.append(Failure(p.TAGS, problem))
        if is_unknown(tag_value):
            continue
        if not isinstance(tag_value, str):
            failures.append(Failure(p.TAGS, f"the value of tag '{key}' must be a string"))
        elif len(tag_value) > TAG_VALUE_MAX:
            failures.append(
                Failure(
                    p.TAGS,
                    f"the value of tag '{key}' is {len(tag_value)} characters long; the maximum "
                    f"is {TAG_VALUE_MAX}",
                )
            )
    return failures


def _check_wait(value: Any) -> list[Failure]:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        return [Failure(p.WAIT_TIMEOUT_SECONDS, "wait_timeout_seconds must be a number of seconds")]
    if not 0 < value <= WAIT_TIMEOUT_MAX:
        return [
            Failure(
                p.WAIT_TIMEOUT_SECONDS,
                f"wait_timeout_seconds is {value}; it must be above 0 and at most "
                f"{WAIT_TIMEOUT_MAX:.0f} (24 hours)",
            )
        ]
    return []


def _check_owner(value: Any) -> list[Failure]:
    if not isinstance(value, str) or not value:
        return [
            Failure(
                p.OWNER,
                "owner is missing; declare numbers with connect_numbers.ImportedPhoneNumber, "
                "which sets it",
            )
        ]
    if len(value) > TAG_VALUE_MAX:
        return [Failure(p.OWNER, f"owner is longer than {TAG_VALUE_MAX} characters")]
    return []


def _check_regions(inputs: Mapping[str, Any], configured: ConfiguredRegion | None) -> list[Failure]:
    """The source number, the instance ARN and the configured Region must name one Region."""
    source, instance = inputs.get(p.SOURCE_PHONE_NUMBER_ARN), inputs.get(p.INSTANCE_ID)
    if not isinstance(source, str) or is_unknown(source):
        return []
    try:
        source_arn = parse_source_number_arn(source)
    except ArnError:
        return []  # already reported
    failures: list[Failure] = []
    if isinstance(instance, str) and is_arn(instance) and not is_unknown(instance):
        try:
            instance_arn = parse_instance_arn(instance)
        except ArnError:
            instance_arn = None
        if instance_arn and (
            instance_arn.region != source_arn.region
            or instance_arn.partition != source_arn.partition
        ):
            failures.append(
                Failure(
                    p.INSTANCE_ID,
                    f"the instance is in {instance_arn.partition}/{instance_arn.region} but the "
                    f"source number is in {source_arn.partition}/{source_arn.region}; "
                    "ImportPhoneNumber works only when both are in the same Region",
                )
            )
    if configured and is_region(configured.region) and configured.region != source_arn.region:
        failures.append(
            Failure(
                p.SOURCE_PHONE_NUMBER_ARN,
                f"the source number is in {source_arn.region} but the Region is "
                f"{configured.region} (from {configured.origin}); the number, the instance and "
                "the Region must agree",
            )
        )
    return failures


def validate(
    inputs: Mapping[str, Any], configured_region: ConfiguredRegion | None = None
) -> list[Failure]:
    """All failures for `inputs` (after `with_defaults`); unknown preview values are skipped."""
    checks = (
        (p.INSTANCE_ID, _check_instance),
        (p.SOURCE_PHONE_NUMBER_ARN, _check_source),
        (p.DESCRIPTION, _check_description),
        (p.TAGS, _check_tags),
        (p.WAIT_TIMEOUT_SECONDS, _check_wait),
        (p.OWNER, _check_owner),
    )
    failures: list[Failure] = []
    for name, check in checks:
        value = inputs.get(name)
        if not is_unknown(value):
            failures.extend(check(value))
    adopt = inputs.get(p.ADOPT)
    if not is_unknown(adopt) and not isinstance(adopt, bool):
        failures.append(Failure(p.ADOPT, "adopt must be true or false"))
    region = inputs.get(p.REGION)
    if (
        region is not None
        and not is_unknown(region)
        and not (isinstance(region, str) and is_region(region))
    ):
        failures.append(Failure(p.REGION, f"'{region}' is not an AWS Region name"))
    failures.extend(_check_regions(inputs, configured_region))
    return failures


def client_token_problem(token: str) -> str | None:
    """ClientToken is generated, not declared; guard its documented maximum anyway."""
    if len(token) > CLIENT_TOKEN_MAX:
        return f"ClientToken is {len(token)} characters long; the maximum is {CLIENT_TOKEN_MAX}"
    return None
