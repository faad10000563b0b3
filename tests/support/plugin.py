"""What end-to-end tests of the provider plugin share: the PATH that finds the plugin the way a
user's `pip install connect-numbers` does, `pulumi import` through the CLI, and boto3 clients
of the local service."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import boto3
from pulumi import automation as auto

from tests.support.engine import PULUMI_BIN, local_aws_env
from tests.support.local_service import LocalService

TYPE = "connect-numbers:index:ImportedPhoneNumber"
PLUGIN = "pulumi-resource-connect-numbers"
OWNER_TAG = "connect-numbers:owner"


def plugin_env() -> dict[str, str]:
    """The venv's bin first, where `pip install connect-numbers` puts the plugin."""
    bin_dir = str(Path(sys.executable).parent)
    if shutil.which(PLUGIN, path=bin_dir) is None:
        raise RuntimeError(f"{PLUGIN} is not in {bin_dir}: run scripts/setup.sh")
    return {
        **local_aws_env(),
        "PATH": f"{PULUMI_BIN}{os.pathsep}{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}",
    }


def plugin_numbers(stack: auto.Stack) -> list[dict[str, object]]:
    """The plugin's phone-number resources in the stack's state."""
    resources = stack.export_stack().deployment.get("resources", [])
    return [r for r in resources if r["type"] == TYPE]


def pulumi_import(
    stack: auto.Stack, name: str, number_id: str, *extra: str
) -> subprocess.CompletedProcess[str]:
    """`pulumi import` of one number, without code generation: that ends in "Method not
    implemented!" (a call the SDK's plugin server does not serve), after the import is saved."""
    command = [str(PULUMI_BIN / "pulumi"), "import", TYPE, name, number_id, "--yes"]
    command += ["--stack", stack.name, "--non-interactive", "--generate-code=false", *extra]
    return subprocess.run(
        command,
        cwd=stack.workspace.work_dir,
        env={**os.environ, **stack.workspace.env_vars},
        capture_output=True,
        text=True,
        check=False,
    )


def connect_client(service: LocalService) -> Any:
    """A boto3 Connect client of the local service, with the test credentials."""
    env = local_aws_env()
    return boto3.client(
        "connect",
        region_name="us-east-1",
        endpoint_url=service.endpoint_url,
        aws_access_key_id=env["AWS_ACCESS_KEY_ID"],
        aws_secret_access_key=env["AWS_SECRET_ACCESS_KEY"],
    )
