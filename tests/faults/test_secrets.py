"""Scenario 8: recognisable fake credentials never reach state, CLI output or any log, except
where SigV4 puts them on the wire.

A search proves something only where the credentials could have been found, so each place
searched is first shown to hold what a leak would have reached:
- the Pulumi engine's verbose log (`-v=9 --logflow`): every config value and every input and
  output the provider handled (the declared source ARN and description appear in it);
- the local service's own log, at debug level: a line for every request it served;
- the service's request log: the decoded parameters of every call;
- a relay between the provider and the service that records every header and body. SigV4
  sends the access key id in the Authorization header's credential scope and the session token
  as X-Amz-Security-Token, and never the secret key: so the key id and the token appear there
  and nowhere else, and the secret key nowhere.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from connect_local_service import AdminClient
from tests.faults import invariants
from tests.faults.stacks import CliRun, RootStack, number, numbers_in_state
from tests.support.local_service import LocalService, local_service
from tests.support.recording_relay import RecordedRequest, RecordingRelay, recording_relay

ACCESS_KEY_ID = "AKIAFAKEFAKEFAKE1234"
SECRET_ACCESS_KEY = "fake/secret/Zz9"
SESSION_TOKEN = "FakeSessionToken/Qq7"
SECRETS = {
    "AWS_ACCESS_KEY_ID": ACCESS_KEY_ID,
    "AWS_SECRET_ACCESS_KEY": SECRET_ACCESS_KEY,
    "AWS_SESSION_TOKEN": SESSION_TOKEN,
}
PULUMI_SECRET_SIG = "4dabf18193072939515e22adb298388d"
VERBOSE = ("--logtostderr", "--logflow", "-v=9")
DESCRIPTION = "secret-free line"
SIGNING_HEADERS = frozenset({"authorization", "x-amz-security-token"})


@pytest.fixture
def debug_service(tmp_path: Path) -> Iterator[LocalService]:
    args = ("--claim-delay", "0.3", "--release-delay", "0.2", "--log-level", "DEBUG")
    folder = tmp_path / "service"
    folder.mkdir()
    with local_service(folder / "state.sqlite", args) as running:
        yield running


@pytest.fixture
def relay(debug_service: LocalService) -> Iterator[RecordingRelay]:
    with recording_relay(debug_service.endpoint_url) as running:
        yield running


def _service_log(service: LocalService) -> str:
    logs = list(service.state_path.parent.glob("*.log"))
    assert logs, "the service's log file is missing"
    return "\n".join(log.read_text(errors="replace") for log in logs)


def _without_signing_headers(request: RecordedRequest) -> str:
    kept = tuple((k, v) for k, v in request.headers if k.lower() not in SIGNING_HEADERS)
    return RecordedRequest(request.method, request.path, kept, request.body).text()


def test_fake_credentials_appear_nowhere_and_the_serialized_provider_holds_nothing(
    tmp_path: Path, debug_service: LocalService, relay: RecordingRelay
) -> None:
    admin = AdminClient(debug_service.endpoint_url)
    invariants.scenario("secrets", admin)
    root = RootStack(tmp_path / "stack", relay.endpoint_url, env=SECRETS)
    instance = admin.create_instance("secrets")["InstanceId"]
    source = admin.create_source_number()["PhoneNumberArn"]
    declared = [number("s0", source, DESCRIPTION)]
    root.declare(instance, declared)

    runs: list[CliRun] = [
        root.run("preview", *VERBOSE),
        root.run("up", "--yes", *VERBOSE),
        root.run("refresh", "--yes", *VERBOSE),
    ]
    exported = root.export()
    invariants.check(admin, exported, declared=declared, instance_id=instance)
    imported = [n.id for n in numbers_in_state(exported)]
    runs.append(root.run("destroy", "--yes", *VERBOSE))
    assert all(run.ok for run in runs), [run.output for run in runs if not run.ok]
    invariants.check(admin, root.export(), allowed_releases=imported, declared=[])

    verbose = "\n".join(run.stderr for run in runs)
    assert source in verbose and DESCRIPTION in verbose, "the verbose log holds no inputs"
    service_log = _service_log(debug_service)
    assert f"GET /phone-number/{imported[0]}" in service_log, "the service logged no requests"
    wire = relay.requests()
    assert wire, "no request went through the relay"
    for request in wire:
        assert f"Credential={ACCESS_KEY_ID}/" in (request.header("Authorization") or "")
        assert request.header("X-Amz-Security-Token") == SESSION_TOKEN
        assert SECRET_ACCESS_KEY not in request.text()

    haystacks = {
        "cli output and verbose log": "\n".join(run.output for run in runs),
        "exported state": json.dumps(exported),
        "request log": json.dumps(admin.request_log()),
        "service log at debug level": service_log,
        "requests on the wire, signing headers aside": "\n".join(
            _without_signing_headers(request) for request in wire
        ),
    }
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
