"""A stack moves its number from the dynamic resource to the plugin's type the way
docs/migration.md tells a user: `pulumi state delete` (state only), `pulumi import` into the
plugin's type, switch the program, `up`. The number must survive: same id, never released,
never imported a second time."""

from __future__ import annotations

import subprocess
from pathlib import Path

from pulumi import automation as auto

from connect_local_service import AdminClient
from tests.support.engine import PULUMI_BIN, new_stack
from tests.support.local_service import LocalService
from tests.support.plugin import (
    OWNER_TAG,
    connect_client,
    plugin_env,
    plugin_numbers,
    pulumi_import,
)

PROGRAM = Path(__file__).parent / "programs" / "migration"
DYNAMIC_TYPE = "pulumi-python:dynamic/connect_numbers:ImportedPhoneNumber"


def _state_delete(stack: auto.Stack, urn: str) -> subprocess.CompletedProcess[str]:
    command = [str(PULUMI_BIN / "pulumi"), "state", "delete", urn, "--yes"]
    command += ["--stack", stack.name, "--non-interactive"]
    return subprocess.run(
        command,
        cwd=stack.workspace.work_dir,
        env={**stack.workspace.env_vars},
        capture_output=True,
        text=True,
        check=False,
    )


def test_a_number_moves_from_the_dynamic_resource_to_the_plugin_without_a_release(
    tmp_path: Path, service: LocalService, admin: AdminClient
) -> None:
    instance = admin.create_instance("main")["InstanceId"]
    source = admin.create_source_number()["PhoneNumberArn"]
    config = {
        "aws:region": "us-east-1",
        "connect-numbers:endpoint": service.endpoint_url,
        "connect-numbers:region": "us-east-1",
        "migration-program:instance": instance,
        "migration-program:source": source,
    }
    stack = new_stack(PROGRAM, tmp_path, config=config, env=plugin_env())
    number_id = stack.up().outputs["phone_number_id"].value
    resources = stack.export_stack().deployment["resources"]
    (dynamic,) = [r for r in resources if r["type"] == DYNAMIC_TYPE]
    admin.clear_request_log()

    deleted = _state_delete(stack, dynamic["urn"])
    assert deleted.returncode == 0, deleted.stdout + deleted.stderr
    imported = pulumi_import(stack, "support", number_id)
    assert imported.returncode == 0, imported.stdout + imported.stderr
    stack.set_config("migration-program:frontEnd", auto.ConfigValue("plugin"))
    up = stack.up()

    changes = up.summary.resource_changes or {}
    assert not {"create", "delete", "replace"} & set(changes), changes
    (number,) = plugin_numbers(stack)
    assert number["id"] == number_id
    operations = [entry["operation"] for entry in admin.request_log()]
    assert "ReleasePhoneNumber" not in operations
    assert "ImportPhoneNumber" not in operations
    live = connect_client(service).describe_phone_number(PhoneNumberId=number_id)
    assert live["ClaimedPhoneNumberSummary"]["Tags"][OWNER_TAG].startswith(
        "migration-program/test/support"
    )
    stack.preview(expect_no_changes=True)
