"""The service as users run it: a separate process with a state file that outlives it."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import boto3
from botocore.config import Config

from connect_local_service import LocalServiceSettings, spawn_local_service

DEMO_INSTANCE_ID = "f719aa4f-24fe-59d0-bf41-3ac7477f0bb7"


def _client(service: str, endpoint_url: str) -> Any:
    return boto3.session.Session().client(
        service,
        region_name="us-east-1",
        endpoint_url=endpoint_url,
        aws_access_key_id="a",
        aws_secret_access_key="b",
        config=Config(retries={"mode": "standard"}),
    )


def test_numbers_tags_and_quota_history_survive_a_restart(tmp_path: Path) -> None:
    state = tmp_path / "state.sqlite"
    settings = LocalServiceSettings(virtual_clock=True, claim_after_describes=1, release_delay=0)
    with spawn_local_service(state, settings) as first:
        connect = _client("connect", first.endpoint_url)
        instance = first.admin.create_instance("restart")
        kept_source, released_source = (first.admin.create_source_number() for _ in range(2))
        kept = connect.import_phone_number(
            InstanceId=instance["InstanceId"],
            SourcePhoneNumberArn=kept_source["PhoneNumberArn"],
            Tags={"team": "x"},
        )
        released = connect.import_phone_number(
            InstanceId=instance["InstanceId"],
            SourcePhoneNumberArn=released_source["PhoneNumberArn"],
        )
        connect.describe_phone_number(PhoneNumberId=released["PhoneNumberId"])
        connect.release_phone_number(PhoneNumberId=released["PhoneNumberId"])
        first.admin.advance_clock(3600)
        clock_before = first.admin.now()
        events_before = first.admin.quota_events()
    assert first.process is not None and first.process.returncode == 0
    with spawn_local_service(state, settings) as second:
        connect = _client("connect", second.endpoint_url)
        summary = connect.describe_phone_number(PhoneNumberId=kept["PhoneNumberId"])[
            "ClaimedPhoneNumberSummary"
        ]
        assert (summary["Tags"], summary["PhoneNumberStatus"]["Status"]) == (
            {"team": "x"},
            "CLAIMED",
        )
        assert second.admin.quota_events() == events_before
        assert [e["kind"] for e in events_before] == ["import", "import", "release"]
        assert second.admin.now() == clock_before


def test_cli_prints_its_endpoint_and_stops_cleanly_on_sigterm(tmp_path: Path) -> None:
    endpoint_file = tmp_path / "endpoint"
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "connect_local_service",
            "--port",
            "0",
            "--state",
            str(tmp_path / "s.sqlite"),
            "--endpoint-file",
            str(endpoint_file),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline().strip()
        assert line.startswith("connect local service listening on http://127.0.0.1:")
        url = line.rsplit(" ", 1)[1]
        assert endpoint_file.read_text().strip() == url
        assert _client("connect", url).list_instances()["InstanceSummaryList"] == []
    finally:
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=10) == 0


def test_seed_demo_creates_deterministic_ids_once(tmp_path: Path) -> None:
    state = tmp_path / "demo.sqlite"
    with spawn_local_service(state, LocalServiceSettings(seed_demo=True)) as running:
        instances = _client("connect", running.endpoint_url).list_instances()
        sources = _client("pinpoint-sms-voice-v2", running.endpoint_url).describe_phone_numbers()
    with spawn_local_service(state, LocalServiceSettings(seed_demo=True)) as again:
        sources_again = _client(
            "pinpoint-sms-voice-v2", again.endpoint_url
        ).describe_phone_numbers()
    [demo] = instances["InstanceSummaryList"]
    assert (demo["InstanceAlias"], demo["Id"]) == ("demo", DEMO_INSTANCE_ID)
    assert [s["PhoneNumber"] for s in sources["PhoneNumbers"]] == [
        "+18335550001",
        "+18335550002",
        "+18335550003",
    ]
    assert sources["PhoneNumbers"][0]["PhoneNumberId"] == "phone-8100ec4343e4389ab885e0761b153c13"
    assert all(s["Status"] == "ACTIVE" for s in sources["PhoneNumbers"])
    assert sources_again["PhoneNumbers"] == sources["PhoneNumbers"]
