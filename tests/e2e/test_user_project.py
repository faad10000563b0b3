"""What a user does: install the wheels into their own virtualenv and run their own project.

Runs once per end of the declared dependency ranges (the oldest versions pyproject.toml allows,
and the newest PyPI serves). Nothing from the repo's virtualenv reaches the program or the
provider: the project names its own virtualenv in Pulumi.yaml, and Pulumi's own
`pulumi-resource-pulumi-python` script starts the dynamic-provider host from it.
"""

from __future__ import annotations

import os
import subprocess
import time
import venv
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import boto3
import pytest

from connect_local_service import AdminClient
from tests.support.engine import PULUMI_BIN, REPO
from tests.support.user_install import (
    LOWEST,
    NEWEST,
    UserVirtualenv,
    build_wheels,
    make_user_virtualenv,
)

PROGRAM = """\
import pulumi
from connect_numbers import ImportedPhoneNumber, ImportedPhoneNumberArgs

config = pulumi.Config()
number = ImportedPhoneNumber(
    "support",
    ImportedPhoneNumberArgs(
        instance_id=config.require("instanceId"),
        source_phone_number_arn=config.require("sourceArn"),
        description=config.require("description"),
        tags={"team": "support"},
    ),
)
pulumi.export("phone_number_id", number.phone_number_id)
"""


