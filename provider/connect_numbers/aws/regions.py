"""Which Region a number is in: where its calls go, what the outputs report, and the check that
the ARNs and the configured Region agree.

Why: ImportPhoneNumber works only when the instance and the source number are in one Region,
and a number stays in the Region it was imported in. So calls always go to the Region written
in the number's ARNs, whatever today's config says; the configured Region (resource input,
`aws:region`, AWS_REGION; see `settings.configured_region`) is a fallback when no ARN is known,
and a configured Region that contradicts the ARNs fails `check`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from connect_numbers.aws.arns import (
    Arn,
    ArnError,
    is_arn,
    is_region,
    parse_arn,
    parse_instance_arn,
    parse_source_number_arn,
    parse_target_arn,
)
from connect_numbers.aws.settings import ConfiguredRegion
from connect_numbers.errors import ConfigurationError
from connect_numbers.inputs.checks import Failure
from connect_numbers.inputs.declaration import is_unknown


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


def _parsed(value: Any, parse: Callable[[str], Arn]) -> Arn | None:
    if not isinstance(value, str) or not is_arn(value) or is_unknown(value):
        return None
    try:
        return parse(value)
    except ArnError:
        return None  # already reported by the input's own check


def region_agreement(
    source: Any, instance: Any, configured: ConfiguredRegion | None, target: Any = None
) -> list[Failure]:
    """The source number, the instance or target ARN and the configured Region must name one
    Region (a traffic distribution group is in the Region of the instance it was made from)."""
    if not isinstance(source, str) or is_unknown(source):
        return []
    try:
        source_arn = parse_source_number_arn(source)
    except ArnError:
        return []  # already reported by the source check
    failures: list[Failure] = []
    for name, arn in (
        ("instance_id", _parsed(instance, parse_instance_arn)),
        ("target_arn", _parsed(target, parse_target_arn)),
    ):
        if arn and (arn.region != source_arn.region or arn.partition != source_arn.partition):
            failures.append(
                Failure(
                    name,
                    f"the {'instance' if name == 'instance_id' else 'target'} is in "
                    f"{arn.partition}/{arn.region} but the source number is in "
                    f"{source_arn.partition}/{source_arn.region}; ImportPhoneNumber works only "
                    "when both are in the same Region",
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
