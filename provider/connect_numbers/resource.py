"""`ImportedPhoneNumber`: the resource a Pulumi program declares.

Why the class computes `owner`: the provider process cannot learn the project, stack or resource
name, but the program can. The value becomes the number's `connect-numbers:owner` tag, written
by ImportPhoneNumber itself, which is what lets an interrupted create resume safely.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pulumi
from pulumi.dynamic import Resource

from . import props as p
from .ownership import owner_tag_value
from .provider import ImportedPhoneNumberProvider


class ImportedPhoneNumberArgs:
    """Inputs of `ImportedPhoneNumber`.

    :param instance_id: the Amazon Connect instance, as an id or an instance ARN. Changing it
        moves the number to the other instance in place (UpdatePhoneNumber); nothing is released.
    :param source_phone_number_arn: the End User Messaging SMS/voice number to import
        (arn:PARTITION:sms-voice:REGION:ACCOUNT:phone-number/ID). Changing it releases the old
        number and imports the new one.
    :param description: up to 500 characters; updated in place.
    :param tags: up to 49 tags (the provider's owner tag takes the 50th); updated in place.
    :param adopt: take over a source number that is already imported into Connect and is not
        managed by any stack. Never takes over a number managed by another stack.
    :param wait_timeout_seconds: how long one operation waits for CLAIMED or for a release
        (default 600). Pulumi's customTimeouts do not reach dynamic providers.
    :param region: the Region to use for this resource; must match the ARNs. Defaults to the
        Region in the source number's ARN.
    """

    def __init__(
        self,
        instance_id: pulumi.Input[str],
        source_phone_number_arn: pulumi.Input[str],
        description: pulumi.Input[str] | None = None,
        tags: pulumi.Input[Mapping[str, pulumi.Input[str]]] | None = None,
        adopt: pulumi.Input[bool] | None = None,
        wait_timeout_seconds: pulumi.Input[float] | None = None,
        region: pulumi.Input[str] | None = None,
    ) -> None:
        self.instance_id = instance_id
        self.source_phone_number_arn = source_phone_number_arn
        self.description = description
        self.tags = tags
        self.adopt = adopt
        self.wait_timeout_seconds = wait_timeout_seconds
        self.region = region


class ImportedPhoneNumber(Resource, module="connect_numbers", name="ImportedPhoneNumber"):
    """An Amazon Connect phone number imported from AWS End User Messaging SMS/voice.

    The type token is `pulumi-python:dynamic/connect_numbers:ImportedPhoneNumber`; it is part of
    every URN, so renaming the class or module would replace (release) every number.
    """

    phone_number_id: pulumi.Output[str]
    phone_number_arn: pulumi.Output[str]
    phone_number: pulumi.Output[str]
    """The number in E.164 format."""
    country_code: pulumi.Output[str]
    number_type: pulumi.Output[str]
    status: pulumi.Output[str]
    status_message: pulumi.Output[str]
    target_arn: pulumi.Output[str]
    instance_id: pulumi.Output[str]
    """As declared (id or ARN) while it names the live instance; the live id after drift."""
    source_phone_number_arn: pulumi.Output[str]
    description: pulumi.Output[str]
    tags: pulumi.Output[dict[str, str]]
    """The user's tags; the provider's owner tag is reported separately as `owner`."""
    owner: pulumi.Output[str]
    adopt: pulumi.Output[bool]
    wait_timeout_seconds: pulumi.Output[float]
    region: pulumi.Output[str]

    def __init__(
        self,
        resource_name: str,
        args: ImportedPhoneNumberArgs,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        properties: dict[str, Any] = {
            p.INSTANCE_ID: args.instance_id,
            p.SOURCE_PHONE_NUMBER_ARN: args.source_phone_number_arn,
            p.DESCRIPTION: args.description,
            p.TAGS: args.tags,
            p.ADOPT: args.adopt,
            p.WAIT_TIMEOUT_SECONDS: args.wait_timeout_seconds,
            p.REGION: args.region,
            p.OWNER: owner_tag_value(pulumi.get_project(), pulumi.get_stack(), resource_name),
        }
        properties.update(dict.fromkeys(p.COMPUTED))
        # Two imports of one source number cannot coexist, so a replacement must release first.
        defaults = pulumi.ResourceOptions(delete_before_replace=True)
        super().__init__(
            ImportedPhoneNumberProvider(),
            resource_name,
            properties,
            pulumi.ResourceOptions.merge(defaults, opts),
        )
