"""A small contact centre on real AWS: one instance, one number, one contact flow.

1. `aws.connect.Instance` creates the Amazon Connect instance.
2. `aws.pinpoint.Smsvoicev2PhoneNumber` requests a voice-capable number from AWS End User
   Messaging SMS/voice, in the same Region (ImportPhoneNumber works only within one Region).
3. `ImportedPhoneNumber` imports that number into the instance.
4. `aws.connect.ContactFlow` greets the caller and hangs up, and
   `aws.connect.PhoneNumberContactFlowAssociation` routes the imported number to it.

Config: `aws:region` (required), `aws-contact-centre:instanceAlias` (required, unique in the
partition), optional `isoCountryCode` (US), `numberType` (TOLL_FREE), `messageType`
(TRANSACTIONAL), `registrationId`, `greeting`. See README.md.
"""

import json

import pulumi
import pulumi_aws as aws

from connect_numbers import ImportedPhoneNumber, ImportedPhoneNumberArgs

config = pulumi.Config()
region = pulumi.Config("aws").require("region")
instance_alias = config.require("instanceAlias")
greeting = config.get("greeting") or "Thank you for calling. Goodbye."

instance = aws.connect.Instance(
    "contact-centre",
    instance_alias=instance_alias,
    identity_management_type="CONNECT_MANAGED",
    inbound_calls_enabled=True,
    outbound_calls_enabled=True,
    region=region,
)

source_number = aws.pinpoint.Smsvoicev2PhoneNumber(
    "main-line-source",
    iso_country_code=config.get("isoCountryCode") or "US",
    number_type=config.get("numberType") or "TOLL_FREE",
    message_type=config.get("messageType") or "TRANSACTIONAL",
    number_capabilities=["SMS", "VOICE"],
    registration_id=config.get("registrationId"),
    region=region,
)

main_line = ImportedPhoneNumber(
    "main-line",
    ImportedPhoneNumberArgs(
        instance_id=instance.id,
        source_phone_number_arn=source_number.arn,
        description="Main line, imported from End User Messaging",
        tags={"example": "aws-contact-centre"},
        region=region,
    ),
)

# Amazon Connect flow language: play a message, then disconnect.
GREET = "5b0d6e2c-61a4-4f0e-9a57-0c7f3d2a9e11"
HANG_UP = "c2a9f1b8-3e47-4d6a-8b05-7e1d4f6a2c33"
flow_content = {
    "Version": "2019-10-30",
    "StartAction": GREET,
    "Actions": [
        {
            "Identifier": GREET,
            "Type": "MessageParticipant",
            "Parameters": {"Text": greeting},
            "Transitions": {
                "NextAction": HANG_UP,
                "Errors": [{"NextAction": HANG_UP, "ErrorType": "NoMatchingError"}],
                "Conditions": [],
            },
        },
        {
            "Identifier": HANG_UP,
            "Type": "DisconnectParticipant",
            "Parameters": {},
            "Transitions": {},
        },
    ],
}

greeting_flow = aws.connect.ContactFlow(
    "greeting",
    instance_id=instance.id,
    name="Main line greeting",
    description="Greets callers of the imported main line",
    type="CONTACT_FLOW",
    content=json.dumps(flow_content),
    region=region,
)

aws.connect.PhoneNumberContactFlowAssociation(
    "main-line-greeting",
    phone_number_id=main_line.phone_number_id,
    instance_id=instance.id,
    contact_flow_id=greeting_flow.contact_flow_id,
    region=region,
)

pulumi.export("instance_id", instance.id)
pulumi.export("phone_number", main_line.phone_number)
pulumi.export("phone_number_id", main_line.phone_number_id)
pulumi.export("contact_flow_id", greeting_flow.contact_flow_id)
