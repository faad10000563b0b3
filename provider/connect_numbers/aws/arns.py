"""Parse the ARNs the provider meets, in every AWS partition.

Why: the region a number lives in is written in its ARN, and ImportPhoneNumber only works in the
Region of both the instance and the source number. Reading the region (and partition) from the
ARNs lets `check` catch mismatches before any call, and lets read/delete find the right regional
endpoint without trusting today's stack config. The partition is never assumed to be `aws`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Partitions look like aws, aws-cn, aws-us-gov, aws-iso-b ...; regions like us-east-1,
# cn-north-1, us-gov-west-1, us-isob-east-1.
_PARTITION = re.compile(r"^aws(-[a-z]+)*$")
_REGION = re.compile(r"^[a-z]{2}(-[a-z]+)+-\d+$")
_ACCOUNT = re.compile(r"^\d{12}$")

SOURCE_SERVICE = "sms-voice"
CONNECT_SERVICE = "connect"
TRAFFIC_DISTRIBUTION_GROUP = "traffic-distribution-group"


@dataclass(frozen=True)
class Arn:
    partition: str
    service: str
    region: str
    account: str
    resource: str

    @property
    def resource_type(self) -> str:
        return self.resource.split("/", 1)[0]

    @property
    def resource_id(self) -> str:
        parts = self.resource.split("/", 1)
        return parts[1] if len(parts) == 2 else ""


class ArnError(ValueError):
    """The text is not the kind of ARN expected; the message says what is wrong with it."""


def is_arn(text: str) -> bool:
    return text.startswith("arn:")


def parse_arn(text: str) -> Arn:
    parts = text.split(":", 5)
    if len(parts) != 6 or parts[0] != "arn":
        raise ArnError(
            f"'{text}' is not an ARN (expected arn:PARTITION:SERVICE:REGION:ACCOUNT:...)"
        )
    _, partition, service, region, account, resource = parts
    if not _PARTITION.match(partition):
        raise ArnError(f"'{text}' has an unknown partition '{partition}'")
    if not _REGION.match(region):
        raise ArnError(f"'{text}' has no valid Region (found '{region}')")
    if not _ACCOUNT.match(account):
        raise ArnError(f"'{text}' has no 12-digit account id (found '{account}')")
    return Arn(partition, service, region, account, resource)


def parse_source_number_arn(text: str) -> Arn:
    """An End User Messaging SMS/voice phone number: arn:P:sms-voice:R:A:phone-number/ID."""
    arn = parse_arn(text)
    if arn.service != SOURCE_SERVICE or arn.resource_type != "phone-number" or not arn.resource_id:
        raise ArnError(
            f"'{text}' is not an End User Messaging phone-number ARN "
            f"(expected arn:PARTITION:{SOURCE_SERVICE}:REGION:ACCOUNT:phone-number/ID)"
        )
    return arn


def parse_instance_arn(text: str) -> Arn:
    """An Amazon Connect instance: arn:P:connect:R:A:instance/ID."""
    arn = parse_arn(text)
    if arn.service != CONNECT_SERVICE or arn.resource_type != "instance" or not arn.resource_id:
        raise ArnError(
            f"'{text}' is not an Amazon Connect instance ARN "
            f"(expected arn:PARTITION:{CONNECT_SERVICE}:REGION:ACCOUNT:instance/ID)"
        )
    if "/" in arn.resource_id:
        raise ArnError(f"'{text}' points inside an instance, not at the instance itself")
    return arn


def parse_phone_number_arn(text: str) -> Arn:
    """An Amazon Connect phone number: arn:P:connect:R:A:phone-number/ID."""
    arn = parse_arn(text)
    if arn.service != CONNECT_SERVICE or arn.resource_type != "phone-number" or not arn.resource_id:
        raise ArnError(f"'{text}' is not an Amazon Connect phone-number ARN")
    return arn


def parse_traffic_distribution_group_arn(text: str) -> Arn:
    """A traffic distribution group: arn:P:connect:R:A:traffic-distribution-group/ID."""
    arn = parse_arn(text)
    if (
        arn.service != CONNECT_SERVICE
        or arn.resource_type != TRAFFIC_DISTRIBUTION_GROUP
        or not arn.resource_id
        or "/" in arn.resource_id
    ):
        raise ArnError(
            f"'{text}' is not a traffic distribution group ARN (expected "
            f"arn:PARTITION:{CONNECT_SERVICE}:REGION:ACCOUNT:{TRAFFIC_DISTRIBUTION_GROUP}/ID)"
        )
    return arn


def parse_target_arn(text: str) -> Arn:
    """Where a number can be placed: an instance or a traffic distribution group."""
    arn = parse_arn(text)
    if arn.service == CONNECT_SERVICE and arn.resource_type == TRAFFIC_DISTRIBUTION_GROUP:
        return parse_traffic_distribution_group_arn(text)
    if arn.service == CONNECT_SERVICE and arn.resource_type == "instance":
        return parse_instance_arn(text)
    raise ArnError(
        f"'{text}' is neither an Amazon Connect instance ARN nor a traffic distribution group "
        f"ARN (expected arn:PARTITION:{CONNECT_SERVICE}:REGION:ACCOUNT:instance/ID or "
        f"...:{TRAFFIC_DISTRIBUTION_GROUP}/ID)"
    )


def parse_contact_flow_arn(text: str) -> Arn:
    """A contact flow of one instance: arn:P:connect:R:A:instance/ID/contact-flow/ID."""
    arn = parse_arn(text)
    parts = arn.resource.split("/")
    if (
        arn.service != CONNECT_SERVICE
        or len(parts) != 4
        or parts[0] != "instance"
        or parts[2] != "contact-flow"
        or not parts[1]
        or not parts[3]
    ):
        raise ArnError(
            f"'{text}' is not a contact flow ARN (expected "
            f"arn:PARTITION:{CONNECT_SERVICE}:REGION:ACCOUNT:instance/ID/contact-flow/ID)"
        )
    return arn


def flow_id_of(flow: str) -> str:
    """The bare flow id, whether the user gave an id or a contact flow ARN."""
    return parse_contact_flow_arn(flow).resource.rsplit("/", 1)[1] if is_arn(flow) else flow


def flow_instance_of(flow: str) -> str | None:
    """The instance id a flow ARN names; None for a bare flow id, which names no instance."""
    return parse_contact_flow_arn(flow).resource.split("/")[1] if is_arn(flow) else None


def is_traffic_distribution_group_arn(text: str | None) -> bool:
    if not text or not is_arn(text):
        return False
    try:
        parse_traffic_distribution_group_arn(text)
    except ArnError:
        return False
    return True


def instance_id_of(instance: str) -> str:
    """The bare instance id, whether the user gave an id or an instance ARN."""
    return parse_instance_arn(instance).resource_id if is_arn(instance) else instance


def is_region(text: str) -> bool:
    return bool(_REGION.match(text))
