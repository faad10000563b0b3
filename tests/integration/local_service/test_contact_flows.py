"""Contact flows and the flow a voice phone number is associated with, over boto3 and HTTP."""

from __future__ import annotations

import json
from typing import Any

import pytest
from botocore.exceptions import ClientError

CLAIM_DELAY = 2.0  # integration_settings().claim_delay
FLOW_CONTENT = json.dumps(
    {
        "Version": "2019-10-30",
        "StartAction": "end",
        "Actions": [
            {
                "Identifier": "end",
                "Type": "DisconnectParticipant",
                "Parameters": {},
                "Transitions": {},
            }
        ],
    }
)


def _claimed_number(local_service: Any, client: Any, instance: Any, source_number: Any) -> str:
    number_id = str(
        client.import_phone_number(
            InstanceId=instance["InstanceId"],
            SourcePhoneNumberArn=source_number()["PhoneNumberArn"],
        )["PhoneNumberId"]
    )
    local_service.admin.advance_clock(CLAIM_DELAY)
    return number_id


def _number_arn(client: Any, number_id: str) -> str:
    summary = client.describe_phone_number(PhoneNumberId=number_id)["ClaimedPhoneNumberSummary"]
    return str(summary["PhoneNumberArn"])


def _associations(client: Any, instance: Any, **kw: Any) -> list[dict[str, Any]]:
    listed = client.list_flow_associations(
        InstanceId=instance["InstanceId"], ResourceType="VOICE_PHONE_NUMBER", **kw
    )
    found: list[dict[str, Any]] = listed["FlowAssociationSummaryList"]
    return found


def _error(raised: pytest.ExceptionInfo[ClientError]) -> tuple[str, str]:
    error = raised.value.response["Error"]
    return error["Code"], error["Message"]


# Flows


def test_a_created_flow_describes_with_its_arn_under_its_instance(
    connect_client: Any, instance: Any
) -> None:
    created = connect_client.create_contact_flow(
        InstanceId=instance["InstanceId"],
        Name="Inbound",
        Type="CONTACT_FLOW",
        Content=FLOW_CONTENT,
        Description="main line",
        Tags={"team": "support"},
    )
    flow_id = created["ContactFlowId"]
    assert created["ContactFlowArn"] == f"{instance['Arn']}/contact-flow/{flow_id}"
    flow = connect_client.describe_contact_flow(
        InstanceId=instance["InstanceId"], ContactFlowId=flow_id
    )["ContactFlow"]
    assert {k: flow[k] for k in ("Id", "Arn", "Name", "Type", "State", "Status")} == {
        "Id": flow_id,
        "Arn": created["ContactFlowArn"],
        "Name": "Inbound",
        "Type": "CONTACT_FLOW",
        "State": "ACTIVE",
        "Status": "PUBLISHED",
    }
    assert (flow["Description"], flow["Content"], flow["Tags"]) == (
        "main line",
        FLOW_CONTENT,
        {"team": "support"},
    )


def test_a_flow_is_described_by_its_arn_too(connect_client: Any, instance: Any) -> None:
    created = connect_client.create_contact_flow(
        InstanceId=instance["Arn"], Name="f", Type="CONTACT_FLOW", Content=FLOW_CONTENT
    )
    flow = connect_client.describe_contact_flow(
        InstanceId=instance["InstanceId"], ContactFlowId=created["ContactFlowArn"]
    )["ContactFlow"]
    assert flow["Id"] == created["ContactFlowId"]


def test_list_contact_flows_filters_by_type_and_pages(connect_client: Any, instance: Any) -> None:
    for name, flow_type in [("a", "CONTACT_FLOW"), ("b", "CUSTOMER_QUEUE"), ("c", "CONTACT_FLOW")]:
        connect_client.create_contact_flow(
            InstanceId=instance["InstanceId"], Name=name, Type=flow_type, Content=FLOW_CONTENT
        )
    first = connect_client.list_contact_flows(
        InstanceId=instance["InstanceId"], ContactFlowTypes=["CONTACT_FLOW"], MaxResults=1
    )
    second = connect_client.list_contact_flows(
        InstanceId=instance["InstanceId"],
        ContactFlowTypes=["CONTACT_FLOW"],
        MaxResults=1,
        NextToken=first["NextToken"],
    )
    pages = first["ContactFlowSummaryList"] + second["ContactFlowSummaryList"]
    assert [s["Name"] for s in pages] == ["a", "c"]
    assert "NextToken" not in second
    assert {s["ContactFlowType"] for s in pages} == {"CONTACT_FLOW"}
    everything = connect_client.list_contact_flows(InstanceId=instance["InstanceId"])
    assert [s["Name"] for s in everything["ContactFlowSummaryList"]] == ["a", "b", "c"]


