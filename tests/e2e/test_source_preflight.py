"""The source's pre-flight through the real CLI: `pulumi up` of the root stack with a source that
cannot be imported fails with the check's one line, without a traceback, and imports nothing;
with either front end."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pulumi import automation as auto

from connect_local_service import AdminClient
from tests.support.engine import REPO, local_aws_env, new_stack, write_stack_config
from tests.support.local_service import LocalService

pytestmark = pytest.mark.e2e


def _up_with_source(
    tmp_path: Path, service: LocalService, admin: AdminClient, source: str, front_end: str
) -> str:
    """The output of a failed `pulumi up` declaring one number from `source`."""
    instance = admin.create_instance("main")
    stack = new_stack(REPO, tmp_path, env=local_aws_env())
    config: dict[str, Any] = {
        "aws:region": "us-east-1",
        "connect-numbers:endpoint": service.endpoint_url,
        "connect-numbers:instanceId": instance["InstanceId"],
        "connect-numbers:numbers": [{"name": "support", "sourcePhoneNumberArn": source}],
    }
    if front_end == "plugin":
        config["connect-numbers:frontEnd"] = "plugin"
        config["connect-numbers:region"] = "us-east-1"
    write_stack_config(stack, config)
    admin.clear_request_log()
    with pytest.raises(auto.CommandError) as failure:
        stack.up()
    return str(failure.value)


@pytest.mark.parametrize("front_end", ["dynamic", "plugin"])
def test_up_with_a_deleted_source_fails_with_the_checks_one_line_and_imports_nothing(
    tmp_path: Path, service: LocalService, admin: AdminClient, front_end: str
) -> None:
    source = admin.create_source_number(status="DELETED")["PhoneNumberArn"]

    output = _up_with_source(tmp_path, service, admin, source, front_end)

    expected = (
        f"source number {source} is DELETED in AWS End User Messaging SMS/voice, and "
        "ImportPhoneNumber imports only a claimed number; nothing was imported. A released "
        "number cannot be imported: request a new number in End User Messaging and set "
        "source_phone_number_arn to it"
    )
    lines = [line for line in output.splitlines() if f"source number {source} is DELETED" in line]
    assert lines, output
    assert all(line.rstrip().endswith(expected) for line in lines), lines
    assert "Traceback" not in output
    operations = [e["operation"] for e in admin.request_log()]
    assert "DescribePhoneNumbers" in operations
    assert "ImportPhoneNumber" not in operations
    assert admin.numbers() == []
