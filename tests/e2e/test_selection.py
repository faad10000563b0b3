"""Numbers chosen by selection, through the real CLI and the root program's stack config
(`connect-numbers:selection`): one child per selected source, named from its own id, and a
number that leaves the selection stays in Connect, said in preview, never released."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path
from typing import Any

import pytest

from connect_local_service import AdminClient
from tests.support.engine import PULUMI_BIN, REPO, local_aws_env, new_stack, write_stack_config
from tests.support.local_service import LocalService

pytestmark = pytest.mark.e2e


def _config(service: LocalService, instance_id: str, country: str) -> dict[str, Any]:
    return {
        "aws:region": "us-east-1",
        "connect-numbers:endpoint": service.endpoint_url,
        "connect-numbers:instanceId": instance_id,
        "connect-numbers:selection": {
            "name": "care",
            "match": {"isoCountryCode": country, "numberType": "TOLL_FREE"},
            "description": "Care {phone_number}",
            "tags": {"team": "care"},
        },
    }


def _cli(stack: Any, *args: str) -> str:
    done = subprocess.run(
        [str(PULUMI_BIN / "pulumi"), *args, "--stack", stack.name, "--non-interactive"],
        cwd=stack.workspace.work_dir,
        env={**os.environ, **stack.workspace.env_vars},
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return str(done.stdout)


def test_a_selection_that_shrinks_leaves_its_number_in_connect_and_says_so_in_preview(
    tmp_path: Path, service: LocalService, admin: AdminClient
) -> None:
    instance_id = admin.create_instance("main")["InstanceId"]
    us = [admin.create_source_number(iso_country="US") for _ in range(2)]
    gb = admin.create_source_number(iso_country="GB")
    stack = new_stack(REPO, tmp_path, env=local_aws_env())
    write_stack_config(stack, _config(service, instance_id, "US"))

    first = stack.up()
    assert first.outputs["selection"].value == sorted(s["PhoneNumberArn"] for s in us)
    names = set(first.outputs["numbers"].value)
    assert names == {"care-" + s["PhoneNumberArn"].rsplit("/", 1)[1] for s in us}
    assert {n["Description"] for n in admin.numbers()} == {f"Care {s['PhoneNumber']}" for s in us}

    # The policy pack accepts the selection's children unprotected: they are retained.
    guarded = _cli(stack, "preview", "--policy-pack", str(REPO / "policy"))
    assert "connect-numbers-protected" not in guarded.split("Policies:")[-1].split("Outputs:")[0]

    write_stack_config(stack, _config(service, instance_id, "GB"))  # the US numbers leave it
    admin.clear_request_log()
    preview = _cli(stack, "preview")
    said = preview.split("Diagnostics:")[-1].split("Outputs:")[0]
    for source in us:
        [line] = [x for x in said.splitlines() if source["PhoneNumberArn"] in x]
        assert "left the selection of care" in line and "stays imported in Amazon Connect" in line
    assert "delete[retain]" in preview

    second = stack.up()

    assert second.outputs["selection"].value == [gb["PhoneNumberArn"]]
    live = {n["SourcePhoneNumberArn"] for n in admin.numbers() if n["Status"] == "CLAIMED"}
    assert live == {s["PhoneNumberArn"] for s in [*us, gb]}
    assert "ReleasePhoneNumber" not in admin.operations()
    state = stack.export_stack().deployment["resources"]
    in_state = {(r.get("inputs") or {}).get("source_phone_number_arn") for r in state}
    assert gb["PhoneNumberArn"] in in_state and not {s["PhoneNumberArn"] for s in us} & in_state
