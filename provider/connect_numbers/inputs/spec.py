"""The inputs of `ImportedPhoneNumber`, each declared once, as a field of `NumberInputs`.

A field's name, type and default are the input's; its `InputFacts` say how a change is applied,
how it is checked (limits in `limits`), which stack-config key sets it, what it is (one line) and
how it reads back from a live number. Check, diff, read, the outputs, the stack-config parser
and the README table all derive from `INPUTS`. To add an input, add a field here and to
`ImportedPhoneNumberArgs` and `InputsAsOutputs` below (they give users' type checkers a typed
signature; a test holds them to the fields), then regenerate the README table. The module is
longer than the others on purpose: it is the one home of every input.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import pulumi

from connect_numbers.aws.arns import (
    ArnError,
    flow_id_of,
    instance_id_of,
    is_traffic_distribution_group_arn,
)
from connect_numbers.inputs import checks
from connect_numbers.inputs.declaration import Change, InputFacts, specs_of
from connect_numbers.inputs.limits import (
    DESCRIPTION_LENGTH,
    FLOW_ID_LENGTH,
    INSTANCE_ID_LENGTH,
    TAG_KEY_LENGTH,
    TAG_VALUE_LENGTH,
    USER_TAGS,
    WAIT_TIMEOUT,
)
from connect_numbers.workflows.ownership import OWNER_TAG_KEY, user_tags
from connect_numbers.workflows.phone_number import PhoneNumber
from connect_numbers.workflows.targets import same_target_arn, target_arn_from_live

NO_CALL = "no AWS call"


def _instance_or_raw(value: Any) -> Any:
    """Diff compares instances by id, so an id and an ARN naming one instance are no change."""
    try:
        return instance_id_of(value) if isinstance(value, str) else value
    except ArnError:
        return value


def _declared_instance(number: PhoneNumber, declared: NumberInputs) -> str | None:
    """The instance as declared (id or ARN) while it names the live instance, else the live id;
    None when the target is declared with `target_arn` or the number is in a traffic
    distribution group (then `target_arn` reports where it is).

    Keeping the declared form makes outputs equal inputs, so `pulumi preview --diff` shows no
    id-versus-ARN noise; once the live instance differs (drift), the live id is reported.
    """
    if declared.instance_id is None or is_traffic_distribution_group_arn(number.target_arn):
        return None
    return (
        declared.instance_id
        if _instance_or_raw(declared.instance_id) == number.instance_id
        else number.instance_id
    )


def _flow_or_raw(value: Any) -> Any:
    """Flows are compared by id, so an id and an ARN naming one flow are no change."""
    try:
        return flow_id_of(value) if isinstance(value, str) else value
    except ArnError:
        return value


def _declared_flow(number: PhoneNumber, declared: NumberInputs) -> str | None:
    """The flow as declared while it names the live association; the live flow's id after
    drift; None once the number has no flow. Unread (no flow declared) leaves the declaration."""
    live = number.contact_flow_arn
    if live is None:
        return declared.contact_flow_id
    if not live:
        return None
    if _flow_or_raw(declared.contact_flow_id) == _flow_or_raw(live):
        return declared.contact_flow_id
    return str(_flow_or_raw(live))


@dataclass(frozen=True, kw_only=True)
class NumberInputs:
    """One number's inputs, checked and with defaults: what every workflow reads."""

    instance_id: str | None = field(
        default=None,
        metadata=InputFacts(
            doc="The Amazon Connect instance, as an instance id or an instance ARN. Set this or "
            "`target_arn`.",
            change=Change.IN_PLACE,
            applied_by="UpdatePhoneNumber moves the number; nothing is released",
            check=checks.instance_id,
            from_live=_declared_instance,
            comparable=_instance_or_raw,
            limits=(INSTANCE_ID_LENGTH,),
            config_key="instanceId",
            stack_wide=True,
        ).metadata(),
    )
    target_arn: str | None = field(
        default=None,
        metadata=InputFacts(
            doc="Where the number goes, instead of `instance_id`: an instance ARN or a traffic "
            "distribution group ARN. For a group, the number is imported into the group's own "
            "instance, then moved to the group.",
            change=Change.IN_PLACE,
            applied_by="UpdatePhoneNumber moves the number; nothing is released",
            check=checks.target_arn,
            from_live=lambda number, declared: target_arn_from_live(
                number, declared.instance_id, declared.target_arn
            ),
            as_output=lambda number, _: number.target_arn,
            unchanged=same_target_arn,
            config_key="targetArn",
            stack_wide=True,
        ).metadata(),
    )
    source_phone_number_arn: str = field(
        metadata=InputFacts(
            doc="The End User Messaging SMS/voice number to import: "
            "`arn:PARTITION:sms-voice:REGION:ACCOUNT:phone-number/ID`.",
            change=Change.REPLACE,
            applied_by="the new number is imported first, then the old one released",
            check=checks.source_phone_number_arn,
            from_live=lambda number, declared: (
                number.source_phone_number_arn or declared.source_phone_number_arn
            ),
            config_key="sourcePhoneNumberArn",
        ).metadata(),
    )
    description: str = field(
        default="",
        metadata=InputFacts(
            doc="Free text describing the number in Amazon Connect.",
            change=Change.IN_PLACE,
            applied_by="UpdatePhoneNumberMetadata",
            check=checks.description,
            from_live=lambda number, _: number.description,
            limits=(DESCRIPTION_LENGTH,),
            config_key="description",
        ).metadata(),
    )
    tags: Mapping[str, str] = field(
        default_factory=dict,
        metadata=InputFacts(
            doc="Tags on the number. Keys are Unicode letters, numbers, spaces and "
            "`_ . : / = + - @`, not starting with `aws:` and not `connect-numbers:owner`.",
            change=Change.IN_PLACE,
            applied_by="TagResource, then UntagResource",
            check=checks.tags,
            from_live=lambda number, _: user_tags(number.tags),
            comparable=lambda value: dict(value or {}),
            limits=(USER_TAGS, TAG_KEY_LENGTH, TAG_VALUE_LENGTH),
            config_key="tags",
        ).metadata(),
    )
    contact_flow_id: str | None = field(
        default=None,
        metadata=InputFacts(
            doc="The contact flow that answers calls to the number: a flow id or a contact flow "
            "ARN, of the number's instance. Without one the number takes no calls.",
            change=Change.IN_PLACE,
            applied_by="AssociatePhoneNumberContactFlow, or DisassociatePhoneNumberContactFlow "
            "when removed; again after a move",
            check=checks.contact_flow_id,
            from_live=_declared_flow,
            comparable=_flow_or_raw,
            limits=(FLOW_ID_LENGTH,),
            config_key="contactFlowId",
        ).metadata(),
    )
    adopt: bool = field(
        default=False,
        metadata=InputFacts(
            doc="Take over a source number already imported into Connect and managed by no "
            "stack; a number another stack manages is never taken over.",
            change=Change.IN_PLACE,
            applied_by=NO_CALL,
            check=checks.adopt,
            from_live=lambda _, declared: declared.adopt,
            config_key="adopt",
        ).metadata(),
    )
    wait_timeout_seconds: float = field(
        default=600.0,
        metadata=InputFacts(
            doc="Deadline in seconds for each wait (import, move, release), above 0. The "
            "plugin also honours `customTimeouts`, but this input wins when set; they never "
            "reach the dynamic resource.",
            change=Change.IN_PLACE,
            applied_by=NO_CALL,
            check=checks.wait_timeout_seconds,
            from_live=lambda _, declared: declared.wait_timeout_seconds,
            limits=(WAIT_TIMEOUT,),
            config_key="waitTimeoutSeconds",
        ).metadata(),
    )
    region: str | None = field(
        default=None,
        metadata=InputFacts(
            doc="The Region for this resource; it must match the Region in the ARNs, where "
            "calls always go.",
            change=Change.NOT_COMPARED,
            applied_by="calls go to the Region in the number's ARN",
            check=checks.region,
            # As declared, never filled in: read hands it back as the input, so a Region the
            # user left out must stay out, or every refresh with drift would also show +region.
            from_live=lambda _, declared: declared.region,
        ).metadata(),
    )
    owner: str = field(
        metadata=InputFacts(
            doc="`project/stack/resource name`, set by the resource class and written as the "
            "number's `connect-numbers:owner` tag.",
            change=Change.IN_PLACE,
            applied_by="TagResource",
            check=checks.owner,
            from_live=lambda number, _: number.tags.get(OWNER_TAG_KEY),
            limits=(TAG_VALUE_LENGTH,),
            hidden=True,
        ).metadata()
    )

    def desired_tags(self, owner_tag: str | None = None) -> dict[str, str]:
        """All tags the number should carry: the user's plus the owner tag (`owner_tag`, which
        adds the create's generation to `owner`; see `ownership.Owner`)."""
        return {**self.tags, OWNER_TAG_KEY: owner_tag or self.owner}


