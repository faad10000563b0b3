"""The real Pulumi CLI, run as a user runs it, offline, one stack per folder.

Why subprocess rather than the Automation API: wall time must be the CLI's and nothing else,
and both stacks of a comparison must be driven identically. The offline environment is the
test harness's (tests/support/engine.py), so benchmarks and e2e tests run the same engine.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from tests.support.engine import PULUMI_BIN, local_aws_env, offline_env

from .procmem import DYNAMIC_PROVIDER, PeakMemory, peak_rss_kib

PULUMI = PULUMI_BIN / "pulumi"


@dataclass
class Timed:
    command: str
    seconds: float
    returncode: int
    peak_kib: int
    peak_threads: int
    output_tail: str
    cli_peak_kib: int = 0  # the `pulumi` CLI process's own peak RSS


class BenchStack:
    """A copy of a program in `root/<name>`, its own backend and PULUMI_HOME, one stack."""

    def __init__(
        self,
        program: Path,
        root: Path,
        name: str,
        parallel: int | None,
        provider_process: bytes = DYNAMIC_PROVIDER,
    ) -> None:
        self.root = root / name
        self.provider_process = provider_process
        self.work_dir = self.root / "program"
        shutil.copytree(
            program, self.work_dir, ignore=shutil.ignore_patterns("Pulumi.*.yaml", "__pycache__")
        )
        self.env = {**os.environ, **offline_env(self.root), **local_aws_env()}
        # Pulumi's plugin script runs `python3` from PATH: the one running the bench, as a user's
        # activated virtualenv would be.
        self.env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{self.env['PATH']}"
        self.parallel = parallel
        self.stack = "bench"
        self._run(["stack", "init", self.stack])

    def _run(self, args: list[str]) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(PULUMI), *args, "--non-interactive", "--cwd", str(self.work_dir)],
            env=self.env,
            capture_output=True,
            text=True,
            check=False,
        )

    def set_config(self, config: dict[str, Any]) -> None:
        """Merges plain (non-secret) values into Pulumi.bench.yaml, keeping the salt."""
        path = self.work_dir / f"Pulumi.{self.stack}.yaml"
        data = yaml.safe_load(path.read_text()) if path.exists() else None
        data = data or {}
        data.setdefault("config", {}).update(config)
        path.write_text(yaml.safe_dump(data, sort_keys=True))

    def timed(self, command: str) -> Timed:
        args = [command]
        if command in ("up", "refresh"):
            args += ["--yes", "--skip-preview"]
        if command in ("up", "refresh", "preview") and self.parallel is not None:
            args += ["--parallel", str(self.parallel)]
        with PeakMemory(self.work_dir, marker=self.provider_process) as memory:
            start = time.perf_counter()
            returncode, text, cli_peak = self._sampled(args)
            seconds = time.perf_counter() - start
        tail = "\n".join(text.strip().splitlines()[-15:])
        return Timed(
            command,
            seconds,
            returncode,
            memory.peak_kib,
            memory.peak_threads,
            tail,
            cli_peak,
        )

    def _sampled(self, args: list[str]) -> tuple[int, str, int]:
        """Runs the CLI like `_run`, sampling its own peak RSS until it exits."""
        command = [str(PULUMI), *args, "--non-interactive", "--cwd", str(self.work_dir)]
        with tempfile.TemporaryFile("w+") as output:
            done = subprocess.Popen(command, env=self.env, stdout=output, stderr=output, text=True)
            peak = 0
            while done.poll() is None:
                peak = max(peak, peak_rss_kib(done.pid))
                time.sleep(0.2)
            output.seek(0)
            return done.returncode, output.read(), peak

    def export(self) -> dict[str, Any]:
        done = self._run(["stack", "export"])
        if done.returncode != 0:
            raise RuntimeError(f"stack export failed: {done.stderr}")
        return dict(json.loads(done.stdout))
