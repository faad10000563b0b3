"""The provider plugin through the real CLI: a Python program declares the resource by type
token, and up, preview, refresh, an in-place edit, `pulumi import` and destroy all work against
the local service (which enforces the README's IAM policy)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import boto3
from pulumi import automation as auto

from connect_local_service import AdminClient
from tests.support.engine import PULUMI_BIN, local_aws_env, new_stack
from tests.support.local_service import LocalService

PROGRAM = Path(__file__).parent / "programs" / "one_number"
TYPE = "connect-numbers:index:ImportedPhoneNumber"
PLUGIN = "pulumi-resource-connect-numbers"
OWNER_TAG = "connect-numbers:owner"


def _plugin_env() -> dict[str, str]:
    """The venv's bin first, where `pip install connect-numbers` puts the plugin."""
    bin_dir = str(Path(sys.executable).parent)
    if shutil.which(PLUGIN, path=bin_dir) is None:
        raise RuntimeError(f"{PLUGIN} is not in {bin_dir}: run scripts/setup.sh")
    return {
        **local_aws_env(),
        "PATH": f"{PULUMI_BIN}{os.pathsep}{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}",
    }


def _stack(
    tmp_path: Path,
    service: LocalService,
    admin: AdminClient,
    extra: dict[str, str] | None = None,
) -> auto.Stack:
    instance = admin.create_instance("main")["InstanceId"]
    source = admin.create_source_number()["PhoneNumberArn"]
    config = {
        "connect-numbers:endpoint": service.endpoint_url,
        "connect-numbers:region": "us-east-1",
        "plugin-program:instance": instance,
        "plugin-program:source": source,
        **(extra or {}),
    }
    return new_stack(PROGRAM, tmp_path, config=config, env=_plugin_env())


def _numbers(stack: auto.Stack) -> list[dict[str, object]]:
    resources = stack.export_stack().deployment.get("resources", [])
    return [r for r in resources if r["type"] == TYPE]


def test_a_python_program_manages_a_number_through_the_plugin(
    tmp_path: Path, service: LocalService, admin: AdminClient
) -> None:
    stack = _stack(tmp_path, service, admin)

    up = stack.up()
    number_id = up.outputs["phone_number_id"].value
    assert up.outputs["status"].value == "CLAIMED"

    stack.preview(expect_no_changes=True)
    stack.refresh(expect_no_changes=True)

    stack.set_config("plugin-program:description", auto.ConfigValue("Support line"))
    preview = stack.preview(diff=True)
    assert preview.change_summary.get("update") == 1
    assert "description" in preview.stdout
    edited = stack.up()
    assert edited.outputs["phone_number_id"].value == number_id
    (state,) = _numbers(stack)
    assert state["outputs"]["description"] == "Support line"  # type: ignore[index]

    stack.destroy()
    assert not _numbers(stack)


def test_a_source_change_previews_as_a_replacement_with_the_release_warning(
    tmp_path: Path, service: LocalService, admin: AdminClient
) -> None:
    stack = _stack(tmp_path, service, admin)
    stack.up()
    other = admin.create_source_number()["PhoneNumberArn"]
    stack.set_config("plugin-program:source", auto.ConfigValue(other))

    preview = stack.preview(diff=True)

    assert preview.change_summary.get("replace") == 1
    assert "source_phone_number_arn" in preview.stdout
    assert "this plan RELEASES phone number" in preview.stdout + preview.stderr
    stack.destroy()


def test_an_explicit_provider_instance_uses_its_own_endpoint_and_region(
    tmp_path: Path, service: LocalService, admin: AdminClient
) -> None:
    # The default provider points nowhere; only the explicit one reaches the service.
    stack = _stack(
        tmp_path,
        service,
        admin,
        {
            "connect-numbers:endpoint": "http://127.0.0.1:9",
            "connect-numbers:region": "eu-west-1",
            "plugin-program:explicitEndpoint": service.endpoint_url,
        },
    )

    up = stack.up()

    assert up.outputs["status"].value == "CLAIMED"
    (number,) = _numbers(stack)
    assert "::pulumi:providers:connect-numbers::second::" in str(number["provider"])
    stack.destroy()
    assert not _numbers(stack)


def test_pulumi_import_brings_a_number_not_in_state_into_the_stack(
    tmp_path: Path, service: LocalService, admin: AdminClient
) -> None:
    stack = _stack(tmp_path, service, admin)
    instance = admin.create_instance("other")["InstanceId"]
    source = admin.create_source_number()["PhoneNumberArn"]
    connect = _connect(service)
    imported = connect.import_phone_number(InstanceId=instance, SourcePhoneNumberArn=source)
    number_id = imported["PhoneNumberId"]

    result = _pulumi_import(stack, "kept", number_id)
    assert result.returncode == 0, result.stdout + result.stderr
    (kept,) = [n for n in _numbers(stack) if str(n["urn"]).endswith("::kept")]
    assert kept["id"] == number_id
    assert kept["outputs"]["source_phone_number_arn"] == source  # type: ignore[index]
    live = connect.describe_phone_number(PhoneNumberId=number_id)["ClaimedPhoneNumberSummary"]
    assert OWNER_TAG not in live.get("Tags", {})  # import alone writes nothing

    # The program now declares it: the next up adds the owner tag, in place.
    stack.set_config("plugin-program:keptSource", auto.ConfigValue(source))
    stack.set_config("plugin-program:keptInstance", auto.ConfigValue(instance))
    up = stack.up()
    assert up.summary.resource_changes is not None
    assert up.summary.resource_changes.get("update") == 1
    assert "replace" not in up.summary.resource_changes
    live = connect.describe_phone_number(PhoneNumberId=number_id)["ClaimedPhoneNumberSummary"]
    assert live["Tags"][OWNER_TAG].startswith("plugin-program/test/kept")
    stack.preview(expect_no_changes=True)


def test_pulumi_import_refuses_a_number_another_stack_owns_naming_the_owner(
    tmp_path: Path, service: LocalService, admin: AdminClient
) -> None:
    stack = _stack(tmp_path, service, admin)
    instance = admin.create_instance("other")["InstanceId"]
    source = admin.create_source_number()["PhoneNumberArn"]
    connect = _connect(service)
    imported = connect.import_phone_number(
        InstanceId=instance, SourcePhoneNumberArn=source, Tags={OWNER_TAG: "shop/prod/sales"}
    )

    result = _pulumi_import(stack, "taken", imported["PhoneNumberId"])

    assert result.returncode != 0
    assert "it is managed by shop/prod/sales" in result.stdout + result.stderr
    assert not _numbers(stack)


def _pulumi_import(
    stack: auto.Stack, name: str, number_id: str
) -> subprocess.CompletedProcess[str]:
    # No code generation: it ends in "Method not implemented!" (a call the SDK's plugin server
    # does not serve), after the import itself is saved.
    command = [str(PULUMI_BIN / "pulumi"), "import", TYPE, name, number_id, "--yes"]
    command += ["--stack", stack.name, "--non-interactive", "--generate-code=false"]
    return subprocess.run(
        command,
        cwd=stack.workspace.work_dir,
        env={**os.environ, **stack.workspace.env_vars},
        capture_output=True,
        text=True,
        check=False,
    )


def _connect(service: LocalService) -> Any:
    return boto3.client(
        "connect", region_name="us-east-1", endpoint_url=service.endpoint_url, **_keys()
    )


def _keys() -> dict[str, str]:
    env = local_aws_env()
    return {
        "aws_access_key_id": env["AWS_ACCESS_KEY_ID"],
        "aws_secret_access_key": env["AWS_SECRET_ACCESS_KEY"],
    }
