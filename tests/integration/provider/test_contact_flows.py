"""The number's contact flow, through the provider against the local service over HTTP: associated
at create, changed and removed in place, read back by refresh, and again after a move."""

from __future__ import annotations

from typing import Any

import pytest

from connect_numbers.errors import ContactFlowNotFoundError
from tests.integration.provider.on_service import ProviderOnService

pytestmark = pytest.mark.integration


def _flows(connect: Any, instance_id: str) -> dict[str, str]:
    """Phone number ARN -> flow ARN, as ListFlowAssociations answers it."""
    listed = connect.list_flow_associations(
        InstanceId=instance_id, ResourceType="VOICE_PHONE_NUMBER"
    )["FlowAssociationSummaryList"]
    return {item["ResourceId"]: item["FlowId"] for item in listed}


@pytest.fixture
def world(on_service: ProviderOnService) -> dict[str, Any]:
    admin = on_service.service.admin
    instance = admin.create_instance("flows")
    other = admin.create_instance("flows-other")
    return {
        "instance": instance,
        "other": other,
        "inbound": admin.create_contact_flow(instance["InstanceId"], name="Inbound"),
        "afterhours": admin.create_contact_flow(instance["InstanceId"], name="After hours"),
        "other_inbound": admin.create_contact_flow(other["InstanceId"], name="Inbound"),
        "source": admin.create_source_number()["PhoneNumberArn"],
    }


def _declared(world: dict[str, Any], **news: Any) -> dict[str, Any]:
    return {
        "instance_id": world["instance"]["InstanceId"],
        "source_phone_number_arn": world["source"],
        **news,
    }


def _create(on_service: ProviderOnService, world: dict[str, Any], **news: Any) -> Any:
    return on_service.create(**_declared(world, **news))


def test_a_flow_declared_at_create_is_associated_once_the_number_is_claimed(
    on_service: ProviderOnService, world: dict[str, Any], connect_client: Any
) -> None:
    flow = world["inbound"]

    _, outs = _create(on_service, world, contact_flow_id=flow["ContactFlowId"])

    assert _flows(connect_client, world["instance"]["InstanceId"]) == {
        outs["phone_number_arn"]: flow["ContactFlowArn"]
    }
    assert outs["contact_flow_id"] == flow["ContactFlowId"]


def test_a_changed_flow_is_associated_in_place_and_a_removed_one_disassociated(
    on_service: ProviderOnService, world: dict[str, Any], connect_client: Any
) -> None:
    instance_id = world["instance"]["InstanceId"]
    number_id, olds = _create(on_service, world, contact_flow_id=world["inbound"]["ContactFlowId"])

    changed = on_service.checked(
        **_declared(world, contact_flow_id=world["afterhours"]["ContactFlowArn"])
    )
    olds = on_service.provider.update(number_id, olds, changed).outs
    assert _flows(connect_client, instance_id) == {
        olds["phone_number_arn"]: world["afterhours"]["ContactFlowArn"]
    }

    removed = on_service.checked(**_declared(world))
    on_service.provider.update(number_id, olds, removed)
    assert _flows(connect_client, instance_id) == {}


def test_refresh_reads_a_flow_changed_in_the_console_as_drift(
    on_service: ProviderOnService, world: dict[str, Any], connect_client: Any
) -> None:
    instance_id = world["instance"]["InstanceId"]
    number_id, olds = _create(on_service, world, contact_flow_id=world["inbound"]["ContactFlowId"])
    connect_client.associate_phone_number_contact_flow(
        PhoneNumberId=number_id,
        InstanceId=instance_id,
        ContactFlowId=world["afterhours"]["ContactFlowId"],
    )

    read = on_service.provider.read(number_id, olds)

    assert read.inputs is not None
    assert read.inputs["contact_flow_id"] == world["afterhours"]["ContactFlowId"]


def test_a_move_to_another_instance_associates_the_declared_flow_there(
    on_service: ProviderOnService, world: dict[str, Any], connect_client: Any
) -> None:
    number_id, olds = _create(on_service, world, contact_flow_id=world["inbound"]["ContactFlowId"])
    other_id = world["other"]["InstanceId"]

    moved = on_service.checked(
        **_declared(
            world, instance_id=other_id, contact_flow_id=world["other_inbound"]["ContactFlowArn"]
        )
    )
    outs = on_service.provider.update(number_id, olds, moved).outs

    assert _flows(connect_client, other_id) == {
        outs["phone_number_arn"]: world["other_inbound"]["ContactFlowArn"]
    }
    assert _flows(connect_client, world["instance"]["InstanceId"]) == {}


def test_a_flow_of_the_old_instance_fails_check_naming_both_instances(
    on_service: ProviderOnService, world: dict[str, Any], connect_client: Any
) -> None:
    result = on_service.provider.check(
        {},
        {
            "owner": "phones/dev/support-line",
            "instance_id": world["other"]["InstanceId"],
            "source_phone_number_arn": world["source"],
            "contact_flow_id": world["inbound"]["ContactFlowArn"],
        },
    )

    [failure] = result.failures
    assert failure.property == "contact_flow_id"
    assert world["instance"]["InstanceId"] in failure.reason
    assert world["other"]["InstanceId"] in failure.reason


def test_an_unknown_flow_fails_naming_it_and_the_next_create_finishes_the_association(
    on_service: ProviderOnService, world: dict[str, Any], connect_client: Any
) -> None:
    with pytest.raises(ContactFlowNotFoundError, match="contact flow missing-flow was not found"):
        _create(on_service, world, contact_flow_id="missing-flow")
    [number] = on_service.live()
    assert number["Status"] == "CLAIMED"

    # The user fixes the flow; the next `pulumi up` resumes the same number and associates it.
    number_id, outs = _create(on_service, world, contact_flow_id=world["inbound"]["ContactFlowId"])

    assert number_id == number["PhoneNumberId"]
    assert _flows(connect_client, world["instance"]["InstanceId"]) == {
        outs["phone_number_arn"]: world["inbound"]["ContactFlowArn"]
    }
