"""The root stack driven through the `pulumi` CLI as a subprocess, so a run can be killed.

Why not the Automation API: a fault test needs the exit code and the raw output of one CLI
run, and must be able to SIGKILL the CLI together with its language host and provider
process (they share the CLI's process group).
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from connect_numbers.inputs.wire_names import from_wire
from tests.support.engine import REPO, local_aws_env, new_stack, offline_env, write_stack_config
from tests.support.plugin import TYPE as PLUGIN_TYPE
from tests.support.plugin import plugin_env

PROJECT = "connect-numbers"
STACK = "test"
RESOURCE_TYPE = "pulumi-python:dynamic/connect_numbers:ImportedPhoneNumber"
# The root program declares either front end's resource (`connect-numbers:frontEnd`).
FRONT_ENDS = ("dynamic", "plugin")
RESOURCE_TYPES = (RESOURCE_TYPE, PLUGIN_TYPE)
CLI_TIMEOUT = 240.0


@dataclass(frozen=True)
class CliRun:
    args: tuple[str, ...]
    returncode: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        return self.stdout + self.stderr

    @property
    def ok(self) -> bool:
        return self.returncode == 0

    def error_lines(self) -> list[str]:
        return [line.strip() for line in self.output.splitlines() if "error:" in line]


def number(
    name: str,
    source_arn: str,
    description: str = "",
    tags: Mapping[str, str] | None = None,
    **extra: Any,
) -> dict[str, Any]:
    """One entry of `connect-numbers:numbers`."""
    entry: dict[str, Any] = {"name": name, "sourcePhoneNumberArn": source_arn}
    entry["description"] = description
    entry["tags"] = dict(tags or {})
    entry.update(extra)
    return entry


class RootStack:
    """A fresh stack of the repo's root program, with its own backend, home and config.

    With `front_end="plugin"` the program declares the provider plugin's resource, found on PATH
    as `pip install connect-numbers` puts it there, configured by the same stack config."""

    def __init__(
        self,
        tmp_path: Path,
        endpoint: str,
        env: Mapping[str, str] | None = None,
        front_end: str = "dynamic",
    ) -> None:
        base = plugin_env() if front_end == "plugin" else local_aws_env()
        aws_env = {**base, **(env or {})}
        self.front_end = front_end
        self._stack = new_stack(REPO, tmp_path, stack=STACK, env=aws_env)
        self.work_dir = Path(self._stack.workspace.work_dir)
        self.endpoint = endpoint
        self.env = {**os.environ, **offline_env(tmp_path, aws_env)}
        self.instance_id = ""
        self.numbers: list[dict[str, Any]] = []

    # ---- config -----------------------------------------------------------------------

    def declare(
        self,
        instance_id: Any,
        numbers: Any,
        *,
        region: str = "us-east-1",
        raw: Mapping[str, Any] | None = None,
    ) -> None:
        """Writes Pulumi.test.yaml; `raw` replaces keys verbatim (for malformed config)."""
        if isinstance(instance_id, str):
            self.instance_id = instance_id
        if isinstance(numbers, list):
            self.numbers = [dict(n) if isinstance(n, dict) else n for n in numbers]
        config: dict[str, Any] = {
            "aws:region": region,
            "connect-numbers:endpoint": self.endpoint,
            "connect-numbers:instanceId": instance_id,
            "connect-numbers:numbers": numbers,
        }
        if self.front_end == "plugin":
            config["connect-numbers:frontEnd"] = "plugin"
            config["connect-numbers:region"] = region
        for key, value in (raw or {}).items():
            if value is _DROP:
                config.pop(key, None)
            else:
                config[key] = value
        write_stack_config(self._stack, config)

    # ---- CLI ----------------------------------------------------------------------------

    def command(self, *args: str) -> list[str]:
        return ["pulumi", *args, "--stack", STACK, "--non-interactive", "--color", "never"]

    def run(self, *args: str) -> CliRun:
        done = subprocess.run(
            self.command(*args),
            cwd=self.work_dir,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=CLI_TIMEOUT,
            check=False,
        )
        return CliRun(tuple(args), done.returncode, done.stdout, done.stderr)

    def start(self, *args: str) -> subprocess.Popen[str]:
        """Starts the CLI in its own process group, so `kill_group` reaches its children."""
        return subprocess.Popen(
            self.command(*args),
            cwd=self.work_dir,
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,
        )

    def up(self) -> CliRun:
        return self.run("up", "--yes", "--skip-preview")

    def preview(self) -> CliRun:
        return self.run("preview")

    def refresh(self) -> CliRun:
        return self.run("refresh", "--yes", "--skip-preview")

    def destroy(self) -> CliRun:
        return self.run("destroy", "--yes", "--skip-preview")

    def recover_after_kill(self) -> list[CliRun]:
        """The README's recovery after a killed `pulumi up` (Recovering from an interrupted run)."""
        return [
            self.run("cancel", "--yes"),
            self.run("refresh", "--clear-pending-creates", "--yes"),
            self.run("up", "--yes"),
        ]

    def export(self) -> dict[str, Any]:
        done = self.run("stack", "export")
        assert done.ok, done.output
        exported: dict[str, Any] = json.loads(done.stdout)
        return exported


def _descendants(pid: int) -> list[int]:
    """Every process below `pid`, read from /proc (plugins run in process groups of their own)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as stat:
                ppid = int(stat.read().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(entry))
    found: list[int] = []
    todo = [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def kill_group(process: subprocess.Popen[str]) -> None:
    """SIGKILL the CLI and everything it started, as a crash or a lost machine would.

    The engine starts each plugin (language host, dynamic-provider host) in a process group of
    its own, so killing the CLI's group alone would leave them running, orphaned, for the rest of
    the session; they are collected first and killed with it.
    """
    plugins = _descendants(process.pid)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    for pid in plugins:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    process.communicate(timeout=30)


_DROP = object()
DROP: Any = _DROP


@dataclass(frozen=True)
class StateNumber:
    name: str
    id: str
    inputs: dict[str, Any]
    outputs: dict[str, Any]


def numbers_in_state(exported: Mapping[str, Any]) -> list[StateNumber]:
    """Either front end's numbers, with the shared code's property names."""
    resources: Sequence[Mapping[str, Any]] = exported["deployment"].get("resources") or []
    return [
        StateNumber(
            name=str(r["urn"]).rsplit("::", 1)[1],
            id=str(r["id"]),
            inputs=from_wire(r.get("inputs") or {}),
            outputs=from_wire(r.get("outputs") or {}),
        )
        for r in resources
        if r.get("type") in RESOURCE_TYPES
    ]


def pending_operations(exported: Mapping[str, Any]) -> list[dict[str, Any]]:
    return list(exported["deployment"].get("pending_operations") or [])
