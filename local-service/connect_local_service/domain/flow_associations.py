"""Which contact flow a voice phone number routes its calls to: at most one per number.

AssociatePhoneNumberContactFlow, DisassociatePhoneNumberContactFlow and ListFlowAssociations
(ResourceType VOICE_PHONE_NUMBER). DescribePhoneNumber does not show the association; an
UpdatePhoneNumber move and a release drop it (docs/local-service.md, "Flow associations").
"""

from __future__ import annotations

from connect_local_service.domain import phone_number_lifecycle as lifecycle
from connect_local_service.domain.records import (
    FlowAssociationRecord,
    InstanceRecord,
    PhoneNumberRecord,
)
from connect_local_service.domain.resource_lookup import (
    find_contact_flow,
    find_instance,
    find_number,
)
from connect_local_service.server.request_context import RequestContext
from connect_local_service.wire.api_errors import invalid_parameter, not_found
from connect_local_service.wire.page_tokens import decode_page_token, encode_page_token

VOICE_PHONE_NUMBER = "VOICE_PHONE_NUMBER"
# ListFlowAssociations' page size when MaxResults is not given: the API reference names none;
# 100 is ListContactFlows' documented default.
DEFAULT_PAGE_SIZE = 100


def _number_in(ctx: RequestContext, instance: InstanceRecord, ref: str) -> PhoneNumberRecord:
    """The number, if it is claimed to `instance` (directly or through one of its traffic
    distribution groups); a number of another instance is not found from this one."""
    number = find_number(ctx, ref)
    if number.instance_id != instance.id:
        raise not_found(f"Phone number {ref} in instance {instance.id}")
    return number


def associate(
    ctx: RequestContext, number_ref: str, instance_ref: str, flow_ref: str
) -> FlowAssociationRecord:
    """Associates the flow, replacing the number's earlier flow if it had one."""
    instance = find_instance(ctx, "InstanceId", instance_ref)
    number = _number_in(ctx, instance, number_ref)
    flow = find_contact_flow(ctx, instance, flow_ref)
    status, _ = lifecycle.shown_status(number)
    if status != lifecycle.CLAIMED:
        raise invalid_parameter(
            "PhoneNumberId",
            f"phone number {number.id} is {status}, not CLAIMED; a flow can be associated "
            "once it is CLAIMED",
        )
    return ctx.tx.put_flow_association(
        FlowAssociationRecord(
            phone_number_id=number.id,
            phone_number_arn=number.arn,
            instance_id=instance.id,
            flow_id=flow.id,
            flow_arn=flow.arn,
            account=ctx.account,
            region=ctx.region,
        )
    )


def disassociate(ctx: RequestContext, number_ref: str, instance_ref: str) -> None:
    """Removes the number's flow; a number without one is accepted as it is."""
    instance = find_instance(ctx, "InstanceId", instance_ref)
    ctx.tx.delete_flow_association(_number_in(ctx, instance, number_ref).id)


def drop_association(ctx: RequestContext, number: PhoneNumberRecord) -> None:
    """A move (UpdatePhoneNumber) or a release does not carry the number's flow along."""
    ctx.tx.delete_flow_association(number.id)


def list_associations(
    ctx: RequestContext,
    instance_ref: str,
    resource_type: str | None,
    page_size: int | None,
    token: str | None,
) -> tuple[list[FlowAssociationRecord], str | None]:
    """A page of the instance's voice-number associations, oldest first; the other resource
    types (WhatsApp, email, analytics connectors) have none here."""
    instance = find_instance(ctx, "InstanceId", instance_ref)
    after = 0 if token is None else decode_page_token(token)
    if after is None:
        raise invalid_parameter("NextToken", "is not a token this service issued")
    if resource_type not in (None, VOICE_PHONE_NUMBER):
        return [], None
    associations = [
        association
        for association in ctx.tx.flow_associations(
            ctx.account, ctx.region, instance_id=instance.id
        )
        if association.seq > after
    ]
    limit = page_size or DEFAULT_PAGE_SIZE
    page = associations[:limit]
    return page, encode_page_token(page[-1].seq) if len(associations) > limit else None