@pytest.fixture(scope="module")
def wheels(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return build_wheels(tmp_path_factory.mktemp("wheels"))


@pytest.fixture(scope="module", params=[LOWEST, NEWEST])
def user_venv(
    request: pytest.FixtureRequest, wheels: list[Path], tmp_path_factory: pytest.TempPathFactory
) -> UserVirtualenv:
    return make_user_virtualenv(
        tmp_path_factory.mktemp(f"venv-{request.param}"), wheels, request.param
    )


@pytest.fixture
def user_service(user_venv: UserVirtualenv, tmp_path: Path) -> Iterator[str]:
    """The local service as a user's CI starts it: the console script of its own wheel."""
    endpoint_file = tmp_path / "endpoint"
    process = subprocess.Popen(
        [
            str(user_venv.path / "bin" / "connect-local-service"),
            "--port",
            "0",
            "--state",
            str(tmp_path / "connect.sqlite"),
            "--endpoint-file",
            str(endpoint_file),
            "--claim-delay",
            "0.5",
        ],
        stdout=subprocess.DEVNULL,
    )
    try:
        _wait_for(endpoint_file, process)
        yield endpoint_file.read_text().strip()
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_the_provider_wheel_holds_only_the_provider_package(wheels: list[Path]) -> None:
    (provider_wheel,) = [w for w in wheels if w.name.startswith("connect_numbers-")]
    names = zipfile.ZipFile(provider_wheel).namelist()
    assert (
        "connect_numbers/provider.py" in names
        and "connect_numbers/engine/dynamic/provider.py" in names
    )
    outside = [n for n in names if not n.startswith(("connect_numbers/", "connect_numbers-"))]
    assert outside == []
    assert [n for n in names if "local_service" in n or "noop" in n or "bench" in n] == []


def test_the_local_service_installs_and_starts_alone_without_the_provider(
    wheels: list[Path], tmp_path: Path
) -> None:
    service_wheel = [w for w in wheels if w.name.startswith("connect_local_service-")]
    path = tmp_path / "ci-venv"
    venv.EnvBuilder(with_pip=True).create(path)
    python = str(path / "bin" / "python")
    subprocess.run(
        [python, "-m", "pip", "install", "--quiet", *map(str, service_wheel)], check=True
    )
    provider = subprocess.run([python, "-c", "import connect_numbers"], capture_output=True)
    assert provider.returncode != 0, "the local service must not bring the provider along"
    endpoint_file = tmp_path / "endpoint"
    process = subprocess.Popen(
        [
            python,
            "-m",
            "connect_local_service",
            "--port",
            "0",
            "--seed-demo",
            "--state",
            str(tmp_path / "s.db"),
            "--endpoint-file",
            str(endpoint_file),
        ],
        stdout=subprocess.DEVNULL,
    )
    try:
        _wait_for(endpoint_file, process)
        connect = _connect(endpoint_file.read_text().strip())
        assert connect.list_instances()["InstanceSummaryList"], "the demo seed has an instance"
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_the_provider_unit_tests_pass_against_the_installed_wheel(
    user_venv: UserVirtualenv,
) -> None:
    run = subprocess.run(
        [
            str(user_venv.python),
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "tests/unit/provider",
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        env=_without_repo_paths(os.environ),
    )
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
    imported_from = subprocess.run(
        [str(user_venv.python), "-c", "import connect_numbers; print(connect_numbers.__file__)"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert imported_from.startswith(str(user_venv.path)), imported_from


def test_the_local_service_answers_only_declared_errors_at_this_end_of_the_botocore_range(
    user_venv: UserVirtualenv,
) -> None:
    test = "tests/unit/local_service/test_declared_errors.py"
    command = [str(user_venv.python), "-m", "pytest", "-q", "-p", "no:cacheprovider", test]
    run = subprocess.run(
        command, cwd=REPO, capture_output=True, text=True, env=_without_repo_paths(os.environ)
    )
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]


def test_a_user_project_runs_up_preview_refresh_edit_and_destroy(
    user_venv: UserVirtualenv, user_service: str, tmp_path: Path
) -> None:
    admin = AdminClient(user_service)
    instance = admin.create_instance("user-project")
    source = admin.create_source_number()
    project = tmp_path / "my-contact-centre"
    project.mkdir()
    (project / "Pulumi.yaml").write_text(
        "name: my-contact-centre\n"
        "runtime:\n"
        "  name: python\n"
        "  options:\n"
        f"    virtualenv: {user_venv.path}\n"
    )
    (project / "__main__.py").write_text(PROGRAM)
    pulumi = _cli(project, tmp_path)
    pulumi("stack", "init", "dev")
    for key, value in {
        "aws:region": "us-east-1",
        "connect-numbers:endpoint": user_service,
        "instanceId": instance["InstanceId"],
        "sourceArn": source["PhoneNumberArn"],
        "description": "Support line",
    }.items():
        pulumi("config", "set", key, value)

    pulumi("up", "--yes", "--skip-preview")
    number_id = pulumi("stack", "output", "phone_number_id").strip()
    connect = _connect(user_service)
    assert _describe(connect, number_id)["PhoneNumberDescription"] == "Support line"

    pulumi("preview", "--expect-no-changes")
    pulumi("refresh", "--yes", "--expect-no-changes")

    pulumi("config", "set", "description", "Support line, edited")
    pulumi("up", "--yes", "--skip-preview")
    assert pulumi("stack", "output", "phone_number_id").strip() == number_id
    assert _describe(connect, number_id)["PhoneNumberDescription"] == "Support line, edited"

    pulumi("destroy", "--yes", "--skip-preview")
    with pytest.raises(connect.exceptions.ResourceNotFoundException):
        connect.describe_phone_number(PhoneNumberId=number_id)


def _wait_for(endpoint_file: Path, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 30
    while not endpoint_file.exists():
        assert process.poll() is None, "the local service exited at start"
        assert time.monotonic() < deadline, "the local service did not start in 30 s"
        time.sleep(0.1)


def _without_repo_paths(env: os._Environ[str] | dict[str, str]) -> dict[str, str]:
    """The environment minus the repo's virtualenv, so only the user's install can answer."""
    cleaned = {k: v for k, v in env.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    repo_venv = str(REPO / ".venv")
    cleaned["PATH"] = os.pathsep.join(
        p for p in env.get("PATH", "").split(os.pathsep) if not p.startswith(repo_venv)
    )
    return cleaned


def _cli(project: Path, tmp_path: Path) -> Any:
    backend = tmp_path / "backend"
    backend.mkdir()
    env = _without_repo_paths(os.environ)
    env.update(
        {
            "PATH": f"{PULUMI_BIN}{os.pathsep}{env['PATH']}",
            "PULUMI_BACKEND_URL": f"file://{backend}",
            "PULUMI_HOME": str(tmp_path / "pulumi-home"),
            "PULUMI_CONFIG_PASSPHRASE": "",
            "PULUMI_SKIP_UPDATE_CHECK": "true",
            "PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION": "true",
            "AWS_ACCESS_KEY_ID": "local-test-key",
            "AWS_SECRET_ACCESS_KEY": "local-test-secret",
            "AWS_EC2_METADATA_DISABLED": "true",
        }
    )

    def pulumi(*args: str) -> str:
        run = subprocess.run(
            [str(PULUMI_BIN / "pulumi"), *args, "--non-interactive"],
            cwd=project,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert run.returncode == 0, f"pulumi {' '.join(args)}:\n{run.stdout}\n{run.stderr}"
        return run.stdout

    return pulumi


def _connect(endpoint: str) -> Any:
    return boto3.client(
        "connect",
        region_name="us-east-1",
        endpoint_url=endpoint,
        aws_access_key_id="local-test-key",
        aws_secret_access_key="local-test-secret",
    )


def _describe(connect: Any, number_id: str) -> dict[str, Any]:
    summary: dict[str, Any] = connect.describe_phone_number(PhoneNumberId=number_id)[
        "ClaimedPhoneNumberSummary"
    ]
    return summary
