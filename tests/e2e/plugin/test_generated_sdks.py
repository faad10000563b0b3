"""SDKs generated from the plugin's schema with `pulumi package gen-sdk`, as users of other
languages make them: a TypeScript program type-checks against the Node.js SDK (and a wrong one
does not), and a Go program vets against the Go SDK.

The language hosts that generate the SDKs are tools/sdkgen's (see scripts/setup.sh), and the
npm packages are tools/node-sdk-check's, both installed by setup; none is a mock: they run the
upstream generators and compilers.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.support.engine import PULUMI_BIN, REPO, offline_env
from tests.support.plugin import PLUGIN, plugin_env

pytestmark = pytest.mark.e2e

PROGRAMS = Path(__file__).parent / "programs"
SDKGEN_BIN = REPO / ".tools" / "sdkgen" / "bin"
NODE_MODULES = REPO / ".tools" / "node-sdk-check" / "node_modules"
TSC = NODE_MODULES / "typescript" / "bin" / "tsc"
GO_SUM = REPO / "tools" / "sdkgen" / "go.sum"
PULUMI_GO_SDK = "github.com/pulumi/pulumi/sdk/v3"


def _run(command: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, check=False)


def _generate(language: str, home: Path) -> Path:
    """`pulumi package gen-sdk` of the plugin on PATH, the way a user runs it."""
    needs = [SDKGEN_BIN / f"pulumi-language-{language}"] + ([TSC] if language == "nodejs" else [])
    for needed in needs:
        if not needed.exists():
            raise RuntimeError(f"{needed} is missing: run scripts/setup.sh")
    env = offline_env(home, plugin_env())
    env["PATH"] = f"{SDKGEN_BIN}{os.pathsep}{env['PATH']}"
    plugin = shutil.which(PLUGIN, path=env["PATH"])
    assert plugin is not None
    out = home / "sdk"
    command = [str(PULUMI_BIN / "pulumi"), "package", "gen-sdk", plugin]
    result = _run([*command, "--language", language, "--out", str(out)], home, env)
    assert result.returncode == 0, result.stdout + result.stderr
    return out / language


def _node_env() -> dict[str, str]:
    return {**os.environ, "PATH": f"{Path(shutil.which('node') or 'node').parent}"}


def _link_node_modules(into: Path, extra: dict[str, Path] | None = None) -> None:
    modules = into / "node_modules"
    modules.mkdir()
    for entry in NODE_MODULES.iterdir():
        (modules / entry.name).symlink_to(entry)
    for name, target in (extra or {}).items():
        (modules / name).symlink_to(target)


@pytest.fixture(scope="module")
def node_sdk(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Node.js SDK, generated and built (`tsc` of its own tsconfig) as `npm install` does."""
    sdk = _generate("nodejs", tmp_path_factory.mktemp("nodejs"))
    _link_node_modules(sdk)
    built = _run(["node", str(TSC), "-p", str(sdk)], sdk, _node_env())
    assert built.returncode == 0, built.stdout + built.stderr
    return sdk


def _typescript_program(tmp_path: Path, sdk: Path) -> Path:
    app = tmp_path / "app"
    shutil.copytree(PROGRAMS / "typescript_number", app)
    _link_node_modules(app, {"connect-numbers": sdk})
    return app


def test_a_typescript_program_type_checks_against_the_generated_sdk(
    tmp_path: Path, node_sdk: Path
) -> None:
    app = _typescript_program(tmp_path, node_sdk)

    checked = _run(["node", str(TSC), "-p", str(app)], app, _node_env())

    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_a_typescript_program_with_wrong_inputs_fails_the_type_check_naming_them(
    tmp_path: Path, node_sdk: Path
) -> None:
    app = _typescript_program(tmp_path, node_sdk)
    command = ["node", str(TSC), "--noEmit", "--strict", "--module", "nodenext"]

    checked = _run([*command, "wrong_inputs.ts"], app, _node_env())

    assert checked.returncode != 0
    errors = checked.stdout.splitlines()
    assert any(e.startswith("wrong_inputs.ts(7,") and "'number'" in e for e in errors), errors
    assert any("'sourcePhoneNumberArn' is missing" in e for e in errors), errors


def test_a_go_program_vets_against_the_generated_sdk(tmp_path: Path) -> None:
    sdk = _generate("go", tmp_path)
    pulumi_version = _required_version(PULUMI_GO_SDK)
    (sdk / "go.mod").write_text(
        f"module connectnumbers.local/sdk/go\n\ngo 1.25\n\nrequire (\n"
        f"\t{PULUMI_GO_SDK} {pulumi_version}\n"
        f"\tgithub.com/blang/semver {_required_version('github.com/blang/semver')}\n)\n"
    )
    shutil.copy(GO_SUM, sdk / "go.sum")
    app = tmp_path / "app"
    shutil.copytree(PROGRAMS / "go_number", app)
    (app / "go.mod").write_text(
        "module connectnumbers.local/app\n\ngo 1.25\n\n"
        f"require (\n\t{PULUMI_GO_SDK} {pulumi_version}\n"
        "\tconnectnumbers.local/sdk/go v0.0.0\n)\n\n"
        f"replace connectnumbers.local/sdk/go => {sdk}\n"
    )
    shutil.copy(GO_SUM, app / "go.sum")
    env = {**os.environ, "GOFLAGS": "-mod=mod"}

    vetted = _run(["go", "vet", "./..."], app, env)

    assert vetted.returncode == 0, vetted.stdout + vetted.stderr


def _required_version(module: str) -> str:
    """The version tools/sdkgen (built with the CLI's pins) requires, so the cache has it."""
    for line in (REPO / "tools" / "sdkgen" / "go.mod").read_text().splitlines():
        parts = line.split()
        if parts and parts[0] == module:
            return parts[1]
    raise AssertionError(f"{module} is not required by tools/sdkgen/go.mod")
