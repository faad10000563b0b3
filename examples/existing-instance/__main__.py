"""Imports End User Messaging SMS/voice numbers into an Amazon Connect instance that exists,
or into a traffic distribution group of one.

Config (namespace `existing-instance`), `instanceId` or `targetArn`:
  instanceId             id or ARN of the Connect instance
  targetArn              instead: ARN of a traffic distribution group (or of an instance)
  sourcePhoneNumberArns  list of End User Messaging phone number ARNs (required, at least one)
  description            description given to every imported number (optional)
AWS settings come from `aws:region` / `aws:profile`; `connect-numbers:endpoint` points the
provider at the local Connect service instead of AWS.

Only dynamic resources are registered here, so no provider plugin is needed.
"""

import pulumi

from connect_numbers import ImportedPhoneNumber, ImportedPhoneNumberArgs

TAGS = {"example": "existing-instance"}

config = pulumi.Config()
instance_id = config.get("instanceId")
target_arn = config.get("targetArn")
if (instance_id is None) == (target_arn is None):
    raise pulumi.RunError("set existing-instance:instanceId or existing-instance:targetArn (one)")
description = config.get("description")
sources = config.require_object("sourcePhoneNumberArns")

if (
    not isinstance(sources, list)
    or not sources
    or not all(isinstance(arn, str) and arn for arn in sources)
):
    raise pulumi.RunError(
        "existing-instance:sourcePhoneNumberArns must be a non-empty list of ARNs"
    )
if len(set(sources)) != len(sources):
    raise pulumi.RunError("existing-instance:sourcePhoneNumberArns lists an ARN twice")


def resource_name(source_arn: str) -> str:
    """Named after the source number's id, so reordering the list replaces nothing."""
    return source_arn.rsplit("/", 1)[-1]


numbers = {}
for source_arn in sources:
    imported = ImportedPhoneNumber(
        resource_name(source_arn),
        ImportedPhoneNumberArgs(
            instance_id=instance_id,
            target_arn=target_arn,
            source_phone_number_arn=source_arn,
            description=description,
            tags=TAGS,
        ),
    )
    numbers[source_arn] = {
        "phone_number": imported.phone_number,
        "phone_number_id": imported.phone_number_id,
    }

pulumi.export("numbers", numbers)
