"""The policy pack in policy/ through the real CLI: `pulumi preview --policy-pack policy`, started
by the repo's Python language host (RunPlugin, kind analyzer), against the local service, with
both front ends. Every preview is also checked against the service's request log: analysing a
stack must not change a number."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Mapping
from pathlib import Path

import pytest
from pulumi import automation as auto

from connect_local_service import AdminClient
from tests.faults.request_log import mutating_calls
from tests.support.engine import PULUMI_BIN, REPO, local_aws_env, new_stack
from tests.support.local_service import LocalService
from tests.support.plugin import plugin_env

pytestmark = pytest.mark.e2e

PACK = REPO / "policy"
PROGRAMS = Path(__file__).parent / "programs"
PLUGIN_TYPE = "connect-numbers:index:ImportedPhoneNumber"
DYNAMIC_TYPE = "pulumi-python:dynamic/connect_numbers:ImportedPhoneNumber"


def _stack(
    program: str,
    tmp_path: Path,
    service: LocalService,
    admin: AdminClient,
    env: Mapping[str, str],
    **config: str,
) -> auto.Stack:
    settings = {
        "connect-numbers:endpoint": service.endpoint_url,
        "connect-numbers:region": "us-east-1",
        "aws:region": "us-east-1",
        "instance": admin.create_instance("main")["InstanceId"],
        "source": admin.create_source_number()["PhoneNumberArn"],
        **config,
    }
    return new_stack(PROGRAMS / program, tmp_path, config=settings, env=env)


def _preview(stack: auto.Stack) -> subprocess.CompletedProcess[str]:
    """`pulumi preview --policy-pack <repo>/policy` as a user types it; never raises."""
    command = [str(PULUMI_BIN / "pulumi"), "preview", "--policy-pack", str(PACK)]
    command += ["--stack", stack.name, "--non-interactive", "--color", "never"]
    return subprocess.run(
        command,
        cwd=stack.workspace.work_dir,
        env={**os.environ, **stack.workspace.env_vars},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def _no_mutation(admin: AdminClient) -> None:
    assert mutating_calls(admin.request_log()) == []


def test_an_unprotected_plugin_number_fails_the_preview_naming_it_and_the_policy(
    tmp_path: Path, service: LocalService, admin: AdminClient
) -> None:
    stack = _stack("yaml_policy_number", tmp_path, service, admin, plugin_env())

    result = _preview(stack)

    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "connect-numbers-protected" in output
    assert "mandatory" in output
    assert "phone number 'support'" in output
    assert PLUGIN_TYPE in output
    assert "protect: true" in output and "connect-numbers:allowUnprotected" in output
    _no_mutation(admin)


def test_a_protected_plugin_number_passes_with_the_advisory_warnings(
    tmp_path: Path, service: LocalService, admin: AdminClient
) -> None:
    stack = _stack("yaml_policy_number", tmp_path, service, admin, plugin_env(), protect="true")

    result = _preview(stack)

    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "connect-numbers-protected" not in output
    assert "connect-numbers-described" in output and "has no description" in output
    assert "connect-numbers-routed" in output and "`contactFlowId`" in output
    assert "advisory" in output
    _no_mutation(admin)


def test_the_stack_config_opt_out_passes_an_unprotected_plugin_number(
    tmp_path: Path, service: LocalService, admin: AdminClient
) -> None:
    stack = _stack(
        "yaml_policy_number",
        tmp_path,
        service,
        admin,
        plugin_env(),
        description="Support line",
        **{"connect-numbers:allowUnprotected": "true"},
    )

    result = _preview(stack)

    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "connect-numbers-protected" not in output
    assert "connect-numbers-described" not in output
    _no_mutation(admin)


def test_the_dynamic_front_end_fails_unprotected_passes_protected_and_honours_the_opt_out(
    tmp_path: Path, service: LocalService, admin: AdminClient
) -> None:
    stack = _stack(
        "dynamic_policy_number", tmp_path, service, admin, local_aws_env(), description="Care"
    )

    refused = _preview(stack)

    output = refused.stdout + refused.stderr
    assert refused.returncode != 0, output
    assert "connect-numbers-protected" in output
    assert "phone number 'support'" in output and DYNAMIC_TYPE in output
    assert "opts=pulumi.ResourceOptions(protect=True)" in output

    stack.set_config("protect", auto.ConfigValue("true"))
    passed = _preview(stack)

    output = passed.stdout + passed.stderr
    assert passed.returncode == 0, output
    assert "connect-numbers-protected" not in output
    assert "connect-numbers-described" not in output
    assert "connect-numbers-routed" in output and "`contact_flow_id`" in output

    stack.set_config("protect", auto.ConfigValue("false"))
    stack.set_config("connect-numbers:allowUnprotected", auto.ConfigValue("true"))
    opted_out = _preview(stack)

    output = opted_out.stdout + opted_out.stderr
    assert opted_out.returncode == 0, output
    assert "connect-numbers-protected" not in output
    _no_mutation(admin)


def test_a_refused_preview_of_a_change_to_an_existing_number_calls_nothing_that_mutates(
    tmp_path: Path, service: LocalService, admin: AdminClient
) -> None:
    stack = _stack("yaml_policy_number", tmp_path, service, admin, plugin_env())
    stack.up(on_output=lambda _: None)  # no pack: the number exists, unprotected
    log = admin.request_log()
    assert "ImportPhoneNumber" in mutating_calls(log)  # the witness sees mutations when they run
    before = len(log)
    stack.set_config("description", auto.ConfigValue("Support line, edited"))

    result = _preview(stack)

    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "connect-numbers-protected" in output and "phone number 'support'" in output
    assert "update" in output  # the preview did see the edit it would make
    assert mutating_calls(admin.request_log()[before:]) == []


def _pulumi(stack: auto.Stack, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    command = [str(PULUMI_BIN / "pulumi"), *args, "--stack", stack.name, "--non-interactive"]
    return subprocess.run(
        command,
        cwd=stack.workspace.work_dir,
        env={**os.environ, **stack.workspace.env_vars, **env},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_the_before_delete_hook_of_the_docs_refuses_both_destroys_until_allowed(
    tmp_path: Path, service: LocalService, admin: AdminClient
) -> None:
    """docs/policy.md's claims about the hook, on this CLI: it refuses `pulumi destroy
    --run-program`; a plain `pulumi destroy` (no program, so no hook) refuses to go on at all;
    the operator's explicit allowance releases the number."""
    stack = _stack("dynamic_policy_number", tmp_path, service, admin, local_aws_env(), hook="true")
    up = _pulumi(stack, "up", "--yes", "--skip-preview")
    assert up.returncode == 0, up.stdout + up.stderr

    refused = _pulumi(stack, "destroy", "--yes", "--run-program")

    output = refused.stdout + refused.stderr
    assert refused.returncode != 0, output
    assert "refusing to release phone number 'support'" in output

    plain = _pulumi(stack, "destroy", "--yes")

    output = plain.stdout + plain.stderr
    assert plain.returncode != 0, output
    assert "You must run with the `--run-program` flag to use delete hooks" in output
    assert "ReleasePhoneNumber" not in mutating_calls(admin.request_log())

    allowed = _pulumi(stack, "destroy", "--yes", "--run-program", ALLOW_NUMBER_RELEASE="support")

    assert allowed.returncode == 0, allowed.stdout + allowed.stderr
    assert "ReleasePhoneNumber" in mutating_calls(admin.request_log())