INPUTS = specs_of(NumberInputs)
USER_INPUTS = tuple(spec for spec in INPUTS if not spec.facts.hidden)


@dataclass(kw_only=True)
class ImportedPhoneNumberArgs:
    """Inputs of `ImportedPhoneNumber`, by keyword; None means the provider's default."""

    instance_id: pulumi.Input[str] | None = None
    target_arn: pulumi.Input[str] | None = None
    source_phone_number_arn: pulumi.Input[str]
    description: pulumi.Input[str] | None = None
    tags: pulumi.Input[Mapping[str, pulumi.Input[str]]] | None = None
    contact_flow_id: pulumi.Input[str] | None = None
    adopt: pulumi.Input[bool] | None = None
    wait_timeout_seconds: pulumi.Input[float] | None = None
    region: pulumi.Input[str] | None = None

    def properties(self, owner: str) -> dict[str, Any]:
        """The property bag the program registers: every input, the owner included."""
        return {**{spec.name: getattr(self, spec.name) for spec in USER_INPUTS}, "owner": owner}


ImportedPhoneNumberArgs.__doc__ = "\n".join(
    [str(ImportedPhoneNumberArgs.__doc__), ""]
    + [f":param {spec.name}: {spec.facts.doc}" for spec in USER_INPUTS]
)


class InputsAsOutputs:
    """The inputs as typed output attributes of `ImportedPhoneNumber` (state repeats them)."""

    instance_id: pulumi.Output[str]
    """As declared (id or ARN) while it names the live instance; the live id after drift; None
    when `target_arn` is declared or the number is in a traffic distribution group."""
    target_arn: pulumi.Output[str]
    """Where the number is: its instance's ARN or its traffic distribution group's ARN."""
    source_phone_number_arn: pulumi.Output[str]
    description: pulumi.Output[str]
    tags: pulumi.Output[dict[str, str]]
    """The user's tags; the provider's owner tag is reported separately as `owner`."""
    contact_flow_id: pulumi.Output[str]
    adopt: pulumi.Output[bool]
    wait_timeout_seconds: pulumi.Output[float]
    region: pulumi.Output[str]
    owner: pulumi.Output[str]