def test_flows_are_listed_only_in_their_own_instance(
    local_service: Any, connect_client: Any, instance: Any
) -> None:
    other = local_service.admin.create_instance("other")
    local_service.admin.create_contact_flow(other["InstanceId"], name="theirs")
    listed = connect_client.list_contact_flows(InstanceId=instance["InstanceId"])
    assert listed["ContactFlowSummaryList"] == []


def test_a_second_flow_with_the_same_name_in_an_instance_is_a_duplicate_resource(
    connect_client: Any, instance: Any
) -> None:
    kw = {"InstanceId": instance["InstanceId"], "Type": "CONTACT_FLOW", "Content": FLOW_CONTENT}
    connect_client.create_contact_flow(Name="same", **kw)
    with pytest.raises(ClientError) as raised:
        connect_client.create_contact_flow(Name="same", **kw)
    assert _error(raised)[0] == "DuplicateResourceException"


def test_a_published_flow_whose_content_is_not_json_is_an_invalid_contact_flow(
    connect_client: Any, instance: Any
) -> None:
    with pytest.raises(ClientError) as raised:
        connect_client.create_contact_flow(
            InstanceId=instance["InstanceId"], Name="bad", Type="CONTACT_FLOW", Content="{not"
        )
    assert _error(raised)[0] == "InvalidContactFlowException"
    assert raised.value.response["problems"][0]["message"].startswith("Content is not JSON")


def test_a_saved_flow_is_not_validated_and_describes_only_through_its_saved_alias(
    connect_client: Any, instance: Any
) -> None:
    created = connect_client.create_contact_flow(
        InstanceId=instance["InstanceId"],
        Name="draft",
        Type="CONTACT_FLOW",
        Content="{not yet",
        Status="SAVED",
    )
    flow_id = created["ContactFlowId"]
    with pytest.raises(ClientError) as raised:
        connect_client.describe_contact_flow(
            InstanceId=instance["InstanceId"], ContactFlowId=flow_id
        )
    assert _error(raised)[0] == "ContactFlowNotPublishedException"
    saved = connect_client.describe_contact_flow(
        InstanceId=instance["InstanceId"], ContactFlowId=f"{flow_id}:$SAVED"
    )["ContactFlow"]
    assert (saved["Status"], saved["Content"]) == ("SAVED", "{not yet")


def test_a_flow_of_another_instance_is_not_found_in_this_one(
    local_service: Any, connect_client: Any, instance: Any
) -> None:
    other = local_service.admin.create_instance("other")
    theirs = local_service.admin.create_contact_flow(other["InstanceId"], name="theirs")
    for ref in (theirs["ContactFlowId"], theirs["ContactFlowArn"]):
        with pytest.raises(ClientError) as raised:
            connect_client.describe_contact_flow(
                InstanceId=instance["InstanceId"], ContactFlowId=ref
            )
        assert _error(raised)[0] == "ResourceNotFoundException"


def test_the_admin_helper_makes_a_published_flow_idempotent_per_name(
    local_service: Any, connect_client: Any, instance: Any
) -> None:
    made = local_service.admin.create_contact_flow(instance["InstanceId"], name="Inbound")
    again = local_service.admin.create_contact_flow(instance["Arn"], name="Inbound")
    assert again == made
    assert made["ContactFlowArn"] == f"{instance['Arn']}/contact-flow/{made['ContactFlowId']}"
    flow = connect_client.describe_contact_flow(
        InstanceId=instance["InstanceId"], ContactFlowId=made["ContactFlowId"]
    )["ContactFlow"]
    assert (flow["Status"], json.loads(flow["Content"])["Version"]) == ("PUBLISHED", "2019-10-30")


def test_a_flow_is_tagged_through_its_arn(
    connect_client: Any, local_service: Any, instance: Any
) -> None:
    flow = local_service.admin.create_contact_flow(instance["InstanceId"], name="Inbound")
    connect_client.tag_resource(resourceArn=flow["ContactFlowArn"], tags={"k": "v"})
    tags = connect_client.list_tags_for_resource(resourceArn=flow["ContactFlowArn"])["tags"]
    assert tags == {"k": "v"}


# Associations


