"""From a described phone number to the resource's outputs and, on refresh, its inputs.

Why: outputs double as the "olds" that the engine hands to `diff` and `update`, so they carry
every input under the same name; and `read` must hand back inputs too, or `pulumi refresh` would
update outputs silently and never show drift. The owner tag is split from the user's tags so
that it never shows up as a tag diff.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from . import props as p
from .arns import ArnError, instance_id_of, parse_phone_number_arn
from .model import PhoneNumber
from .ownership import OWNER_TAG_KEY


def user_tags(tags: Mapping[str, str]) -> dict[str, str]:
    """The tags the user manages: without our owner tag and without AWS-reserved `aws:` tags."""
    return {k: v for k, v in tags.items() if k != OWNER_TAG_KEY and not k.startswith("aws:")}


def desired_tags(inputs: Mapping[str, Any]) -> dict[str, str]:
    """All tags the number should carry: the user's plus the owner tag."""
    tags: dict[str, str] = dict(inputs.get(p.TAGS) or {})
    tags[OWNER_TAG_KEY] = str(inputs[p.OWNER])
    return tags


def declared_instance(number: PhoneNumber, declared: Any) -> str:
    """The instance as the user wrote it (id or ARN) while it names the live instance.

    Keeping the declared form makes outputs equal inputs, so `pulumi preview --diff` shows no
    id-versus-ARN noise; once the live instance differs (drift), the live id is reported.
    """
    if isinstance(declared, str):
        try:
            if instance_id_of(declared) == number.instance_id:
                return declared
        except ArnError:
            pass
    return number.instance_id


def region_of(phone_number_arn: str) -> str | None:
    try:
        return parse_phone_number_arn(phone_number_arn).region
    except ArnError:
        return None


def outputs(number: PhoneNumber, inputs: Mapping[str, Any]) -> dict[str, Any]:
    return {
        p.PHONE_NUMBER_ID: number.phone_number_id,
        p.PHONE_NUMBER_ARN: number.phone_number_arn,
        p.PHONE_NUMBER: number.phone_number,
        p.COUNTRY_CODE: number.country_code,
        p.NUMBER_TYPE: number.number_type,
        p.STATUS: number.status.value,
        p.STATUS_MESSAGE: number.status_message,
        p.TARGET_ARN: number.target_arn,
        p.INSTANCE_ID: declared_instance(number, inputs.get(p.INSTANCE_ID)),
        p.SOURCE_PHONE_NUMBER_ARN: number.source_phone_number_arn
        or inputs.get(p.SOURCE_PHONE_NUMBER_ARN),
        p.DESCRIPTION: number.description,
        p.TAGS: user_tags(number.tags),
        p.OWNER: number.tags.get(OWNER_TAG_KEY),
        p.ADOPT: bool(inputs.get(p.ADOPT, False)),
        p.WAIT_TIMEOUT_SECONDS: inputs.get(p.WAIT_TIMEOUT_SECONDS, p.DEFAULT_WAIT_TIMEOUT_SECONDS),
        p.REGION: region_of(number.phone_number_arn) or inputs.get(p.REGION),
    }


def inputs_from_live(number: PhoneNumber, old: Mapping[str, Any]) -> dict[str, Any]:
    """The inputs that would produce what is live, so the next preview shows the drift."""
    return {
        p.INSTANCE_ID: declared_instance(number, old.get(p.INSTANCE_ID)),
        p.SOURCE_PHONE_NUMBER_ARN: number.source_phone_number_arn
        or old.get(p.SOURCE_PHONE_NUMBER_ARN),
        p.DESCRIPTION: number.description,
        p.TAGS: user_tags(number.tags),
        p.ADOPT: bool(old.get(p.ADOPT, False)),
        p.WAIT_TIMEOUT_SECONDS: old.get(p.WAIT_TIMEOUT_SECONDS, p.DEFAULT_WAIT_TIMEOUT_SECONDS),
        p.REGION: old.get(p.REGION),
        p.OWNER: number.tags.get(OWNER_TAG_KEY),
    }
