"""Runs the pulumi CLI as a user would and keeps a readable transcript: command, then output."""

from __future__ import annotations

import os
import subprocess

from pulumi import automation as auto

from tests.support.engine import PULUMI_BIN

TRANSCRIPT: list[str] = []

# Lines that say nothing about the provider: progress chatter and blank lines.
_NOISE = (
    "@ ",
    "View in Browser",
    "Duration:",
    "Resources:",
    "Diagnostics:",
    "pulumi:pulumi:Stack (",
)
_NOISE_INSIDE = (" from $PATH at ", " warnings", "The resources in the stack", "remove the stack")


def _kept(output: str) -> list[str]:
    lines = [line.rstrip() for line in output.splitlines()]
    return [
        line
        for line in lines
        if line.strip()
        and not line.lstrip().startswith(_NOISE)
        and not any(noise in line for noise in _NOISE_INSIDE)
    ]


def pulumi(stack: auto.Stack, *args: str, title: str) -> subprocess.CompletedProcess[str]:
    """`pulumi <args>` in the stack's directory, recorded under `title`; never raises."""
    command = [str(PULUMI_BIN / "pulumi"), *args, "--stack", stack.name, "--non-interactive"]
    result = subprocess.run(
        command,
        cwd=stack.workspace.work_dir,
        env={**os.environ, **stack.workspace.env_vars},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    record(title, ["pulumi", *args], result)
    return result


def record(title: str, command: list[str], result: subprocess.CompletedProcess[str]) -> None:
    TRANSCRIPT.append(f"== {title}")
    TRANSCRIPT.append("$ " + " ".join(command))
    TRANSCRIPT.extend(_kept(result.stdout + result.stderr))
    TRANSCRIPT.append(f"(exit {result.returncode})")
    TRANSCRIPT.append("")
