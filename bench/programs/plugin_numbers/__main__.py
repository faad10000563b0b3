"""N numbers of the provider plugin, one per source ARN in config `bench-numbers:sources`.

The same stack as programs/numbers, declared by type token: no connect_numbers import, so the
program process stays as small as a program of any other language would.
"""

import pulumi

config = pulumi.Config("bench-numbers")
instance_id = config.require("instanceId")
sources: list[str] = config.require_object("sources")
for i, source_arn in enumerate(sources):
    pulumi.CustomResource(
        "connect-numbers:index:ImportedPhoneNumber",
        f"number-{i}",
        {"instanceId": instance_id, "sourcePhoneNumberArn": source_arn},
    )
