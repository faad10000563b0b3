"""The offline engine runs Pulumi's ProgramTest sequence on a dynamic resource."""

from __future__ import annotations

import base64
import subprocess
from pathlib import Path

from tests.support.engine import EXPECTED_CLI_VERSION, PULUMI_BIN, REPO, new_stack

PROGRAM = Path(__file__).parent / "programs" / "smoke"


def _release(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.strip().lstrip("v").split("-")[0].split("."))


def test_the_project_cli_is_the_pinned_build_or_a_supported_cli_from_path() -> None:
    cli = PULUMI_BIN / "pulumi"
    out = subprocess.run([str(cli), "version"], capture_output=True, text=True, check=True)
    if cli.is_symlink():  # setup.sh reused the user's own CLI
        minimum = (REPO / "tools" / "pulumi-cli" / "MINIMUM_VERSION").read_text()
        assert _release(out.stdout) >= _release(minimum)
    else:
        assert out.stdout.strip() == EXPECTED_CLI_VERSION


def test_program_test_sequence_on_a_dynamic_resource(tmp_path: Path) -> None:
    stack = new_stack(PROGRAM, tmp_path, config={"value": "hello"})

    preview = stack.preview()
    assert preview.change_summary.get("create") == 2  # the stack and the resource

    up = stack.up()
    assert up.outputs["value"].value == "hello"
    assert up.outputs["thing_id"].value.startswith("noop-")

    no_changes = stack.preview(expect_no_changes=True)
    assert set(no_changes.change_summary) == {"same"}

    stack.refresh(expect_no_changes=True)

    state = stack.export_stack().deployment
    resources = [r for r in state["resources"] if r["type"] == "pulumi-python:dynamic:Resource"]
    assert [r["outputs"]["value"] for r in resources] == ["hello"]
    provider_blob = resources[0]["outputs"]["__provider"]
    assert isinstance(provider_blob, str), "the provider must not be stored as a secret"
    # Pickled by reference: the class is named by its module, its code is not embedded.
    assert b"bench.noop" in base64.b64decode(provider_blob)
    assert len(provider_blob) < 200, f"serialized provider is {len(provider_blob)} bytes"

    stack.destroy()
    after = stack.export_stack().deployment
    assert not after.get("resources")
    stack.workspace.remove_stack(stack.name)
