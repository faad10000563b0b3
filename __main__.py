"""The root stack: every number declared in stack config becomes an ImportedPhoneNumber.

Config (namespace `connect-numbers`): `instanceId` (id or ARN of the Connect instance) and
`numbers` (a list of {name, sourcePhoneNumberArn, description, tags, adopt,
waitTimeoutSeconds}). AWS settings come from `aws:region` / `aws:profile` and, for the local
service, `connect-numbers:endpoint`. See README.md.
"""

import pulumi

from connect_numbers import ImportedPhoneNumber, ImportedPhoneNumberArgs
from connect_numbers.stack_config import parse_stack_config

config = pulumi.Config("connect-numbers")
declared = parse_stack_config(config.get("instanceId"), config.get_object("numbers"))

exported = {}
for number in declared.numbers:
    resource = ImportedPhoneNumber(
        number.name,
        ImportedPhoneNumberArgs(
            instance_id=declared.instance_id,
            source_phone_number_arn=number.source_phone_number_arn,
            description=number.description,
            tags=number.tags,
            adopt=number.adopt,
            wait_timeout_seconds=number.wait_timeout_seconds,
        ),
    )
    exported[number.name] = {
        "phone_number": resource.phone_number,
        "phone_number_id": resource.phone_number_id,
        "phone_number_arn": resource.phone_number_arn,
        "status": resource.status,
    }

pulumi.export("numbers", exported)
