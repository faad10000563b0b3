"""The offline engine runs a YAML program with the language host that setup.sh builds."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from tests.support.engine import PULUMI_BIN, REPO, offline_env

HOST = PULUMI_BIN / "pulumi-language-yaml"
pytestmark = pytest.mark.e2e

EXPECTED_HOST_VERSION = (REPO / "tools" / "pulumi-yaml" / "VERSION").read_text().strip()

# No resources: only the stack, config, variables and built-in functions, so no plugin is needed.
PROGRAM = """\
name: yaml-host-check
runtime: yaml
config:
  greeting:
    type: string
    default: hello
variables:
  message: ${greeting}, yaml
  joined:
    fn::join:
      - "-"
      - ["${greeting}", "${pulumi.stack}"]
outputs:
  message: ${message}
  joined: ${joined}
  project: ${pulumi.project}
"""


def _pulumi(
    work_dir: Path, env: dict[str, str], *args: str, check: bool = True
) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [str(PULUMI_BIN / "pulumi"), *args, "--non-interactive"],
        cwd=work_dir,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    if check:
        assert result.returncode == 0, (
            f"pulumi {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}"
        )
    return result


def _assert_ours_if_named(stderr: str) -> None:
    # A CLI reused from PATH (a symlink in .tools) looks for its bundled hosts beside its real
    # binary, finds ours on PATH instead and says so; any host it names must be ours.
    for line in stderr.splitlines():
        if "pulumi-language-yaml from $PATH at" in line:
            assert line.rstrip().endswith(str(HOST)), line


def test_yaml_program_runs_with_the_project_built_language_host(tmp_path: Path) -> None:
    # A missing host is a failure, never a skip.
    assert HOST.is_file(), f"{HOST} is missing: run scripts/setup.sh"

    work_dir = tmp_path / "program"
    work_dir.mkdir()
    (work_dir / "Pulumi.yaml").write_text(PROGRAM)
    env = offline_env(tmp_path)

    _pulumi(work_dir, env, "stack", "init", "test")
    _pulumi(work_dir, env, "config", "set", "greeting", "hi")

    about = _pulumi(work_dir, env, "about", "--json")
    plugins = json.loads(about.stdout)["plugins"]
    assert {"name": "yaml", "kind": "language", "version": EXPECTED_HOST_VERSION.lstrip("v")} in (
        plugins
    )
    _assert_ours_if_named(about.stderr)

    up = _pulumi(work_dir, env, "up", "--yes", "--skip-preview")
    _assert_ours_if_named(up.stdout + up.stderr)
    outputs = json.loads(_pulumi(work_dir, env, "stack", "output", "--json").stdout)
    assert outputs == {"message": "hi, yaml", "joined": "hi-test", "project": "yaml-host-check"}

    # Offline: nothing was downloaded into PULUMI_HOME.
    plugins_dir = Path(env["PULUMI_HOME"]) / "plugins"
    assert not plugins_dir.exists() or not any(plugins_dir.iterdir())

    _pulumi(work_dir, env, "destroy", "--yes", "--skip-preview")
    state = json.loads(_pulumi(work_dir, env, "stack", "export").stdout)
    assert not state["deployment"].get("resources")
    _pulumi(work_dir, env, "stack", "rm", "--yes")
