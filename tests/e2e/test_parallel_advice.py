"""The line that says `--parallel` is the bottleneck, through the real CLI: it appears once when
numbers wait behind too few engine slots for the claim time, and never for one number."""

from __future__ import annotations

from pathlib import Path

import pytest

from connect_local_service import AdminClient
from tests.support.engine import REPO, local_aws_env, new_stack, write_stack_config
from tests.support.local_service import local_service

pytestmark = pytest.mark.e2e

LINE = "wait for one of the engine's"
CLAIM_SECONDS = "3"


def _up(tmp_path: Path, numbers: int, parallel: int) -> str:
    with local_service(tmp_path / "slow.sqlite", ["--claim-delay", CLAIM_SECONDS]) as slow:
        admin = AdminClient(slow.endpoint_url)
        stack = new_stack(REPO, tmp_path, env=local_aws_env())
        write_stack_config(
            stack,
            {
                "aws:region": "us-east-1",
                "connect-numbers:endpoint": slow.endpoint_url,
                "connect-numbers:instanceId": admin.create_instance("main")["InstanceId"],
                "connect-numbers:numbers": [
                    {"name": f"n{i}", "sourcePhoneNumberArn": source["PhoneNumberArn"]}
                    for i, source in enumerate(admin.create_source_number() for _ in range(numbers))
                ],
            },
        )
        result = stack.up(parallel=parallel)
        assert result.summary.result == "succeeded"
        return result.stdout


def test_numbers_waiting_behind_two_slots_with_long_claims_get_the_line_once(
    tmp_path: Path,
) -> None:
    output = _up(tmp_path, numbers=4, parallel=2)

    # The CLI shows a diagnostic as it happens and again under "Diagnostics:" at the end.
    said = output.split("Diagnostics:", 1)[-1]
    [line] = [text for text in said.splitlines() if LINE in text]
    assert "2 slots" in line and "`pulumi up --parallel " in line and "more number(s) wait" in line


def test_one_number_never_gets_the_line(tmp_path: Path) -> None:
    output = _up(tmp_path, numbers=1, parallel=2)

    assert LINE not in output