def test_an_associated_flow_reads_back_from_list_flow_associations(
    local_service: Any, connect_client: Any, instance: Any, source_number: Any
) -> None:
    number_id = _claimed_number(local_service, connect_client, instance, source_number)
    flow = local_service.admin.create_contact_flow(instance["InstanceId"], name="Inbound")
    connect_client.associate_phone_number_contact_flow(
        PhoneNumberId=number_id,
        InstanceId=instance["InstanceId"],
        ContactFlowId=flow["ContactFlowId"],
    )
    assert _associations(connect_client, instance) == [
        {
            "ResourceId": _number_arn(connect_client, number_id),
            "FlowId": flow["ContactFlowArn"],
            "ResourceType": "VOICE_PHONE_NUMBER",
        }
    ]


def test_describe_phone_number_does_not_show_the_flow(
    local_service: Any, connect_client: Any, instance: Any, source_number: Any
) -> None:
    number_id = _claimed_number(local_service, connect_client, instance, source_number)
    flow = local_service.admin.create_contact_flow(instance["InstanceId"], name="Inbound")
    connect_client.associate_phone_number_contact_flow(
        PhoneNumberId=number_id,
        InstanceId=instance["InstanceId"],
        ContactFlowId=flow["ContactFlowArn"],
    )
    summary = connect_client.describe_phone_number(PhoneNumberId=number_id)
    assert "ContactFlow" not in json.dumps(summary["ClaimedPhoneNumberSummary"])


def test_associating_another_flow_replaces_the_first(
    local_service: Any, connect_client: Any, instance: Any, source_number: Any
) -> None:
    number_id = _claimed_number(local_service, connect_client, instance, source_number)
    first = local_service.admin.create_contact_flow(instance["InstanceId"], name="first")
    second = local_service.admin.create_contact_flow(instance["InstanceId"], name="second")
    for flow in (first, second):
        connect_client.associate_phone_number_contact_flow(
            PhoneNumberId=number_id,
            InstanceId=instance["InstanceId"],
            ContactFlowId=flow["ContactFlowId"],
        )
    assert [a["FlowId"] for a in _associations(connect_client, instance)] == [
        second["ContactFlowArn"]
    ]


def test_disassociating_removes_the_flow_and_is_accepted_again(
    local_service: Any, connect_client: Any, instance: Any, source_number: Any
) -> None:
    number_id = _claimed_number(local_service, connect_client, instance, source_number)
    flow = local_service.admin.create_contact_flow(instance["InstanceId"], name="Inbound")
    connect_client.associate_phone_number_contact_flow(
        PhoneNumberId=number_id,
        InstanceId=instance["InstanceId"],
        ContactFlowId=flow["ContactFlowId"],
    )
    for _ in range(2):
        connect_client.disassociate_phone_number_contact_flow(
            PhoneNumberId=number_id, InstanceId=instance["InstanceId"]
        )
    assert _associations(connect_client, instance) == []


def test_a_flow_of_another_instance_is_refused_as_not_found(
    local_service: Any, connect_client: Any, instance: Any, source_number: Any
) -> None:
    number_id = _claimed_number(local_service, connect_client, instance, source_number)
    other = local_service.admin.create_instance("other")
    theirs = local_service.admin.create_contact_flow(other["InstanceId"], name="theirs")
    for ref in (theirs["ContactFlowId"], theirs["ContactFlowArn"]):
        with pytest.raises(ClientError) as raised:
            connect_client.associate_phone_number_contact_flow(
                PhoneNumberId=number_id, InstanceId=instance["InstanceId"], ContactFlowId=ref
            )
        code, message = _error(raised)
        assert code == "ResourceNotFoundException"
        assert ref in message and instance["InstanceId"] in message
    assert _associations(connect_client, instance) == []


def test_an_unknown_flow_is_refused_naming_it(
    local_service: Any, connect_client: Any, instance: Any, source_number: Any
) -> None:
    number_id = _claimed_number(local_service, connect_client, instance, source_number)
    with pytest.raises(ClientError) as raised:
        connect_client.associate_phone_number_contact_flow(
            PhoneNumberId=number_id, InstanceId=instance["InstanceId"], ContactFlowId="no-such-flow"
        )
    assert _error(raised) == (
        "ResourceNotFoundException",
        f"Contact flow no-such-flow in instance {instance['InstanceId']} not found",
    )


