"""`ImportedPhoneNumber`: the resource a Pulumi program declares.

Why the class computes `owner`: the provider process cannot learn the project, stack or resource
name, but the program can. The value becomes the number's `connect-numbers:owner` tag (with the
generation of the create that wrote it), written by ImportPhoneNumber itself, which is what lets
an interrupted create resume safely.
"""

from __future__ import annotations

import pulumi
from pulumi.dynamic import Resource

from connect_numbers.engine.dynamic.provider import ImportedPhoneNumberProvider
from connect_numbers.engine.outputs import COMPUTED, ComputedOutputs
from connect_numbers.inputs.spec import ImportedPhoneNumberArgs, InputsAsOutputs
from connect_numbers.workflows.ownership import owner_tag_value


class ImportedPhoneNumber(
    Resource,
    ComputedOutputs,
    InputsAsOutputs,
    module="connect_numbers",
    name="ImportedPhoneNumber",
):
    """An Amazon Connect phone number imported from AWS End User Messaging SMS/voice.

    The type token is `pulumi-python:dynamic/connect_numbers:ImportedPhoneNumber`; it is part of
    every URN, so changing `module` or `name` above would replace (release) every number.
    """

    def __init__(
        self,
        resource_name: str,
        args: ImportedPhoneNumberArgs,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        owner = owner_tag_value(pulumi.get_project(), pulumi.get_stack(), resource_name)
        properties = args.properties(owner)
        properties.update(dict.fromkeys(output.name for output in COMPUTED))
        # No delete_before_replace: a replacement imports the new number before the old one is
        # released, so a refused import loses nothing (see `ownership` for the same source).
        super().__init__(ImportedPhoneNumberProvider(), resource_name, properties, opts)
