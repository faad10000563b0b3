"""examples/existing-instance through the real CLI against the local service over HTTP."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pulumi import automation as auto

from connect_numbers.emulator import AdminClient
from tests.support.engine import REPO, local_aws_env, new_stack, write_stack_config
from tests.support.local_service import LocalService

pytestmark = pytest.mark.e2e

EXAMPLE = REPO / "examples" / "existing-instance"
DYNAMIC_TYPE = "pulumi-python:dynamic/connect_numbers:ImportedPhoneNumber"


def _deployed_numbers(stack: auto.Stack) -> list[dict[str, Any]]:
    resources = stack.export_stack().deployment.get("resources") or []
    return [r for r in resources if r["type"] == DYNAMIC_TYPE]


def test_up_imports_every_listed_number_and_destroy_releases_exactly_those(
    tmp_path: Path, service: LocalService, admin: AdminClient
) -> None:
    instance = admin.create_instance("existing")
    sources = [admin.create_source_number() for _ in range(3)]
    bystander = admin.create_source_number()
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

    exported = stack.up().outputs["numbers"].value

    assert set(exported) == {s["PhoneNumberArn"] for s in sources}
    for source in sources:
        assert exported[source["PhoneNumberArn"]]["phone_number"] == source["PhoneNumber"]
    imported_ids = {entry["phone_number_id"] for entry in exported.values()}
    in_service = {n["PhoneNumberId"]: n for n in admin.numbers()}
    assert set(in_service) == imported_ids
    for number in in_service.values():
        assert number["InstanceId"] == instance["InstanceId"]
        assert number["Description"] == "imported by the example"
    state = _deployed_numbers(stack)
    assert {r["outputs"]["phone_number_id"] for r in state} == imported_ids
    for resource in state:
        assert resource["outputs"]["tags"] == {"example": "existing-instance"}
        assert resource["outputs"]["status"] == "CLAIMED"

    stack.preview(expect_no_changes=True)
    stack.refresh(expect_no_changes=True)

    admin.clear_request_log()
    stack.destroy()
    released = {
        entry["params"].get("PhoneNumberId")
        for entry in admin.request_log()
        if entry["operation"] == "ReleasePhoneNumber"
    }
    assert released == imported_ids
    assert admin.numbers() == []
    assert _deployed_numbers(stack) == []
    assert bystander["PhoneNumberArn"] not in {s["PhoneNumberArn"] for s in sources}
