"""The root stack through the real CLI against the local service over HTTP."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pulumi import automation as auto

from connect_local_service import AdminClient
from tests.support.engine import REPO, local_aws_env, new_stack, write_stack_config
from tests.support.local_service import LocalService
from tests.support.mutating_operations import MUTATING


def _operations(admin: AdminClient) -> list[str]:
    return [entry["operation"] for entry in admin.request_log()]


def _config(endpoint: str, instance_id: str, numbers: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "aws:region": "us-east-1",
        "connect-numbers:endpoint": endpoint,
        "connect-numbers:instanceId": instance_id,
        "connect-numbers:numbers": numbers,
    }


def _stack(tmp_path: Path, service: LocalService, config: dict[str, Any]) -> auto.Stack:
    stack = new_stack(REPO, tmp_path, env=local_aws_env())
    write_stack_config(stack, config)
    return stack


def test_program_test_sequence_then_an_in_place_description_change(
    tmp_path: Path, service: LocalService, admin: AdminClient
) -> None:
    instance = admin.create_instance("e2e")
    source = admin.create_source_number()
    numbers = [
        {
            "name": "support",
            "sourcePhoneNumberArn": source["PhoneNumberArn"],
            "description": "Support line",
            "tags": {"team": "support"},
        }
    ]
    stack = _stack(
        tmp_path, service, _config(service.endpoint_url, instance["InstanceId"], numbers)
    )

    stack.preview()
    assert not MUTATING & set(_operations(admin)), "preview must not change anything"

    up = stack.up()
    declared = up.outputs["numbers"].value["support"]
    assert declared["status"] == "CLAIMED"
    assert declared["phone_number"] == source["PhoneNumber"]
    in_service = admin.numbers()
    assert [n["PhoneNumberId"] for n in in_service] == [declared["phone_number_id"]]

    stack.preview(expect_no_changes=True)
    stack.refresh(expect_no_changes=True)
    stack.preview(expect_no_changes=True)

    numbers[0]["description"] = "Support line (24/7)"
    write_stack_config(stack, _config(service.endpoint_url, instance["InstanceId"], numbers))
    admin.clear_request_log()
    changed = stack.up()
    after = changed.outputs["numbers"].value["support"]
    assert after["phone_number_id"] == declared["phone_number_id"]
    assert "ReleasePhoneNumber" not in _operations(admin)
    assert "UpdatePhoneNumberMetadata" in _operations(admin)
    assert admin.numbers()[0]["Description"] == "Support line (24/7)"

    admin.clear_request_log()
    stack.destroy()
    released = [e for e in admin.request_log() if e["operation"] == "ReleasePhoneNumber"]
    assert len(released) == 1
    assert admin.numbers() == [], _operations(admin)
