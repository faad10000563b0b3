// A user's program against the SDK generated from the plugin's schema.
import * as pulumi from "@pulumi/pulumi";
import * as connectNumbers from "connect-numbers";

const config = new pulumi.Config();
const support = new connectNumbers.ImportedPhoneNumber(
    "support",
    {
        instanceId: config.require("instance"),
        sourcePhoneNumberArn: config.require("source"),
        description: "Customer support",
        tags: { team: "care" },
    },
    { protect: true, customTimeouts: { create: "20m" } },
);

export const supportNumber: pulumi.Output<string> = support.phoneNumber;
export const supportId: pulumi.Output<string> = support.phoneNumberId;
