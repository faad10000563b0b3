"""Drives the project-local Pulumi CLI through the Automation API, offline.

Every stack lives in a temporary folder: its own file backend, its own PULUMI_HOME and a
copy of the program, so tests never touch the repo or each other.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Mapping
from pathlib import Path

from pulumi import automation as auto

REPO = Path(__file__).resolve().parents[2]
# What set-up and the tools leave in a checkout: a copy of the repo's root program needs none of
# it, and copying it costs a gigabyte a stack (the virtualenv, the CLI, the Go-built hosts).
NOT_PART_OF_A_PROGRAM = shutil.ignore_patterns(
    "Pulumi.*.yaml",
    "__pycache__",
    ".git",
    ".venv",
    ".tools",
    ".pulumi",
    ".hypothesis",
    ".mypy_cache",
    ".pytest_cache",
    ".ruff_cache",
    "node_modules",
)
PULUMI_ROOT = REPO / ".tools" / "pulumi"
PULUMI_BIN = PULUMI_ROOT / "bin"
EXPECTED_CLI_VERSION = (REPO / "tools" / "pulumi-cli" / "VERSION").read_text().strip()


def pulumi_command() -> auto.PulumiCommand:
    """The project-local CLI; its absence is a failure, never a skip."""
    binary = PULUMI_BIN / "pulumi"
    if not binary.exists():
        raise RuntimeError(f"{binary} is missing: run scripts/setup.sh")
    return auto.PulumiCommand(root=str(PULUMI_ROOT))


def offline_env(home: Path, extra: Mapping[str, str] | None = None) -> dict[str, str]:
    backend = home / "backend"
    backend.mkdir(parents=True, exist_ok=True)
    env = {
        "PATH": f"{PULUMI_BIN}{os.pathsep}{os.environ.get('PATH', '')}",
        "PULUMI_BACKEND_URL": f"file://{backend}",
        "PULUMI_CONFIG_PASSPHRASE": "",
        "PULUMI_SKIP_UPDATE_CHECK": "true",
        "PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION": "true",
        "PULUMI_HOME": str(home / "home"),
        # The bench and smoke programs use bench.noop, a fixture kept out of the wheel.
        "PYTHONPATH": str(REPO),
    }
    env.update(extra or {})
    return env


def new_stack(
    program: Path,
    tmp_path: Path,
    *,
    stack: str = "test",
    config: Mapping[str, str] | None = None,
    env: Mapping[str, str] | None = None,
) -> auto.Stack:
    """A fresh stack of a copy of ``program`` in ``tmp_path``."""
    work_dir = tmp_path / "program"
    shutil.copytree(program, work_dir, ignore=NOT_PART_OF_A_PROGRAM)
    environment = offline_env(tmp_path, env)
    workspace = auto.LocalWorkspace(
        work_dir=str(work_dir),
        pulumi_home=environment["PULUMI_HOME"],
        env_vars=environment,
        pulumi_command=pulumi_command(),
    )
    created = auto.Stack.create(stack, workspace)
    for key, value in (config or {}).items():
        created.set_config(key, auto.ConfigValue(value=value))
    return created


def write_stack_config(stack: auto.Stack, config: Mapping[str, object]) -> None:
    """Writes structured config (lists, maps) the way a user would: in Pulumi.<stack>.yaml."""
    import yaml

    work_dir = Path(stack.workspace.work_dir)
    path = work_dir / f"Pulumi.{stack.name}.yaml"
    path.write_text(yaml.safe_dump({"config": dict(config)}, sort_keys=True))


def local_aws_env() -> dict[str, str]:
    """Credentials for the local service: any value signs, none is real."""
    return {
        "AWS_ACCESS_KEY_ID": "local-test-key",
        "AWS_SECRET_ACCESS_KEY": "local-test-secret",
        "AWS_EC2_METADATA_DISABLED": "true",
    }
