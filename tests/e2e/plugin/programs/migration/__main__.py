"""One number that moves from the dynamic resource to the plugin's type (docs/migration.md).

`frontEnd` picks the declaration; the resource name stays `support` in both, because the owner
tag both front ends write is `<project>/<stack>/<resource name>`.
"""

import pulumi

config = pulumi.Config()
source = config.require("source")
instance = config.require("instance")
if config.get("frontEnd") == "plugin":
    number = pulumi.CustomResource(
        "connect-numbers:index:ImportedPhoneNumber",
        "support",
        {
            "source_phone_number_arn": source,
            "instance_id": instance,
            "description": "Support",
            "phone_number_id": None,
        },
    )
else:
    from connect_numbers import ImportedPhoneNumber, ImportedPhoneNumberArgs

    number = ImportedPhoneNumber(
        "support",
        ImportedPhoneNumberArgs(
            source_phone_number_arn=source, instance_id=instance, description="Support"
        ),
    )
pulumi.export("phone_number_id", number.phone_number_id)  # type: ignore[attr-defined]
