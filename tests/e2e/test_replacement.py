"""Replacing a number through the real CLI: the new one is imported before the old one is
released, and a `pulumi up --replace` of the same source keeps the number.

The local service's request log is the witness of the order of the provider's calls. Claims
are counted in DescribePhoneNumber calls here (the second one answers CLAIMED), so the log also
shows when the new number was claimed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest
from pulumi import automation as auto

from connect_local_service import AdminClient
from tests.support.engine import REPO, local_aws_env, new_stack, write_stack_config
from tests.support.local_service import LocalService
from tests.support.mutating_operations import MUTATING

OWNER_TAG = "connect-numbers:owner"
DESCRIBES_TO_CLAIM = 2

Entry = Mapping[str, Any]


class OneNumberStack:
    """The root stack declaring one number, `support`, whose source tests change."""

    def __init__(self, tmp_path: Path, service: LocalService, admin: AdminClient) -> None:
        self.admin = admin
        self.endpoint = service.endpoint_url
        self.instance_id = admin.create_instance("main")["InstanceId"]
        self.source = admin.create_source_number()["PhoneNumberArn"]
        self.stack = new_stack(REPO, tmp_path, env=local_aws_env())
        self.write()

    def write(self) -> None:
        number = {"name": "support", "sourcePhoneNumberArn": self.source, "description": "Support"}
        write_stack_config(
            self.stack,
            {
                "aws:region": "us-east-1",
                "connect-numbers:endpoint": self.endpoint,
                "connect-numbers:instanceId": self.instance_id,
                "connect-numbers:numbers": [number],
            },
        )

    def up(self, **options: Any) -> tuple[dict[str, Any], auto.UpResult]:
        result = self.stack.up(**options)
        support: dict[str, Any] = result.outputs["numbers"].value["support"]
        return support, result

    def urn(self) -> str:
        resources = self.stack.export_stack().deployment["resources"]
        (number,) = [r for r in resources if r["type"].endswith(":ImportedPhoneNumber")]
        return str(number["urn"])


@pytest.fixture
def root(tmp_path: Path, service: LocalService, admin: AdminClient) -> OneNumberStack:
    admin.set_timing(claim_after_describes=DESCRIBES_TO_CLAIM)
    return OneNumberStack(tmp_path, service, admin)


def _index(log: Sequence[Entry], operation: str, **params: str) -> list[int]:
    return [
        i
        for i, e in enumerate(log)
        if e["operation"] == operation
        and e["status"] == 200
        and all(str(e["params"].get(k, "")).endswith(v) for k, v in params.items())
    ]


def test_a_forced_replacement_of_the_same_source_keeps_the_same_number(
    root: OneNumberStack,
) -> None:
    first, _ = root.up()
    before = root.admin.numbers()[0]["Tags"][OWNER_TAG]
    root.admin.clear_request_log()

    preview = root.stack.preview(replace=[root.urn()])
    assert preview.change_summary.get("replace") == 1
    assert "RELEASES" not in preview.stdout + preview.stderr

    replaced, result = root.up(replace=[root.urn()])

    assert replaced["phone_number_id"] == first["phone_number_id"]
    log = root.admin.request_log()
    assert not _index(log, "ReleasePhoneNumber")
    assert not _index(log, "ImportPhoneNumber"), "the source was imported a second time"
    [number] = root.admin.numbers()
    assert number["PhoneNumberId"] == first["phone_number_id"]
    assert number["Tags"][OWNER_TAG] != before  # re-tagged with the new create's generation
    assert number["Tags"][OWNER_TAG].startswith("connect-numbers/test/support@")
    assert "was NOT released" in result.stdout + result.stderr
    root.stack.preview(expect_no_changes=True)


def test_a_source_change_keeps_the_old_number_until_the_new_one_is_claimed(
    root: OneNumberStack,
) -> None:
    first, _ = root.up()
    root.source = root.admin.create_source_number()["PhoneNumberArn"]
    root.write()

    preview = root.stack.preview()
    assert preview.change_summary.get("replace") == 1
    shown = preview.stdout + preview.stderr
    assert f"this plan RELEASES phone number {first['phone_number']}" in shown
    assert f"(id {first['phone_number_id']})" in shown and "180 days" in shown

    root.admin.clear_request_log()
    replaced, _ = root.up()

    log = root.admin.request_log()
    assert [e["operation"] for e in log if e["operation"] in MUTATING] == [
        "ImportPhoneNumber",
        "ReleasePhoneNumber",
    ]
    new_id = replaced["phone_number_id"]
    assert new_id != first["phone_number_id"]
    [imported] = _index(log, "ImportPhoneNumber", SourcePhoneNumberArn=root.source)
    claimed = _index(log, "DescribePhoneNumber", PhoneNumberId=new_id)[DESCRIBES_TO_CLAIM - 1]
    [released] = _index(log, "ReleasePhoneNumber", PhoneNumberId=first["phone_number_id"])
    assert imported < claimed < released
    assert [n["PhoneNumberId"] for n in root.admin.numbers()] == [new_id]
