"""N `ImportedPhoneNumber` resources, one per source ARN in config `bench-numbers:sources`."""

import pulumi

from connect_numbers import ImportedPhoneNumber, ImportedPhoneNumberArgs

config = pulumi.Config()
instance_id = config.require("instanceId")
sources: list[str] = config.require_object("sources")
for i, source_arn in enumerate(sources):
    ImportedPhoneNumber(
        f"number-{i}",
        ImportedPhoneNumberArgs(instance_id=instance_id, source_phone_number_arn=source_arn),
    )
