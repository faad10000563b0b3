"""Scenario 8: recognisable fake credentials never reach state, CLI output or service logs."""

from __future__ import annotations

import base64
import json
from pathlib import Path

from connect_local_service import AdminClient
from tests.faults import invariants
from tests.faults.stacks import RootStack, number
from tests.support.local_service import LocalService

SECRETS = {
    "AWS_ACCESS_KEY_ID": "AKIAFAKEFAKEFAKE1234",
    "AWS_SECRET_ACCESS_KEY": "fake/secret/Zz9",
    "AWS_SESSION_TOKEN": "FakeSessionToken/Qq7",
}
PULUMI_SECRET_SIG = "4dabf18193072939515e22adb298388d"


def test_fake_credentials_appear_nowhere_and_the_serialized_provider_holds_nothing(
    tmp_path: Path, service: LocalService, admin: AdminClient
) -> None:
    invariants.scenario("secrets")
    root = RootStack(tmp_path, service.endpoint_url, env=SECRETS)
    instance = admin.create_instance("secrets")["InstanceId"]
    declared = [number("s0", admin.create_source_number()["PhoneNumberArn"], "secret-free")]
    root.declare(instance, declared)

    runs = [root.preview(), root.run("up", "--yes"), root.run("refresh", "--yes")]
    exported = root.export()
    runs.append(root.run("destroy", "--yes"))
    assert all(run.ok for run in runs), [run.output for run in runs if not run.ok]

    haystacks = {
        "cli output": "\n".join(run.output for run in runs),
        "exported state": json.dumps(exported),
        "request log": json.dumps(admin.request_log()),
        "service log file": "\n".join(
            log.read_text(errors="replace") for log in service.state_path.parent.glob("*.log")
        ),
    }
    assert haystacks["service log file"] is not None
    assert list(service.state_path.parent.glob("*.log")), "the service's log file is missing"
    for where, text in haystacks.items():
        for name, secret in SECRETS.items():
            assert secret not in text, f"{name} leaked into the {where}"

    resources = [
        r for r in exported["deployment"]["resources"] if r["type"].endswith("ImportedPhoneNumber")
    ]
    provider = resources[0]["inputs"]["__provider"]
    assert isinstance(provider, str), "the serialized provider must not be a secret"
    assert PULUMI_SECRET_SIG not in json.dumps(resources[0])
    pickled = base64.b64decode(provider)
    assert len(pickled) < 200
    assert b"connect_numbers.provider" in pickled
    for secret in SECRETS.values():
        assert secret.encode() not in pickled
