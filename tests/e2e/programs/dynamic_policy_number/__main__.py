"""One number of the dynamic front end; `protect` and `description` come from stack config."""

import pulumi

from connect_numbers import ImportedPhoneNumber, ImportedPhoneNumberArgs

config = pulumi.Config()
ImportedPhoneNumber(
    "support",
    ImportedPhoneNumberArgs(
        source_phone_number_arn=config.require("source"),
        instance_id=config.require("instance"),
        description=config.get("description") or "",
    ),
    pulumi.ResourceOptions(protect=config.get_bool("protect") or False),
)
