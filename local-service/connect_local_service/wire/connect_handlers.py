"""Amazon Connect operations (REST-JSON): request parameters in, wire shape out.

Each handler reads its parameters, calls the domain operation and renders the answer with
wire_shapes.py; ClientTokens replay through client_tokens.py.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from connect_local_service.domain import contact_flow_operations as flows
from connect_local_service.domain import flow_associations as associations
from connect_local_service.domain import instance_operations as instances
from connect_local_service.domain import phone_number_operations as numbers
from connect_local_service.domain import traffic_group_operations as groups
from connect_local_service.domain.client_tokens import with_client_token
from connect_local_service.domain.number_listing import NumberFilter, list_numbers
from connect_local_service.domain.resource_lookup import (
    find_instance,
    find_tagged_arn,
    find_traffic_group,
)
from connect_local_service.domain.resource_tags import add_tags
from connect_local_service.server.request_context import RequestContext
from connect_local_service.wire import shapes

Handler = Callable[[RequestContext, dict[str, Any]], dict[str, Any]]
Params = dict[str, Any]


def import_phone_number(ctx: RequestContext, p: Params) -> dict[str, Any]:
    def action() -> dict[str, Any]:
        number = numbers.import_number(
            ctx,
            p["InstanceId"],
            p["SourcePhoneNumberArn"],
            p.get("PhoneNumberDescription"),
            p.get("Tags"),
        )
        return shapes.number_ids(number)

    return with_client_token(ctx, p, action)


def describe_phone_number(ctx: RequestContext, p: Params) -> dict[str, Any]:
    number = numbers.describe_number(ctx, p["PhoneNumberId"])
    return {"ClaimedPhoneNumberSummary": shapes.claimed_summary(number, ctx.tx.tags(number.arn))}


def update_phone_number_metadata(ctx: RequestContext, p: Params) -> dict[str, Any]:
    def action() -> dict[str, Any]:
        numbers.update_metadata(ctx, p["PhoneNumberId"], p.get("PhoneNumberDescription"))
        return {}

    return with_client_token(ctx, p, action)


def update_phone_number(ctx: RequestContext, p: Params) -> dict[str, Any]:
    def action() -> dict[str, Any]:
        number = numbers.move_number(
            ctx, p["PhoneNumberId"], p.get("TargetArn"), p.get("InstanceId")
        )
        return shapes.number_ids(number)

    return with_client_token(ctx, p, action)


def release_phone_number(ctx: RequestContext, p: Params) -> dict[str, Any]:
    def action() -> dict[str, Any]:
        numbers.release_number(ctx, p["PhoneNumberId"])
        return {}

    return with_client_token(ctx, p, action)


def list_phone_numbers_v2(ctx: RequestContext, p: Params) -> dict[str, Any]:
    wanted = NumberFilter(
        target_arn=p.get("TargetArn"),
        instance_ref=p.get("InstanceId"),
        country_codes=tuple(p.get("PhoneNumberCountryCodes") or ()),
        types=tuple(p.get("PhoneNumberTypes") or ()),
        prefix=p.get("PhoneNumberPrefix"),
    )
    page, next_token = list_numbers(ctx, wanted, p.get("MaxResults"), p.get("NextToken"))
    result: dict[str, Any] = {"ListPhoneNumbersSummaryList": [shapes.list_summary(n) for n in page]}
    if next_token is not None:
        result["NextToken"] = next_token
    return result


def tag_resource(ctx: RequestContext, p: Params) -> dict[str, Any]:
    add_tags(ctx, find_tagged_arn(ctx, p["resourceArn"]), p["tags"])
    return {}


def untag_resource(ctx: RequestContext, p: Params) -> dict[str, Any]:
    ctx.tx.remove_tags(find_tagged_arn(ctx, p["resourceArn"]), p["tagKeys"])
    return {}


def list_tags_for_resource(ctx: RequestContext, p: Params) -> dict[str, Any]:
    return {"tags": ctx.tx.tags(find_tagged_arn(ctx, p["resourceArn"]))}


def describe_instance(ctx: RequestContext, p: Params) -> dict[str, Any]:
    instance = find_instance(ctx, "InstanceId", p["InstanceId"])
    return {"Instance": {**shapes.instance_summary(instance), "Tags": ctx.tx.tags(instance.arn)}}


def create_instance(ctx: RequestContext, p: Params) -> dict[str, Any]:
    def action() -> dict[str, Any]:
        instance = instances.create_instance(ctx, p.get("InstanceAlias"), p.get("Tags"))
        return {"Id": instance.id, "Arn": instance.arn}

    return with_client_token(ctx, p, action)


def delete_instance(ctx: RequestContext, p: Params) -> dict[str, Any]:
    instances.delete_instance(ctx, p["InstanceId"])
    return {}


def list_instances(ctx: RequestContext, p: Params) -> dict[str, Any]:
    page, next_token = instances.list_instances(ctx, p.get("MaxResults"), p.get("NextToken"))
    result: dict[str, Any] = {"InstanceSummaryList": [shapes.instance_summary(i) for i in page]}
    if next_token is not None:
        result["NextToken"] = next_token
    return result


def create_traffic_distribution_group(ctx: RequestContext, p: Params) -> dict[str, Any]:
    def action() -> dict[str, Any]:
        group = groups.create_traffic_group(
            ctx, p["Name"], p.get("Description"), p["InstanceId"], p.get("Tags")
        )
        return {"Id": group.id, "Arn": group.arn}

    return with_client_token(ctx, p, action)


def describe_traffic_distribution_group(ctx: RequestContext, p: Params) -> dict[str, Any]:
    group = find_traffic_group(ctx, "TrafficDistributionGroupId", p["TrafficDistributionGroupId"])
    return {"TrafficDistributionGroup": shapes.traffic_group(group, ctx.tx.tags(group.arn))}


def list_traffic_distribution_groups(ctx: RequestContext, p: Params) -> dict[str, Any]:
    page, next_token = groups.list_traffic_groups(
        ctx, p.get("InstanceId"), p.get("MaxResults"), p.get("NextToken")
    )
    summaries = [shapes.traffic_group_summary(group) for group in page]
    result: dict[str, Any] = {"TrafficDistributionGroupSummaryList": summaries}
    if next_token is not None:
        result["NextToken"] = next_token
    return result


def delete_traffic_distribution_group(ctx: RequestContext, p: Params) -> dict[str, Any]:
    groups.delete_traffic_group(ctx, p["TrafficDistributionGroupId"])
    return {}


def create_contact_flow(ctx: RequestContext, p: Params) -> dict[str, Any]:
    flow = flows.create_flow(
        ctx,
        p["InstanceId"],
        p["Name"],
        p["Type"],
        p["Content"],
        p.get("Description"),
        p.get("Status"),
        p.get("Tags"),
    )
    return shapes.contact_flow_ids(flow)


def describe_contact_flow(ctx: RequestContext, p: Params) -> dict[str, Any]:
    flow = flows.describe_flow(ctx, p["InstanceId"], p["ContactFlowId"])
    return {"ContactFlow": shapes.contact_flow(flow, ctx.tx.tags(flow.arn))}


def list_contact_flows(ctx: RequestContext, p: Params) -> dict[str, Any]:
    page, next_token = flows.list_flows(
        ctx,
        p["InstanceId"],
        tuple(p.get("ContactFlowTypes") or ()),
        p.get("MaxResults"),
        p.get("NextToken"),
    )
    summaries = [shapes.contact_flow_summary(flow) for flow in page]
    result: dict[str, Any] = {"ContactFlowSummaryList": summaries}
    if next_token is not None:
        result["NextToken"] = next_token
    return result


def associate_phone_number_contact_flow(ctx: RequestContext, p: Params) -> dict[str, Any]:
    associations.associate(ctx, p["PhoneNumberId"], p["InstanceId"], p["ContactFlowId"])
    return {}


def disassociate_phone_number_contact_flow(ctx: RequestContext, p: Params) -> dict[str, Any]:
    associations.disassociate(ctx, p["PhoneNumberId"], p["InstanceId"])
    return {}


def list_flow_associations(ctx: RequestContext, p: Params) -> dict[str, Any]:
    page, next_token = associations.list_associations(
        ctx, p["InstanceId"], p.get("ResourceType"), p.get("MaxResults"), p.get("NextToken")
    )
    summaries = [shapes.flow_association_summary(a) for a in page]
    result: dict[str, Any] = {"FlowAssociationSummaryList": summaries}
    if next_token is not None:
        result["NextToken"] = next_token
    return result


HANDLERS: dict[str, Handler] = {
    "ImportPhoneNumber": import_phone_number,
    "DescribePhoneNumber": describe_phone_number,
    "UpdatePhoneNumberMetadata": update_phone_number_metadata,
    "UpdatePhoneNumber": update_phone_number,
    "ReleasePhoneNumber": release_phone_number,
    "ListPhoneNumbersV2": list_phone_numbers_v2,
    "TagResource": tag_resource,
    "UntagResource": untag_resource,
    "ListTagsForResource": list_tags_for_resource,
    "DescribeInstance": describe_instance,
    "CreateInstance": create_instance,
    "DeleteInstance": delete_instance,
    "ListInstances": list_instances,
    "CreateTrafficDistributionGroup": create_traffic_distribution_group,
    "DescribeTrafficDistributionGroup": describe_traffic_distribution_group,
    "ListTrafficDistributionGroups": list_traffic_distribution_groups,
    "DeleteTrafficDistributionGroup": delete_traffic_distribution_group,
    "CreateContactFlow": create_contact_flow,
    "DescribeContactFlow": describe_contact_flow,
    "ListContactFlows": list_contact_flows,
    "AssociatePhoneNumberContactFlow": associate_phone_number_contact_flow,
    "DisassociatePhoneNumberContactFlow": disassociate_phone_number_contact_flow,
    "ListFlowAssociations": list_flow_associations,
}
