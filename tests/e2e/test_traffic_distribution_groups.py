"""A number for a traffic distribution group through the real CLI: the root stack declares
`connect-numbers:targetArn`; the number is imported into the group's instance and moved to the
group, then moved back to an instance in place when the stack declares `instanceId` instead.
The local service enforces the IAM policy file, so this also proves it covers groups."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from connect_local_service import AdminClient
from tests.support.engine import REPO, local_aws_env, new_stack, write_stack_config
from tests.support.local_service import LocalService
from tests.support.mutating_operations import MUTATING


def _write(stack: Any, endpoint: str, place: dict[str, str], source: str) -> None:
    write_stack_config(
        stack,
        {
            "aws:region": "us-east-1",
            "connect-numbers:endpoint": endpoint,
            **{f"connect-numbers:{key}": value for key, value in place.items()},
            "connect-numbers:numbers": [{"name": "support", "sourcePhoneNumberArn": source}],
        },
    )


def test_a_number_goes_to_a_traffic_distribution_group_and_back_to_an_instance_in_place(
    tmp_path: Path, service: LocalService, admin: AdminClient
) -> None:
    instance = admin.create_instance("primary")
    group = admin.create_traffic_distribution_group("resilient", instance["InstanceId"])
    source = admin.create_source_number()["PhoneNumberArn"]
    stack = new_stack(REPO, tmp_path, env=local_aws_env())
    _write(stack, service.endpoint_url, {"targetArn": group["Arn"]}, source)

    first = stack.up().outputs["numbers"].value["support"]

    [number] = admin.numbers()
    assert number["PhoneNumberId"] == first["phone_number_id"]
    assert number["TargetArn"] == group["Arn"]
    stack.preview(expect_no_changes=True)

    _write(stack, service.endpoint_url, {"instanceId": instance["InstanceId"]}, source)
    admin.clear_request_log()
    moved = stack.up().outputs["numbers"].value["support"]

    assert moved["phone_number_id"] == first["phone_number_id"]
    mutations = [e["operation"] for e in admin.request_log() if e["operation"] in MUTATING]
    assert mutations == ["UpdatePhoneNumber"]
    [number] = admin.numbers()
    assert number["TargetArn"] == instance["Arn"]
    stack.preview(expect_no_changes=True)
