"""examples/existing-instance through the real CLI against the local service over HTTP."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import boto3
import pytest
from pulumi import automation as auto

from connect_local_service import AdminClient
from tests.support.engine import REPO, local_aws_env, new_stack, write_stack_config
from tests.support.local_service import LocalService
from tests.support.mutating_operations import MUTATING

pytestmark = pytest.mark.e2e

EXAMPLE = REPO / "examples" / "existing-instance"
DYNAMIC_TYPE = "pulumi-python:dynamic/connect_numbers:ImportedPhoneNumber"


@dataclass
class Deployed:
    stack: auto.Stack
    instance_id: str
    sources: list[dict[str, Any]]
    outputs: dict[str, Any]


def _deploy(tmp_path: Path, service: LocalService, admin: AdminClient, count: int) -> Deployed:
    instance = admin.create_instance("existing")
    sources = [admin.create_source_number() for _ in range(count)]
    stack = new_stack(EXAMPLE, tmp_path, env=local_aws_env())
    write_stack_config(
        stack,
        {
            "aws:region": "us-east-1",
            "connect-numbers:endpoint": service.endpoint_url,
            "existing-instance:instanceId": instance["InstanceId"],
            "existing-instance:sourcePhoneNumberArns": [s["PhoneNumberArn"] for s in sources],
            "existing-instance:description": "imported by the example",
        },
    )
    outputs = stack.up().outputs["numbers"].value
    return Deployed(stack, instance["InstanceId"], sources, outputs)


def _numbers_in_state(stack: auto.Stack) -> list[dict[str, Any]]:
    resources = stack.export_stack().deployment.get("resources") or []
    return [r for r in resources if r["type"] == DYNAMIC_TYPE]


def test_up_imports_each_listed_number_into_the_instance(
    tmp_path: Path, service: LocalService, admin: AdminClient
) -> None:
    deployed = _deploy(tmp_path, service, admin, count=3)

    assert {arn: entry["phone_number"] for arn, entry in deployed.outputs.items()} == {
        source["PhoneNumberArn"]: source["PhoneNumber"] for source in deployed.sources
    }
    exported_ids = {entry["phone_number_id"] for entry in deployed.outputs.values()}
    in_service = admin.numbers()
    assert {n["PhoneNumberId"] for n in in_service} == exported_ids
    assert {n["SourcePhoneNumberArn"] for n in in_service} == {
        s["PhoneNumberArn"] for s in deployed.sources
    }
    for number in in_service:
        assert number["Status"] == "CLAIMED"
        assert number["InstanceId"] == deployed.instance_id
        assert number["Description"] == "imported by the example"


def test_state_holds_one_claimed_number_per_source_tagged_by_the_example(
    tmp_path: Path, service: LocalService, admin: AdminClient
) -> None:
    deployed = _deploy(tmp_path, service, admin, count=2)

    state = _numbers_in_state(deployed.stack)

    assert sorted(r["outputs"]["source_phone_number_arn"] for r in state) == sorted(
        s["PhoneNumberArn"] for s in deployed.sources
    )
    for resource in state:
        assert resource["outputs"]["status"] == "CLAIMED"
        assert resource["outputs"]["instance_id"] == deployed.instance_id
        assert resource["outputs"]["tags"] == {"example": "existing-instance"}


def test_a_deployed_stack_shows_no_changes_on_preview_and_refresh(
    tmp_path: Path, service: LocalService, admin: AdminClient
) -> None:
    deployed = _deploy(tmp_path, service, admin, count=2)
    admin.clear_request_log()

    deployed.stack.preview(expect_no_changes=True)
    deployed.stack.refresh(expect_no_changes=True)

    assert not MUTATING & set(admin.operations())


def test_destroy_releases_exactly_the_numbers_the_stack_imported(
    tmp_path: Path, service: LocalService, admin: AdminClient
) -> None:
    deployed = _deploy(tmp_path, service, admin, count=2)
    connect = boto3.client(
        "connect",
        region_name="us-east-1",
        endpoint_url=service.endpoint_url,
        aws_access_key_id="local-test-key",
        aws_secret_access_key="local-test-secret",
    )
    outsider = connect.import_phone_number(
        InstanceId=deployed.instance_id,
        SourcePhoneNumberArn=admin.create_source_number()["PhoneNumberArn"],
    )
    admin.clear_request_log()

    deployed.stack.destroy()

    released = {
        entry["params"].get("PhoneNumberId")
        for entry in admin.request_log()
        if entry["operation"] == "ReleasePhoneNumber"
    }
    assert released == {entry["phone_number_id"] for entry in deployed.outputs.values()}
    assert [n["PhoneNumberId"] for n in admin.numbers()] == [outsider["PhoneNumberId"]]
    assert _numbers_in_state(deployed.stack) == []
