"""`ImportedPhoneNumber` of the provider plugin, declared from a Python program.

Why a class here when generated SDKs exist: the root program switches front ends with one
config key (`connect-numbers:frontEnd`), so it needs the plugin's resource without a generated
SDK in the repo. It takes the same `ImportedPhoneNumberArgs` and offers the same attributes as
the dynamic resource; the plugin's camelCase names are translated at this edge (`wire_names`).
The owner is not sent: the plugin derives it from the URN.
"""

from __future__ import annotations

import pulumi

from connect_numbers.engine.outputs import COMPUTED, ComputedOutputs
from connect_numbers.inputs.schema import RESOURCE_TOKEN
from connect_numbers.inputs.spec import USER_INPUTS, ImportedPhoneNumberArgs, InputsAsOutputs
from connect_numbers.inputs.wire_names import python_name, wire_name


class ImportedPhoneNumber(pulumi.CustomResource, ComputedOutputs, InputsAsOutputs):
    """The plugin's `connect-numbers:index:ImportedPhoneNumber`, served by
    `pulumi-resource-connect-numbers`."""

    def __init__(
        self,
        resource_name: str,
        args: ImportedPhoneNumberArgs,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        properties = {spec.name: getattr(args, spec.name) for spec in USER_INPUTS}
        properties.update(dict.fromkeys(output.name for output in COMPUTED))
        properties["owner"] = None
        super().__init__(RESOURCE_TOKEN, resource_name, properties, opts)

    def translate_input_property(self, prop: str) -> str:
        return wire_name(prop)

    def translate_output_property(self, prop: str) -> str:
        return python_name(prop)
