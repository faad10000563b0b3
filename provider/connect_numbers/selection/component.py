"""`SelectedPhoneNumbers`: every End User Messaging number a selection matches, imported.

Why a component: teams with tens of numbers declare what they want (country, type, capability,
status, tags) instead of each ARN. Each child is named from its source's own id, so a selection
that grows or is reordered replaces nothing. A number that leaves the selection must never be
released by it: every child is registered with `retain_on_delete`, so it leaves the stack and
stays in Connect, and the selection's record (`ledger`) says so in one line, in preview too.
Releasing one is an explicit act outside the selection (README, "Releasing numbers").
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pulumi

from connect_numbers.engine.dynamic.resource import ImportedPhoneNumber
from connect_numbers.engine.plugin import resource as plugin
from connect_numbers.inputs.spec import ImportedPhoneNumberArgs
from connect_numbers.selection.criteria import (
    check_template,
    child_name,
    describe,
    source_id,
)
from connect_numbers.selection.ledger import SelectionLedger
from connect_numbers.workflows.source_number import SourceNumber

TYPE = "connect-numbers:selection:SelectedPhoneNumbers"


class SelectedPhoneNumbers(pulumi.ComponentResource):
    """One imported number per selected source: `selected` lists the source ARNs, `numbers`
    maps each child's name to it."""

    selected: list[str]
    numbers: dict[str, pulumi.CustomResource]

    def __init__(
        self,
        name: str,
        sources: Sequence[SourceNumber],
        *,
        instance_id: pulumi.Input[str] | None = None,
        target_arn: pulumi.Input[str] | None = None,
        description: str = "",
        tags: Mapping[str, str] | None = None,
        contact_flow_id: pulumi.Input[str] | None = None,
        front_end: str = "dynamic",
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        super().__init__(TYPE, name, None, opts)
        template = check_template(description)
        resource_class = (
            plugin.ImportedPhoneNumber if front_end == "plugin" else ImportedPhoneNumber
        )
        # Not protected, even when the component is: the engine refuses to delete a protected
        # resource, retained or not, so a protected child would stop the selection shrinking.
        retained = pulumi.ResourceOptions(parent=self, retain_on_delete=True, protect=False)
        self.numbers = {}
        arns = []
        for source in sources:
            arn = source.phone_number_arn
            args = ImportedPhoneNumberArgs(
                instance_id=instance_id,
                target_arn=target_arn,
                source_phone_number_arn=arn,
                description=describe(template, _placeholders(source)),
                tags=dict(tags or {}),
                contact_flow_id=contact_flow_id,
            )
            child = child_name(name, arn)
            self.numbers[child] = resource_class(child, args, retained)
            arns.append(arn)
        self.selected = sorted(arns)
        SelectionLedger(
            f"{name}-selection", name, self.selected, pulumi.ResourceOptions(parent=self)
        )
        self.register_outputs({"selected": self.selected})


def _placeholders(source: SourceNumber) -> dict[str, str]:
    return {
        "phone_number": source.phone_number,
        "source_id": source_id(source.phone_number_arn),
        "iso_country_code": source.iso_country_code,
        "number_type": source.number_type,
    }
