"""Contact flows: create, describe and list them in an instance, as the phone numbers' flow
associations need them. Flow versions, modules, updates and deletion are not modelled.
"""

from __future__ import annotations

import hashlib
import json
import uuid

from connect_local_service.domain.arn_format import build_arn
from connect_local_service.domain.records import ContactFlowRecord
from connect_local_service.domain.resource_lookup import find_contact_flow, find_instance
from connect_local_service.domain.resource_tags import add_tags
from connect_local_service.server.request_context import RequestContext
from connect_local_service.wire.api_errors import ApiError, invalid_parameter
from connect_local_service.wire.page_tokens import decode_page_token, encode_page_token

PUBLISHED = "PUBLISHED"
SAVED = "SAVED"
# The alias DescribeContactFlow takes for a flow's saved (not published) content.
SAVED_ALIAS = ":$SAVED"
# The API reference's ListContactFlows: "The default MaxResult size is 100."
DEFAULT_PAGE_SIZE = 100
# The API reference's CreateContactFlow, Content: "Length Constraints: Minimum length of 1.
# Maximum length of 256000." (botocore's model does not carry them).
MAX_CONTENT_LENGTH = 256000


def content_sha256(flow: ContactFlowRecord) -> str:
    """FlowContentSha256: the content's hex SHA-256 (the model's pattern: 64 letters or digits)."""
    return hashlib.sha256(flow.content.encode()).hexdigest()


def content_problem(content: str) -> str | None:
    """Why a PUBLISHED flow's content is not valid here (None when it is): a JSON object.

    The API reference says PUBLISHED "will initiate validation on the content" without saying
    what is checked; the local service checks only that it is Flow language's JSON object.
    """
    try:
        document = json.loads(content)
    except ValueError as exc:
        return f"Content is not JSON: {exc}"
    if not isinstance(document, dict):
        return "Content is not a JSON object"
    return None


def create_flow(
    ctx: RequestContext,
    instance_ref: str,
    name: str,
    flow_type: str,
    content: str,
    description: str | None,
    status: str | None,
    tags: dict[str, str] | None,
) -> ContactFlowRecord:
    instance = find_instance(ctx, "InstanceId", instance_ref)
    if not content or len(content) > MAX_CONTENT_LENGTH:
        raise invalid_parameter(
            "Content", f"must be 1 to {MAX_CONTENT_LENGTH} characters long, not {len(content)}"
        )
    status = status or PUBLISHED
    problem = content_problem(content) if status == PUBLISHED else None
    if problem is not None:
        raise ApiError(
            "InvalidContactFlowException",
            f"The flow is not valid: {problem}",
            problems=[{"message": problem}],
        )
    if ctx.tx.contact_flows(ctx.account, ctx.region, instance_id=instance.id, name=name):
        raise ApiError(
            "DuplicateResourceException",
            f"A contact flow named {name} already exists in instance {instance.id}",
        )
    flow_id = str(uuid.uuid4())
    flow = ContactFlowRecord(
        id=flow_id,
        arn=build_arn(
            "connect", ctx.region, ctx.account, f"instance/{instance.id}/contact-flow/{flow_id}"
        ),
        instance_id=instance.id,
        account=ctx.account,
        region=ctx.region,
        name=name,
        type=flow_type,
        description=description,
        content=content,
        status=status,
        created_at=ctx.now,
    )
    stored = ctx.tx.insert_contact_flow(flow)
    if tags:
        add_tags(ctx, stored.arn, tags)
    return stored


def describe_flow(ctx: RequestContext, instance_ref: str, ref: str) -> ContactFlowRecord:
    """A flow never published is described only through its `:$SAVED` alias; without it the
    answer is ContactFlowNotPublishedException (docs/local-service.md, "Contact flows")."""
    instance = find_instance(ctx, "InstanceId", instance_ref)
    saved = ref.endswith(SAVED_ALIAS)
    flow = find_contact_flow(ctx, instance, ref.removesuffix(SAVED_ALIAS))
    if flow.status == SAVED and not saved:
        raise ApiError(
            "ContactFlowNotPublishedException",
            f"Contact flow {flow.id} has not been published; describe {flow.id}{SAVED_ALIAS} "
            "to see its saved content",
        )
    return flow


def list_flows(
    ctx: RequestContext,
    instance_ref: str,
    types: tuple[str, ...],
    page_size: int | None,
    token: str | None,
) -> tuple[list[ContactFlowRecord], str | None]:
    """A page of the instance's flows (of the given types, if any), in creation order."""
    instance = find_instance(ctx, "InstanceId", instance_ref)
    after = 0 if token is None else decode_page_token(token)
    if after is None:
        raise invalid_parameter("NextToken", "is not a token this service issued")
    flows = [
        flow
        for flow in ctx.tx.contact_flows(ctx.account, ctx.region, instance_id=instance.id)
        if flow.seq > after and (not types or flow.type in types)
    ]
    limit = page_size or DEFAULT_PAGE_SIZE
    page = flows[:limit]
    return page, encode_page_token(page[-1].seq) if len(flows) > limit else None
