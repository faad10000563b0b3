"""A user's Python program on the generated SDK (`pulumi_connect_numbers`), not on our wheel."""

import pulumi
import pulumi_connect_numbers as connect_numbers

config = pulumi.Config()
support = connect_numbers.ImportedPhoneNumber(
    "support",
    source_phone_number_arn=config.require("source"),
    instance_id=config.require("instance"),
    description="Support",
    tags={"team": "care"},
)
pulumi.export("phoneNumberId", support.phone_number_id)
pulumi.export("status", support.status)
