"""The two front ends side by side: `python -m bench.front_ends` (see docs/benchmarks.md).

The provider plugin and the dynamic resource each import the same N numbers, one after the
other, in one run against one local service with Connect's default throttling, at `--parallel
64`: N=200 and N=1000 with a 2 s claim, N=100 with a 20 s claim. Reported per run: wall time,
the service bound (bench/bounds.py) and their ratio, calls per number, throttled answers, and
the peak RSS of the provider process and of the `pulumi` CLI. Writes front_ends.json and
front_ends.md to docs/benchmarks/.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from connect_local_service.admin.client import AdminClient
from tests.support.local_service import start_local_service

from .bounds import import_bounds
from .cli import BenchStack, Timed
from .run import RESULTS, cli_version, say
from .scale import PROGRAMS, call_stats
from .settings import USER_PARALLEL, BenchSettings, Scenario


@dataclass(frozen=True)
class FrontEnd:
    name: str
    program: str
    resource_type: str
    provider_process: bytes
    region_key: str


FRONT_ENDS = (
    FrontEnd(
        "plugin",
        "plugin_numbers",
        "connect-numbers:index:ImportedPhoneNumber",
        b"pulumi-resource-connect-numbers",
        "connect-numbers:region",
    ),
    FrontEnd(
        "dynamic",
        "numbers",
        "pulumi-python:dynamic/connect_numbers:ImportedPhoneNumber",
        b"pulumi.dynamic",
        "aws:region",
    ),
)
SCENARIOS = (
    Scenario(200, 2.0, USER_PARALLEL),
    Scenario(100, 20.0, USER_PARALLEL),
    Scenario(1000, 2.0, USER_PARALLEL),
)


def row(
    front_end: str,
    scenario: Scenario,
    timed: Timed,
    log: list[dict[str, Any]],
    created: int,
    service_bound: float,
) -> dict[str, Any]:
    """One measured `pulumi up`, as recorded in front_ends.json."""
    calls = call_stats(log, scenario.n)
    return {
        "front_end": front_end,
        "n": scenario.n,
        "claim_delay": scenario.claim_delay,
        "parallel": scenario.parallel,
        "returncode": timed.returncode,
        "created": created,
        "seconds": timed.seconds,
        "service_bound": service_bound,
        "ratio_to_service_bound": timed.seconds / service_bound,
        "calls_per_number": calls["calls_per_number"],
        "per_number_by_operation": calls["per_number_by_operation"],
        "throttled": calls["throttled"],
        "other_error_answers": calls["other_error_answers"],
        "peak_rss_mib_provider": timed.peak_kib / 1024,
        "peak_threads_provider": timed.peak_threads,
        "peak_rss_mib_cli": timed.cli_peak_kib / 1024,
        "output_tail": timed.output_tail if timed.returncode else "",
    }


def markdown(results: dict[str, Any]) -> str:
    lines = [
        "| front end | N | claim | wall s | service bound s | ratio | calls/number | throttled "
        "| provider peak RSS MiB | CLI peak RSS MiB | rc |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for r in results["runs"]:
        lines.append(
            f"| {r['front_end']} | {r['n']} | {r['claim_delay']:g} s | {r['seconds']:.1f} "
            f"| {r['service_bound']:.1f} | {r['ratio_to_service_bound']:.2f} "
            f"| {r['calls_per_number']:.2f} | {r['throttled']} "
            f"| {r['peak_rss_mib_provider']:.0f} | {r['peak_rss_mib_cli']:.0f} "
            f"| {r['returncode']} |"
        )
    env = results["environment"]
    lines += [
        "",
        f"{env['pulumi']}, Python {env['python']}, {env['cpus']} CPUs, `--parallel "
        f"{USER_PARALLEL}`, started {env['started']}, {env['total_seconds']:.0f} s in all.",
    ]
    return "\n".join(lines) + "\n"


class FrontEndBench:
    def __init__(self, settings: BenchSettings, admin: AdminClient, endpoint: str, root: Path):
        self.settings = settings
        self.admin = admin
        self.endpoint = endpoint
        self.root = root
        self.instance_id = str(admin.create_instance("bench")["InstanceId"])

    def up(self, front_end: FrontEnd, scenario: Scenario) -> dict[str, Any]:
        self.admin.set_timing(
            claim_delay=scenario.claim_delay, claim_jitter=self.settings.claim_jitter
        )
        stack = BenchStack(
            PROGRAMS / front_end.program,
            self.root,
            f"{front_end.name}-{scenario.name}",
            scenario.parallel,
            front_end.provider_process,
        )
        sources = [
            str(self.admin.create_source_number()["PhoneNumberArn"]) for _ in range(scenario.n)
        ]
        stack.set_config(
            {
                front_end.region_key: "us-east-1",
                "connect-numbers:endpoint": self.endpoint,
                "bench-numbers:instanceId": self.instance_id,
                "bench-numbers:sources": sources,
            }
        )
        time.sleep(self.settings.settle_pause)  # every token bucket full, as the bound assumes
        self.admin.clear_request_log()
        timed = stack.timed("up")
        log = self.admin.request_log()
        resources = stack.export().get("deployment", {}).get("resources", []) or []
        created = sum(1 for r in resources if r.get("type") == front_end.resource_type)
        bound = import_bounds(scenario.n, scenario.claim_delay, self.settings, USER_PARALLEL)
        return row(front_end.name, scenario, timed, log, created, bound.service_bound)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.front_ends", description=__doc__)
    parser.add_argument("--sizes", default="", help="only these N (e.g. 10,20), for a smoke run")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    sizes = {int(x) for x in args.sizes.split(",") if x.strip()}
    scenarios = [s for s in SCENARIOS if not sizes or s.n in sizes] or [
        Scenario(n, 2.0, USER_PARALLEL) for n in sorted(sizes)
    ]
    settings = BenchSettings(scenarios=tuple(scenarios))
    started = time.time()
    results: dict[str, Any] = {
        "environment": {
            "pulumi": cli_version(),
            "python": platform.python_version(),
            "machine": platform.platform(),
            "cpus": len(os.sched_getaffinity(0)),
            "started": time.strftime("%Y-%m-%dT%H:%M:%S%z", time.localtime(started)),
        },
        "settings": settings.as_json(),
        "runs": [],
    }
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="connect-numbers-front-ends-") as tmp:
        root = Path(tmp)
        service = start_local_service(root / "service.db", settings.local_service_args())
        try:
            admin = AdminClient(service.endpoint_url)
            bench = FrontEndBench(settings, admin, service.endpoint_url, root)
            for scenario in scenarios:
                for front_end in FRONT_ENDS:
                    say(f"{front_end.name} {scenario.name} ...")
                    result = bench.up(front_end, scenario)
                    say(
                        f"  {result['seconds']:.1f} s, ratio {result['ratio_to_service_bound']:.2f}"
                        f", rc {result['returncode']}, created {result['created']}"
                    )
                    results["runs"].append(result)
                    results["environment"]["total_seconds"] = time.time() - started
                    # Written after every run, so a long run's partial results are kept.
                    (args.out / "front_ends.json").write_text(
                        json.dumps(results, indent=2, sort_keys=True) + "\n"
                    )
                    (args.out / "front_ends.md").write_text(markdown(results))
        finally:
            service.stop()
    say(markdown(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