def test_a_number_of_another_instance_is_not_found_from_this_one(
    local_service: Any, connect_client: Any, instance: Any, source_number: Any
) -> None:
    number_id = _claimed_number(local_service, connect_client, instance, source_number)
    other = local_service.admin.create_instance("other")
    flow = local_service.admin.create_contact_flow(other["InstanceId"], name="theirs")
    with pytest.raises(ClientError) as raised:
        connect_client.associate_phone_number_contact_flow(
            PhoneNumberId=number_id,
            InstanceId=other["InstanceId"],
            ContactFlowId=flow["ContactFlowId"],
        )
    assert _error(raised)[0] == "ResourceNotFoundException"
    with pytest.raises(ClientError) as raised:
        connect_client.disassociate_phone_number_contact_flow(
            PhoneNumberId=number_id, InstanceId=other["InstanceId"]
        )
    assert _error(raised)[0] == "ResourceNotFoundException"


def test_a_number_still_in_progress_is_refused_as_an_invalid_parameter(
    local_service: Any, connect_client: Any, instance: Any, source_number: Any
) -> None:
    number_id = connect_client.import_phone_number(
        InstanceId=instance["InstanceId"], SourcePhoneNumberArn=source_number()["PhoneNumberArn"]
    )["PhoneNumberId"]
    flow = local_service.admin.create_contact_flow(instance["InstanceId"], name="Inbound")
    with pytest.raises(ClientError) as raised:
        connect_client.associate_phone_number_contact_flow(
            PhoneNumberId=number_id,
            InstanceId=instance["InstanceId"],
            ContactFlowId=flow["ContactFlowId"],
        )
    code, message = _error(raised)
    assert code == "InvalidParameterException"
    assert "IN_PROGRESS, not CLAIMED" in message


def test_a_failed_number_is_refused_as_an_invalid_parameter(
    local_service: Any, connect_client: Any, instance: Any, source_number: Any
) -> None:
    number_id = connect_client.import_phone_number(
        InstanceId=instance["InstanceId"],
        SourcePhoneNumberArn=source_number(status="PENDING")["PhoneNumberArn"],
    )["PhoneNumberId"]
    local_service.admin.advance_clock(CLAIM_DELAY)
    flow = local_service.admin.create_contact_flow(instance["InstanceId"], name="Inbound")
    with pytest.raises(ClientError) as raised:
        connect_client.associate_phone_number_contact_flow(
            PhoneNumberId=number_id,
            InstanceId=instance["InstanceId"],
            ContactFlowId=flow["ContactFlowId"],
        )
    assert _error(raised)[0] == "InvalidParameterException"


def test_a_move_to_another_instance_drops_the_association(
    local_service: Any, connect_client: Any, instance: Any, source_number: Any
) -> None:
    number_id = _claimed_number(local_service, connect_client, instance, source_number)
    flow = local_service.admin.create_contact_flow(instance["InstanceId"], name="Inbound")
    connect_client.associate_phone_number_contact_flow(
        PhoneNumberId=number_id,
        InstanceId=instance["InstanceId"],
        ContactFlowId=flow["ContactFlowId"],
    )
    other = local_service.admin.create_instance("other")
    connect_client.update_phone_number(PhoneNumberId=number_id, InstanceId=other["InstanceId"])
    local_service.admin.advance_clock(CLAIM_DELAY)
    assert _associations(connect_client, instance) == []
    assert _associations(connect_client, other) == []


def test_a_move_to_a_traffic_distribution_group_drops_the_association(
    local_service: Any, connect_client: Any, instance: Any, source_number: Any
) -> None:
    number_id = _claimed_number(local_service, connect_client, instance, source_number)
    flow = local_service.admin.create_contact_flow(instance["InstanceId"], name="Inbound")
    connect_client.associate_phone_number_contact_flow(
        PhoneNumberId=number_id,
        InstanceId=instance["InstanceId"],
        ContactFlowId=flow["ContactFlowId"],
    )
    group = local_service.admin.create_traffic_distribution_group("tdg", instance["InstanceId"])
    connect_client.update_phone_number(PhoneNumberId=number_id, TargetArn=group["Arn"])
    local_service.admin.advance_clock(CLAIM_DELAY)
    assert _associations(connect_client, instance) == []


