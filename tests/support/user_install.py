"""A user's own install: the wheels built from this repo in a fresh virtualenv outside it.

Why: the repo's own environment installs both packages editable, beside every dev tool, so it
cannot show what a user meets. Here the provider and the local service arrive as wheels, with
the dependency versions the declared ranges allow at one end or the other.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tomllib
import venv
from dataclasses import dataclass
from pathlib import Path

from tests.support.engine import REPO

# Each variant resolves the runtime dependencies to one end of the declared ranges.
LOWEST = "lowest"
NEWEST = "newest"

# What the CI run printed: variant -> {distribution: version}; read by tests/conftest.py.
TESTED_VERSIONS: dict[str, dict[str, str]] = {}

_TEST_TOOLS = ("pytest==9.2.0", "hypothesis==6.170.17")


def build_wheels(out_dir: Path) -> list[Path]:
    """The provider and the local-service wheels, built the way a release would build them.

    Each wheel is built from its sdist, as `python -m build` does by default, so nothing left
    in a checkout's build/ folder (a renamed module, say) can slip into the wheel.
    """
    for project in (REPO, REPO / "local-service"):
        subprocess.run(
            [sys.executable, "-m", "build", "--outdir", str(out_dir), str(project)],
            check=True,
            capture_output=True,
        )
    wheels = sorted(out_dir.glob("*.whl"))
    assert len(wheels) == 2, wheels
    return wheels


def runtime_requirements() -> list[str]:
    """The provider's runtime dependencies, as declared in pyproject.toml."""
    with (REPO / "pyproject.toml").open("rb") as handle:
        return list(tomllib.load(handle)["project"]["dependencies"])


def lowest_pins(requirements: list[str]) -> list[str]:
    """`name>=X,<Y` becomes `name==X`: the oldest versions the ranges promise to work with."""
    pins = []
    for requirement in requirements:
        match = re.fullmatch(r"([A-Za-z0-9_.-]+)>=([0-9.]+),<[0-9.]+", requirement.replace(" ", ""))
        assert match, f"runtime dependency {requirement!r} is not a 'name>=low,<high' range"
        pins.append(f"{match[1]}=={match[2]}")
    return pins


@dataclass(frozen=True)
class UserVirtualenv:
    path: Path
    variant: str

    @property
    def python(self) -> Path:
        return self.path / "bin" / "python"

    def versions(self) -> dict[str, str]:
        out = subprocess.run(
            [
                str(self.python),
                "-c",
                "import importlib.metadata as m, json; print(json.dumps({d: m.version(d) for d in "
                "('pulumi', 'boto3', 'botocore', 'connect-numbers', 'connect-local-service')}))",
            ],
            check=True,
            capture_output=True,
            text=True,
        )
        versions: dict[str, str] = json.loads(out.stdout)
        return versions


def make_user_virtualenv(path: Path, wheels: list[Path], variant: str) -> UserVirtualenv:
    """A fresh virtualenv with only the wheels, their dependencies and the test runner."""
    venv.EnvBuilder(with_pip=True, clear=True).create(path)
    pins = lowest_pins(runtime_requirements()) if variant == LOWEST else []
    upgrade = ["--upgrade"] if variant == NEWEST else []
    subprocess.run(
        [str(path / "bin" / "python"), "-m", "pip", "install", "--quiet", *upgrade]
        + [str(w) for w in wheels]
        + pins
        + list(_TEST_TOOLS),
        check=True,
        env={**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1"},
    )
    user_venv = UserVirtualenv(path, variant)
    TESTED_VERSIONS[variant] = user_venv.versions()
    return user_venv
