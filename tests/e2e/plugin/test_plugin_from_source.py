"""The route Pulumi documents for Python plugins: `provider/PulumiPlugin.yaml`, which a project
names in its `packages` (what `pulumi package add <path or git URL>` records), so the CLI runs
the plugin from source through the Python language host. No `pulumi-resource-connect-numbers`
is on PATH in these tests: the number can only be imported by the plugin run from source.

pulumi-yaml v1.25.0 has no `Link`, so `pulumi package add` in a YAML project stops after it has
generated the package's lock file ("method Link not implemented"): the YAML test writes the
`packages` entry as a user then would. The Python test gets the schema from source with
`pulumi package get-schema` and generates the SDK with `pulumi package gen-sdk`, the two halves
of `package add` (this repo's Python language host runs plugins but generates no SDKs)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pulumi import automation as auto

from connect_local_service import AdminClient
from tests.support.engine import PULUMI_BIN, REPO, local_aws_env, new_stack
from tests.support.local_service import LocalService
from tests.support.plugin import PLUGIN, connect_client

pytestmark = pytest.mark.e2e

PROGRAMS = Path(__file__).parent / "programs"
SOURCE = REPO / "provider"
SDK_GENERATOR = REPO / ".tools" / "sdkgen" / "bin"


def _path_without_the_plugin() -> str:
    """PATH with the CLI first and no folder that holds an installed plugin."""
    folders = [str(PULUMI_BIN)] + [
        folder
        for folder in os.environ.get("PATH", "").split(os.pathsep)
        if folder and not (Path(folder) / PLUGIN).exists()
    ]
    path = os.pathsep.join(folders)
    assert shutil.which(PLUGIN, path=path) is None
    return path


def _stack(program: str, tmp_path: Path, service: LocalService, admin: AdminClient) -> auto.Stack:
    env = {**local_aws_env(), "PATH": _path_without_the_plugin()}
    settings = {
        "connect-numbers:endpoint": service.endpoint_url,
        "connect-numbers:region": "us-east-1",
        "instance": admin.create_instance("main")["InstanceId"],
        "source": admin.create_source_number()["PhoneNumberArn"],
    }
    stack = new_stack(PROGRAMS / program, tmp_path, config=settings, env=env)
    manifest = Path(stack.workspace.work_dir) / "Pulumi.yaml"
    manifest.write_text(
        manifest.read_text() + f"packages:\n  connect-numbers: {json.dumps(str(SOURCE))}\n"
    )
    return stack


def _cli(stack: auto.Stack, *args: str, path: str | None = None) -> str:
    env = {**os.environ, **stack.workspace.env_vars}
    if path is not None:
        env["PATH"] = path
    done = subprocess.run(
        [str(PULUMI_BIN / "pulumi"), *args],
        cwd=stack.workspace.work_dir,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def _claimed(service: LocalService) -> list[str]:
    listed = connect_client(service).list_phone_numbers_v2()["ListPhoneNumbersSummaryList"]
    return [str(n["PhoneNumberId"]) for n in listed]


def test_a_yaml_program_runs_the_plugin_from_its_source_folder(
    tmp_path: Path, service: LocalService, admin: AdminClient
) -> None:
    stack = _stack("yaml_one_number", tmp_path, service, admin)

    up = stack.up()

    assert up.outputs["status"].value == "CLAIMED"
    assert _claimed(service) == [up.outputs["phoneNumberId"].value]
    stack.destroy()
    assert _claimed(service) == []


def test_a_python_program_on_the_generated_sdk_runs_the_plugin_from_source(
    tmp_path: Path, service: LocalService, admin: AdminClient
) -> None:
    stack = _stack("python_generated_sdk", tmp_path, service, admin)
    work_dir = Path(stack.workspace.work_dir)
    schema = work_dir / "schema.json"
    schema.write_text(_cli(stack, "package", "get-schema", str(SOURCE)))
    generator_first = f"{SDK_GENERATOR}{os.pathsep}{_path_without_the_plugin()}"
    _cli(stack, "package", "gen-sdk", str(schema), "--language", "python", "--out", "sdk",
         path=generator_first)  # fmt: skip
    site = work_dir / "site-packages"
    install = [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--no-build-isolation"]
    subprocess.run([*install, "--target", str(site), str(work_dir / "sdk" / "python")], check=True)
    stack.workspace.env_vars["PYTHONPATH"] = str(site)

    up = stack.up()

    assert up.outputs["status"].value == "CLAIMED"
    (number_id,) = _claimed(service)
    assert up.outputs["phoneNumberId"].value == number_id
    assert stack.preview().change_summary.get("same") == 2
    stack.destroy()
    assert _claimed(service) == []
