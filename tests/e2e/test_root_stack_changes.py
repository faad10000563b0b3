"""The root stack through the real CLI: drift, moves, adoption, bad input, destroy (replacement:
test_replacement.py).

Each test asserts on the stack (outputs, state) and on the local service's own state and
request log, which is the witness of every call the provider made.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from pulumi import automation as auto

from connect_local_service import AdminClient
from tests.support.aws import connect_client
from tests.support.engine import REPO, local_aws_env, new_stack, write_stack_config
from tests.support.local_service import LocalService
from tests.support.mutating_operations import MUTATING


class Root:
    """The root stack with a one-number config that tests edit."""

    def __init__(self, tmp_path: Path, service: LocalService, admin: AdminClient) -> None:
        self.admin = admin
        self.endpoint = service.endpoint_url
        self.instance = admin.create_instance("main")
        self.source = admin.create_source_number()
        self.instance_id = self.instance["InstanceId"]
        self.numbers: list[dict[str, Any]] = [
            {
                "name": "support",
                "sourcePhoneNumberArn": self.source["PhoneNumberArn"],
                "description": "Support line",
                "tags": {"team": "support"},
            }
        ]
        self.stack = new_stack(REPO, tmp_path, env=local_aws_env())
        self.write()

    def write(self) -> None:
        write_stack_config(
            self.stack,
            {
                "aws:region": "us-east-1",
                "connect-numbers:endpoint": self.endpoint,
                "connect-numbers:instanceId": self.instance_id,
                "connect-numbers:numbers": self.numbers,
            },
        )

    def up(self) -> dict[str, Any]:
        result = self.stack.up()
        value: dict[str, Any] = result.outputs["numbers"].value["support"]
        return value

    def operations(self) -> list[str]:
        return self.admin.operations()


@pytest.fixture
def root(tmp_path: Path, service: LocalService, admin: AdminClient) -> Root:
    return Root(tmp_path, service, admin)


def test_drift_in_description_tags_and_instance_is_reported_then_repaired(root: Root) -> None:
    first = root.up()
    other = root.admin.create_instance("elsewhere")
    console = connect_client(root.endpoint)
    number_id = first["phone_number_id"]
    console.update_phone_number_metadata(PhoneNumberId=number_id, PhoneNumberDescription="edited")
    console.tag_resource(resourceArn=first["phone_number_arn"], tags={"team": "ops"})
    # Connect refuses a move while the metadata update is IN_PROGRESS, as a console user would see.
    _wait_until_claimed(console, number_id)
    console.update_phone_number(PhoneNumberId=number_id, TargetArn=other["Arn"])

    refreshed = root.stack.refresh()
    assert refreshed.summary.resource_changes == {"update": 1, "same": 1}
    drifted = _resource_outputs(root.stack)
    assert drifted["description"] == "edited"
    assert drifted["tags"] == {"team": "ops"}
    assert drifted["instance_id"] == other["InstanceId"]

    root.admin.clear_request_log()
    repaired = root.up()
    assert repaired["phone_number_id"] == number_id
    live = root.admin.numbers()[0]
    assert live["Description"] == "Support line"
    assert live["InstanceId"] == root.instance_id
    assert {k: v for k, v in live["Tags"].items() if k != "connect-numbers:owner"} == {
        "team": "support"
    }
    assert "ReleasePhoneNumber" not in root.operations()
    root.stack.preview(expect_no_changes=True)


def test_a_number_released_out_of_band_is_dropped_by_refresh_and_imported_again(
    root: Root,
) -> None:
    first = root.up()
    connect_client(root.endpoint).release_phone_number(PhoneNumberId=first["phone_number_id"])

    refreshed = root.stack.refresh()
    assert refreshed.summary.resource_changes == {"delete": 1, "same": 1}

    again = root.up()
    assert again["phone_number"] == root.source["PhoneNumber"]
    assert [n["PhoneNumberId"] for n in root.admin.numbers()] == [again["phone_number_id"]]


def test_moving_to_another_instance_keeps_the_number_and_releases_nothing(root: Root) -> None:
    first = root.up()
    other = root.admin.create_instance("new-home")
    root.instance_id = other["InstanceId"]
    root.write()
    root.admin.clear_request_log()

    moved = root.up()
    assert moved["phone_number_id"] == first["phone_number_id"]
    assert "UpdatePhoneNumber" in root.operations()
    assert "ReleasePhoneNumber" not in root.operations()
    assert "ImportPhoneNumber" not in root.operations()
    assert root.admin.numbers()[0]["InstanceId"] == other["InstanceId"]


def test_an_already_imported_number_is_refused_without_adopt_and_adopted_with_it(
    root: Root,
) -> None:
    console = connect_client(root.endpoint)
    existing = console.import_phone_number(
        InstanceId=root.instance_id, SourcePhoneNumberArn=root.source["PhoneNumberArn"]
    )

    with pytest.raises(auto.CommandError, match="adopt"):
        root.up()

    root.numbers[0]["adopt"] = True
    root.write()
    adopted = root.up()
    assert adopted["phone_number_id"] == existing["PhoneNumberId"]
    assert len(root.admin.numbers()) == 1
    assert "ReleasePhoneNumber" not in root.operations()


def test_bad_input_fails_preview_naming_the_field_before_any_change(root: Root) -> None:
    root.numbers[0]["description"] = "x" * 501
    root.write()

    with pytest.raises(auto.CommandError) as failure:
        root.stack.preview()
    assert "description" in str(failure.value)
    assert not MUTATING & set(root.operations())


def test_destroy_releases_the_stacks_numbers_and_nothing_else(root: Root) -> None:
    root.up()
    console = connect_client(root.endpoint)
    bystander_source = root.admin.create_source_number()
    bystander = console.import_phone_number(
        InstanceId=root.instance_id, SourcePhoneNumberArn=bystander_source["PhoneNumberArn"]
    )
    root.admin.clear_request_log()

    root.stack.destroy()
    released = [e for e in root.admin.request_log() if e["operation"] == "ReleasePhoneNumber"]
    assert len(released) == 1
    assert [n["PhoneNumberId"] for n in root.admin.numbers()] == [bystander["PhoneNumberId"]]


def _wait_until_claimed(console: Any, number_id: str) -> None:
    deadline = time.monotonic() + 30
    while True:
        summary = console.describe_phone_number(PhoneNumberId=number_id)[
            "ClaimedPhoneNumberSummary"
        ]
        if summary["PhoneNumberStatus"]["Status"] == "CLAIMED":
            return
        assert time.monotonic() < deadline, f"{number_id} stayed {summary['PhoneNumberStatus']}"
        time.sleep(0.2)


def _resource_outputs(stack: auto.Stack) -> dict[str, Any]:
    resources = stack.export_stack().deployment["resources"]
    (number,) = [r for r in resources if r["type"].endswith(":ImportedPhoneNumber")]
    outputs: dict[str, Any] = number["outputs"]
    return outputs
