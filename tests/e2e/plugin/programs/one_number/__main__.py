"""One number as a plain CustomResource of the plugin: no connect_numbers import needed."""

import pulumi

config = pulumi.Config()
options = None
endpoint = config.get("explicitEndpoint")
if endpoint:  # an explicit provider instance, with its own endpoint and Region
    second = pulumi.ProviderResource(
        "connect-numbers", "second", {"endpoint": endpoint, "region": "us-east-1"}
    )
    options = pulumi.ResourceOptions(provider=second)
number = pulumi.CustomResource(
    "connect-numbers:index:ImportedPhoneNumber",
    "support",
    {
        "sourcePhoneNumberArn": config.require("source"),
        "instanceId": config.require("instance"),
        "description": config.get("description") or "Support",
        "tags": {"team": "care"},
        "phoneNumberId": None,
        "phoneNumber": None,
        "status": None,
    },
    options,
)
pulumi.export("phone_number_id", number.phoneNumberId)  # type: ignore[attr-defined]
pulumi.export("status", number.status)  # type: ignore[attr-defined]

kept_source = config.get("keptSource")
if kept_source:  # a number brought in by `pulumi import`, declared as it was imported
    pulumi.CustomResource(
        "connect-numbers:index:ImportedPhoneNumber",
        "kept",
        {"sourcePhoneNumberArn": kept_source, "instanceId": config.require("keptInstance")},
    )
