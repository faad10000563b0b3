"""The provider plugin from a Pulumi YAML program, through the real CLI and the YAML language
host setup.sh builds: the lifecycle, `pulumi import`, an expired customTimeouts that the next
`up` resumes, and an explicit provider with its own endpoint. Each CLI step goes into the
transcript printed at the end of the run."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from pulumi import automation as auto

from connect_local_service import AdminClient
from tests.e2e.plugin.transcript import pulumi, record
from tests.support.engine import new_stack
from tests.support.local_service import LocalService, local_service
from tests.support.plugin import connect_client, plugin_env, plugin_numbers, pulumi_import

pytestmark = pytest.mark.e2e

PROGRAMS = Path(__file__).parent / "programs"


def _stack(
    program: str, tmp_path: Path, service: LocalService, admin: AdminClient, **config: str
) -> auto.Stack:
    settings = {
        "connect-numbers:endpoint": service.endpoint_url,
        "connect-numbers:region": "us-east-1",
        "instance": admin.create_instance("main")["InstanceId"],
        "source": admin.create_source_number()["PhoneNumberArn"],
        **config,
    }
    return new_stack(PROGRAMS / program, tmp_path, config=settings, env=plugin_env())


def _ok(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout + result.stderr


def _outputs(stack: auto.Stack) -> dict[str, str]:
    result = pulumi(stack, "stack", "output", "--json", title="outputs")
    assert result.returncode == 0, result.stderr
    return dict(json.loads(result.stdout))


def _claimed_ids(service: LocalService) -> list[str]:
    listed = connect_client(service).list_phone_numbers_v2()["ListPhoneNumbersSummaryList"]
    return [str(n["PhoneNumberId"]) for n in listed]


def test_a_yaml_program_goes_through_up_preview_refresh_edit_import_and_destroy(
    tmp_path: Path, service: LocalService, admin: AdminClient
) -> None:
    stack = _stack("yaml_one_number", tmp_path, service, admin)

    _ok(pulumi(stack, "up", "--yes", "--skip-preview", title="up"))
    outputs = _outputs(stack)
    assert outputs["status"] == "CLAIMED"
    _ok(pulumi(stack, "preview", "--expect-no-changes", title="preview, no changes"))
    _ok(pulumi(stack, "refresh", "--yes", "--expect-no-changes", title="refresh, no changes"))

    stack.set_config("description", auto.ConfigValue("Support line"))
    edit = _ok(pulumi(stack, "up", "--yes", "--skip-preview", title="description edit"))
    assert "1 updated" in edit
    assert _outputs(stack)["phoneNumberId"] == outputs["phoneNumberId"]

    connect = connect_client(service)
    other = connect.import_phone_number(
        InstanceId=admin.create_instance("other")["InstanceId"],
        SourcePhoneNumberArn=admin.create_source_number()["PhoneNumberArn"],
    )["PhoneNumberId"]
    imported = pulumi_import(stack, "kept", other, "--protect=false")
    record("import", ["pulumi", "import", "...ImportedPhoneNumber", "kept", other], imported)
    _ok(imported)
    assert other in [n["id"] for n in plugin_numbers(stack)]

    _ok(pulumi(stack, "destroy", "--yes", "--skip-preview", title="destroy"))
    assert not plugin_numbers(stack)
    assert _claimed_ids(service) == []


def test_an_expired_yaml_custom_timeout_fails_clearly_and_the_next_up_resumes(
    tmp_path: Path, admin: AdminClient
) -> None:
    with local_service(tmp_path / "slow.sqlite", ["--claim-delay", "6"]) as slow:
        slow_admin = AdminClient(slow.endpoint_url)
        stack = _stack("yaml_one_number", tmp_path, slow, slow_admin)
        program = Path(stack.workspace.work_dir) / "Pulumi.yaml"
        declared = program.read_text()
        program.write_text(
            declared.replace(
                "outputs:", "    options:\n      customTimeouts:\n        create: 2s\noutputs:", 1
            )
        )

        expired = pulumi(stack, "up", "--yes", "--skip-preview", title="up, customTimeouts 2s")
        assert expired.returncode != 0
        assert "was still IN_PROGRESS (being imported) after 2 s (customTimeouts)" in expired.stdout
        assert "Traceback" not in expired.stdout and 'File "' not in expired.stdout
        (waiting,) = _claimed_ids(slow)

        program.write_text(declared)
        _ok(pulumi(stack, "up", "--yes", "--skip-preview", title="up again, no timeout"))
        assert _outputs(stack)["phoneNumberId"] == waiting
        assert _claimed_ids(slow) == [waiting]
        _ok(pulumi(stack, "destroy", "--yes", "--skip-preview", title="destroy"))


def test_a_yaml_explicit_provider_manages_the_number_in_its_own_endpoint(
    tmp_path: Path, service: LocalService, admin: AdminClient
) -> None:
    with local_service(tmp_path / "second.sqlite") as second:
        second_admin = AdminClient(second.endpoint_url)
        stack = _stack(
            "yaml_explicit_provider",
            tmp_path,
            service,
            second_admin,
            secondEndpoint=second.endpoint_url,
        )

        _ok(pulumi(stack, "up", "--yes", "--skip-preview", title="up, explicit provider"))

        number_id = _outputs(stack)["phoneNumberId"]
        assert _claimed_ids(second) == [number_id]
        assert _claimed_ids(service) == []
        _ok(pulumi(stack, "destroy", "--yes", "--skip-preview", title="destroy"))
