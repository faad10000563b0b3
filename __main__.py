"""The root stack: every number declared in stack config becomes an ImportedPhoneNumber.

Config (namespace `connect-numbers`): `instanceId` (id or ARN of the Connect instance) or
`targetArn` (an instance or traffic distribution group ARN), and
`numbers`, a list of entries with a `name` and the per-number keys of the inputs table in
README.md (`sourcePhoneNumberArn`, `description`, `tags`, ...), and/or `selection`, numbers
chosen by what they are (`match: {isoCountryCode, numberType, capabilities, status, tags}`).
AWS settings come from `aws:region` / `aws:profile` and, for the local service,
`connect-numbers:endpoint`. `frontEnd: plugin` declares the provider plugin's resource instead
of the dynamic one; the plugin then reads its Region from `connect-numbers:region`.
"""

import pulumi

from connect_numbers import ImportedPhoneNumber, ImportedPhoneNumberArgs
from connect_numbers.engine.plugin import resource as plugin
from connect_numbers.inputs.stack_config import NAMESPACE, read_stack_config
from connect_numbers.selection.component import SelectedPhoneNumbers
from connect_numbers.selection.lookup import find_source_numbers

declared = read_stack_config(pulumi.Config(NAMESPACE))
front_ends = {"dynamic": ImportedPhoneNumber, "plugin": plugin.ImportedPhoneNumber}
resource_class = front_ends[declared.front_end]

resources = {
    number.name: resource_class(
        number.name, ImportedPhoneNumberArgs(**declared.shared, **number.inputs)
    )
    for number in declared.numbers
}

if declared.selection is not None:
    chosen = declared.selection
    group = SelectedPhoneNumbers(
        chosen.name,
        find_source_numbers(chosen.match),
        instance_id=declared.shared.get("instance_id"),
        target_arn=declared.shared.get("target_arn"),
        description=chosen.description,
        tags=chosen.tags,
        contact_flow_id=chosen.contact_flow_id,
        front_end=declared.front_end,
    )
    resources.update(group.numbers)
    pulumi.export("selection", group.selected)

pulumi.export(
    "numbers",
    {
        name: {
            "phone_number": resource.phone_number,
            "phone_number_id": resource.phone_number_id,
            "phone_number_arn": resource.phone_number_arn,
            "status": resource.status,
        }
        for name, resource in resources.items()
    },
)
