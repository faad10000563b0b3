"""What the language host puts in a policy pack's environment from the engine's ConfigureStack."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from typing import Any

from pulumi.runtime.proto import analyzer_pb2

_PATH = Path(__file__).resolve().parents[3] / "tools" / "langhost" / "policy_proxy.py"
_SPEC = importlib.util.spec_from_file_location("policy_proxy", _PATH)
assert _SPEC is not None and _SPEC.loader is not None
proxy: Any = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(proxy)
stack_env = proxy.stack_env


def test_the_stack_configuration_becomes_the_variables_pulumi_policy_reads() -> None:
    request = analyzer_pb2.AnalyzerStackConfigureRequest(
        project="numbers",
        stack="prod",
        organization="acme",
        dry_run=True,
        config={"connect-numbers:allowUnprotected": "true", "aws:region": "us-east-1"},
    )
    env = stack_env(request)
    assert env["PULUMI_PROJECT"] == "numbers"
    assert env["PULUMI_STACK"] == "prod"
    assert env["PULUMI_ORGANIZATION"] == "acme"
    assert env["PULUMI_DRY_RUN"] == "true"
    assert json.loads(env["PULUMI_CONFIG"]) == {
        "connect-numbers:allowUnprotected": "true",
        "aws:region": "us-east-1",
    }


def test_empty_values_are_left_out_and_no_configuration_means_no_variables() -> None:
    env = stack_env(analyzer_pb2.AnalyzerStackConfigureRequest(project="p", stack="s"))
    assert "PULUMI_ORGANIZATION" not in env
    assert env["PULUMI_DRY_RUN"] == "false"
    assert stack_env(None) == {}
