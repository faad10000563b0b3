"""A number that takes calls: its contact flow through the real CLI and the root program, on
either front end. The local service's ListFlowAssociations is the witness of the association."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path
from typing import Any

import pytest
from pulumi import automation as auto

from connect_local_service import AdminClient
from tests.support.aws import connect_client
from tests.support.engine import PULUMI_BIN, REPO, local_aws_env, new_stack, write_stack_config
from tests.support.local_service import LocalService
from tests.support.plugin import plugin_env

pytestmark = pytest.mark.e2e


class FlowStack:
    """The root stack with one number whose contact flow the tests change."""

    def __init__(
        self, tmp_path: Path, service: LocalService, admin: AdminClient, front_end: str
    ) -> None:
        self.admin = admin
        self.endpoint = service.endpoint_url
        self.front_end = front_end
        self.instance_id = admin.create_instance("main")["InstanceId"]
        self.inbound = admin.create_contact_flow(self.instance_id, name="Inbound")
        self.after_hours = admin.create_contact_flow(self.instance_id, name="After hours")
        self.number: dict[str, Any] = {
            "name": "support",
            "sourcePhoneNumberArn": admin.create_source_number()["PhoneNumberArn"],
            "description": "Support line",
            "contactFlowId": self.inbound["ContactFlowId"],
        }
        env = plugin_env() if front_end == "plugin" else local_aws_env()
        self.stack = new_stack(REPO, tmp_path, env=env)
        self.write()

    def write(self) -> None:
        config: dict[str, Any] = {
            "aws:region": "us-east-1",
            "connect-numbers:endpoint": self.endpoint,
            "connect-numbers:instanceId": self.instance_id,
            "connect-numbers:numbers": [self.number],
        }
        if self.front_end == "plugin":
            config |= {"connect-numbers:frontEnd": "plugin", "connect-numbers:region": "us-east-1"}
        write_stack_config(self.stack, config)

    def up(self) -> dict[str, Any]:
        value: dict[str, Any] = self.stack.up().outputs["numbers"].value["support"]
        return value

    def flows(self, instance_id: str | None = None) -> dict[str, str]:
        listed = connect_client(self.endpoint).list_flow_associations(
            InstanceId=instance_id or self.instance_id, ResourceType="VOICE_PHONE_NUMBER"
        )["FlowAssociationSummaryList"]
        return {item["ResourceId"]: item["FlowId"] for item in listed}

    def preview_diff(self) -> str:
        done = subprocess.run(
            [str(PULUMI_BIN / "pulumi"), "preview", "--diff", "--stack", self.stack.name],
            cwd=self.stack.workspace.work_dir,
            env={**os.environ, **self.stack.workspace.env_vars},
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, done.stdout + done.stderr
        return str(done.stdout)


@pytest.fixture
def front_end() -> str:
    return "dynamic"


@pytest.fixture
def flow_stack(
    tmp_path: Path, service: LocalService, admin: AdminClient, front_end: str
) -> FlowStack:
    return FlowStack(tmp_path, service, admin, front_end)


# The workflows are shared; these two run on both front ends for the plugin's detailed diff.
BOTH = pytest.mark.parametrize("front_end", ["dynamic", "plugin"])


@BOTH
def test_a_flow_declared_in_stack_config_is_associated_at_create(flow_stack: FlowStack) -> None:
    created = flow_stack.up()

    assert flow_stack.flows() == {created["phone_number_arn"]: flow_stack.inbound["ContactFlowArn"]}
    flow_stack.stack.preview(expect_no_changes=True)


@BOTH
def test_a_changed_flow_is_an_in_place_update_of_the_same_number(flow_stack: FlowStack) -> None:
    created = flow_stack.up()
    flow_stack.number["contactFlowId"] = flow_stack.after_hours["ContactFlowArn"]
    flow_stack.write()

    diff = flow_stack.preview_diff()
    changed = flow_stack.up()

    assert "contactFlowId" in diff or "contact_flow_id" in diff
    assert "replace" not in diff.lower().split("resources:")[-1]
    assert changed["phone_number_id"] == created["phone_number_id"]
    assert flow_stack.flows() == {
        created["phone_number_arn"]: flow_stack.after_hours["ContactFlowArn"]
    }
    assert "ReleasePhoneNumber" not in flow_stack.admin.operations()


def test_a_flow_changed_in_the_console_shows_as_drift_and_up_restores_it(
    flow_stack: FlowStack,
) -> None:
    created = flow_stack.up()
    connect_client(flow_stack.endpoint).associate_phone_number_contact_flow(
        PhoneNumberId=created["phone_number_id"],
        InstanceId=flow_stack.instance_id,
        ContactFlowId=flow_stack.after_hours["ContactFlowId"],
    )

    refreshed = flow_stack.stack.refresh()
    assert refreshed.summary.resource_changes == {"update": 1, "same": 1}
    flow_stack.up()

    assert flow_stack.flows() == {created["phone_number_arn"]: flow_stack.inbound["ContactFlowArn"]}
    flow_stack.stack.refresh(expect_no_changes=True)


def test_a_move_to_another_instance_associates_the_declared_flow_after_it(
    flow_stack: FlowStack,
) -> None:
    created = flow_stack.up()
    other = flow_stack.admin.create_instance("new-home")["InstanceId"]
    other_flow = flow_stack.admin.create_contact_flow(other, name="Inbound")
    flow_stack.instance_id = other
    flow_stack.number["contactFlowId"] = other_flow["ContactFlowArn"]
    flow_stack.write()

    moved = flow_stack.up()

    assert moved["phone_number_id"] == created["phone_number_id"]
    assert flow_stack.flows(other) == {created["phone_number_arn"]: other_flow["ContactFlowArn"]}


def test_a_move_that_keeps_a_flow_of_the_old_instance_fails_preview_naming_both(
    flow_stack: FlowStack,
) -> None:
    flow_stack.number["contactFlowId"] = flow_stack.inbound["ContactFlowArn"]
    flow_stack.write()
    flow_stack.up()
    old = flow_stack.instance_id
    flow_stack.instance_id = flow_stack.admin.create_instance("new-home")["InstanceId"]
    flow_stack.write()
    flow_stack.admin.clear_request_log()

    with pytest.raises(auto.CommandError) as failed:
        flow_stack.stack.preview()

    assert old in str(failed.value) and flow_stack.instance_id in str(failed.value)
    assert "UpdatePhoneNumber" not in flow_stack.admin.operations()