def test_a_number_in_a_traffic_distribution_group_takes_a_flow_of_the_groups_instance(
    local_service: Any, connect_client: Any, instance: Any, source_number: Any
) -> None:
    number_id = _claimed_number(local_service, connect_client, instance, source_number)
    group = local_service.admin.create_traffic_distribution_group("tdg", instance["InstanceId"])
    connect_client.update_phone_number(PhoneNumberId=number_id, TargetArn=group["Arn"])
    local_service.admin.advance_clock(CLAIM_DELAY)
    flow = local_service.admin.create_contact_flow(instance["InstanceId"], name="Inbound")
    connect_client.associate_phone_number_contact_flow(
        PhoneNumberId=_number_arn(connect_client, number_id),
        InstanceId=instance["InstanceId"],
        ContactFlowId=flow["ContactFlowId"],
    )
    assert [a["FlowId"] for a in _associations(connect_client, instance)] == [
        flow["ContactFlowArn"]
    ]


def test_releasing_a_number_with_a_flow_is_accepted_and_drops_the_association(
    local_service: Any, connect_client: Any, instance: Any, source_number: Any
) -> None:
    number_id = _claimed_number(local_service, connect_client, instance, source_number)
    flow = local_service.admin.create_contact_flow(instance["InstanceId"], name="Inbound")
    connect_client.associate_phone_number_contact_flow(
        PhoneNumberId=number_id,
        InstanceId=instance["InstanceId"],
        ContactFlowId=flow["ContactFlowId"],
    )
    connect_client.release_phone_number(PhoneNumberId=number_id)
    assert _associations(connect_client, instance) == []


def test_list_flow_associations_pages_with_max_results_and_next_token(
    local_service: Any, connect_client: Any, instance: Any, source_number: Any
) -> None:
    flow = local_service.admin.create_contact_flow(instance["InstanceId"], name="Inbound")
    arns = []
    for _ in range(3):
        number_id = _claimed_number(local_service, connect_client, instance, source_number)
        connect_client.associate_phone_number_contact_flow(
            PhoneNumberId=number_id,
            InstanceId=instance["InstanceId"],
            ContactFlowId=flow["ContactFlowId"],
        )
        arns.append(_number_arn(connect_client, number_id))
    first = connect_client.list_flow_associations(
        InstanceId=instance["InstanceId"], ResourceType="VOICE_PHONE_NUMBER", MaxResults=2
    )
    second = connect_client.list_flow_associations(
        InstanceId=instance["InstanceId"],
        ResourceType="VOICE_PHONE_NUMBER",
        MaxResults=2,
        NextToken=first["NextToken"],
    )
    pages = first["FlowAssociationSummaryList"] + second["FlowAssociationSummaryList"]
    assert [a["ResourceId"] for a in pages] == arns
    assert "NextToken" not in second
    with pytest.raises(ClientError) as raised:
        connect_client.list_flow_associations(InstanceId=instance["InstanceId"], NextToken="nope")
    assert _error(raised)[0] == "InvalidParameterException"


def test_list_flow_associations_of_other_resource_types_is_empty(
    local_service: Any, connect_client: Any, instance: Any, source_number: Any
) -> None:
    number_id = _claimed_number(local_service, connect_client, instance, source_number)
    flow = local_service.admin.create_contact_flow(instance["InstanceId"], name="Inbound")
    connect_client.associate_phone_number_contact_flow(
        PhoneNumberId=number_id,
        InstanceId=instance["InstanceId"],
        ContactFlowId=flow["ContactFlowId"],
    )
    listed = connect_client.list_flow_associations(
        InstanceId=instance["InstanceId"], ResourceType="INBOUND_EMAIL"
    )
    assert listed["FlowAssociationSummaryList"] == []
    assert (
        len(
            connect_client.list_flow_associations(InstanceId=instance["InstanceId"])[
                "FlowAssociationSummaryList"
            ]
        )
        == 1
    )


def test_the_allow_list_checks_the_flow_actions(
    local_service: Any, connect_client: Any, instance: Any
) -> None:
    flow = local_service.admin.create_contact_flow(instance["InstanceId"], name="Inbound")
    local_service.admin.set_allowed_actions(["connect:ListContactFlows"])
    connect_client.list_contact_flows(InstanceId=instance["InstanceId"])
    with pytest.raises(ClientError) as raised:
        connect_client.describe_contact_flow(
            InstanceId=instance["InstanceId"], ContactFlowId=flow["ContactFlowId"]
        )
    code, message = _error(raised)
    assert code == "AccessDeniedException"
    assert f"connect:DescribeContactFlow on resource: {flow['ContactFlowArn']} " in message
    with pytest.raises(ClientError) as raised:
        connect_client.list_flow_associations(InstanceId=instance["InstanceId"])
    assert "connect:ListFlowAssociations on resource: " + instance["Arn"] in _error(raised)[1]
