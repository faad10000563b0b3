"""Which Region a number is in: where its calls go, what the outputs report, and the check that
the ARNs and the configured Region agree.

Why: ImportPhoneNumber works only when the instance and the source number are in one Region,
and a number stays in the Region it was imported in. So calls always go to the Region written
in the number's ARNs, whatever today's config says; the configured Region (resource input,
`aws:region`, AWS_REGION; see `settings.configured_region`) is a fallback when no ARN is known,
and a configured Region that contradicts the ARNs fails `check`.
"""

from __future__ import annotations

from typing import Any

from .arns import (
    Arn,
    ArnError,
    is_arn,
    is_region,
    parse_arn,
    parse_instance_arn,
    parse_phone_number_arn,
    parse_source_number_arn,
)
from .errors import ConfigurationError
from .input_checks import Failure
from .input_spec import is_unknown
from .settings import ConfiguredRegion


def region_for_calls(
    phone_number_id: str,
    *,
    phone_number_arn: str | None,
    source_arn: str | None,
    configured: ConfiguredRegion | None,
) -> str:
    """The Region in the first ARN that names one, else the configured Region."""
    for candidate in (phone_number_arn, phone_number_id, source_arn):
        if isinstance(candidate, str) and is_arn(candidate):
            try:
                return parse_arn(candidate).region
            except ArnError:
                continue
    if configured is None:
        raise ConfigurationError(
            f"cannot tell which Region phone number {phone_number_id} is in; set aws:region or "
            "AWS_REGION"
        )
    return configured.region


def reported_region(phone_number_arn: str, declared: str | None) -> str | None:
    """The `region` output: the Region in the number's ARN, else what was declared."""
    try:
        return parse_phone_number_arn(phone_number_arn).region
    except ArnError:
        return declared


def _instance_arn(instance: Any) -> Arn | None:
    if not isinstance(instance, str) or not is_arn(instance) or is_unknown(instance):
        return None
    try:
        return parse_instance_arn(instance)
    except ArnError:
        return None  # already reported by the instance_id check


def region_agreement(
    source: Any, instance: Any, configured: ConfiguredRegion | None
) -> list[Failure]:
    """The source number, the instance ARN and the configured Region must name one Region."""
    if not isinstance(source, str) or is_unknown(source):
        return []
    try:
        source_arn = parse_source_number_arn(source)
    except ArnError:
        return []  # already reported by the source check
    failures: list[Failure] = []
    instance_arn = _instance_arn(instance)
    if instance_arn and (
        instance_arn.region != source_arn.region or instance_arn.partition != source_arn.partition
    ):
        failures.append(
            Failure(
                "instance_id",
                f"the instance is in {instance_arn.partition}/{instance_arn.region} but the "
                f"source number is in {source_arn.partition}/{source_arn.region}; "
                "ImportPhoneNumber works only when both are in the same Region",
            )
        )
    if configured and is_region(configured.region) and configured.region != source_arn.region:
        failures.append(
            Failure(
                "source_phone_number_arn",
                f"the source number is in {source_arn.region} but the Region is "
                f"{configured.region} (from {configured.origin}); the number, the instance and "
                "the Region must agree",
            )
        )
    return failures
