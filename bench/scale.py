"""Parts 1, 3 and 4: `pulumi up` at scale, preview/refresh overhead and state weight.

Every measurement of ours runs beside the same measurement of the no-op stack, in one process
and one run, against one local service with Connect's default throttling.

Imports in flight are read from the service's request log: a number is in flight from its
ImportPhoneNumber until the last DescribePhoneNumber of it in the run (in `up`, the one that saw
it CLAIMED); the peak is the most numbers in flight at one instant. The upstream host's four
gRPC workers cap it at 4.
"""

from __future__ import annotations

import collections
import json
import time
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import Any

from connect_local_service.admin.client import AdminClient

from .bounds import import_bounds, refresh_bound
from .cli import BenchStack, Timed
from .settings import BenchSettings, Scenario

PROGRAMS = Path(__file__).resolve().parent / "programs"
NUMBER_TYPE = "pulumi-python:dynamic/connect_numbers:ImportedPhoneNumber"
NOOP_TYPE = "pulumi-python:dynamic:Resource"

Say = Callable[[str], None]


def call_stats(log: list[dict[str, Any]], n: int) -> dict[str, Any]:
    by_op = collections.Counter(str(e["operation"]) for e in log)
    throttled = collections.Counter(
        str(e["operation"]) for e in log if e.get("error_code") == "ThrottlingException"
    )
    other_errors = collections.Counter(
        f"{e['operation']}:{e.get('error_code')}"
        for e in log
        if e.get("error_code") not in (None, "ThrottlingException")
    )
    times = [float(e["time"]) for e in log if e.get("time") is not None]
    return {
        "calls": sum(by_op.values()),
        "calls_per_number": sum(by_op.values()) / n if n else 0.0,
        "per_number_by_operation": {op: c / n for op, c in sorted(by_op.items())} if n else {},
        "by_operation": dict(sorted(by_op.items())),
        "throttled": sum(throttled.values()),
        "throttled_by_operation": dict(sorted(throttled.items())),
        "other_error_answers": dict(sorted(other_errors.items())),
        "service_span_seconds": (max(times) - min(times)) if times else 0.0,
        # When each successful ImportPhoneNumber ran, from the first call: shows the concurrency.
        "import_offsets": [
            round(float(e["time"]) - min(times), 3)
            for e in log
            if e["operation"] == "ImportPhoneNumber" and e.get("error_code") is None
        ],
    }


def imports_in_flight(log: list[dict[str, Any]], numbers: list[dict[str, Any]]) -> int:
    """The most numbers between their ImportPhoneNumber and their last DescribePhoneNumber."""
    id_of_source = {str(n["SourcePhoneNumberArn"]): str(n["PhoneNumberId"]) for n in numbers}
    started: dict[str, float] = {}
    ended: dict[str, float] = {}
    for entry in log:
        if entry.get("error_code") is not None or entry.get("time") is None:
            continue
        params, at = entry.get("params") or {}, float(entry["time"])
        if entry["operation"] == "ImportPhoneNumber":
            number = id_of_source.get(str(params.get("SourcePhoneNumberArn")))
            if number is not None:
                started.setdefault(number, at)
        elif entry["operation"] == "DescribePhoneNumber":
            number = str(params.get("PhoneNumberId"))
            ended[number] = max(at, ended.get(number, at))
    changes = sorted(
        [(at, 1) for at in started.values()]
        + [(ended[n], -1) for n in started if n in ended and ended[n] >= started[n]]
    )
    peak = level = 0
    for _, change in changes:
        level += change
        peak = max(peak, level)
    return peak


def _resources(state: dict[str, Any], type_: str) -> list[dict[str, Any]]:
    deployment = state.get("deployment", {})
    return [r for r in deployment.get("resources", []) or [] if r.get("type") == type_]


def _surfaced(timed: Timed, created: int, n: int) -> dict[str, Any]:
    error_lines = [line for line in timed.output_tail.splitlines() if "error" in line.lower()]
    throttle_lines = [line for line in error_lines if "throttl" in line.lower()]
    return {
        "returncode": timed.returncode,
        "resources_missing": n - created,
        "errors_surfaced": max(n - created, 1 if timed.returncode else 0),
        "throttle_errors_surfaced": len(throttle_lines),
        "output_tail": timed.output_tail if timed.returncode else "",
    }


class ScaleBench:
    def __init__(
        self, settings: BenchSettings, admin: AdminClient, endpoint: str, root: Path, say: Say
    ) -> None:
        self.settings = settings
        self.admin = admin
        self.endpoint = endpoint
        self.root = root
        self.say = say
        self.instance_id = str(admin.create_instance("bench")["InstanceId"])
        self.stacks: dict[str, BenchStack] = {}

    def _pause(self) -> None:
        time.sleep(self.settings.settle_pause)

    def _noop_stack(self, name: str, n: int, parallel: int | None) -> BenchStack:
        stack = BenchStack(PROGRAMS / "noop", self.root, f"noop-{name}", parallel)
        stack.set_config({"bench-noop:count": n})
        return stack

    def _numbers_stack(self, name: str, n: int, parallel: int | None) -> BenchStack:
        stack = BenchStack(PROGRAMS / "numbers", self.root, f"numbers-{name}", parallel)
        sources = [str(self.admin.create_source_number()["PhoneNumberArn"]) for _ in range(n)]
        stack.set_config(
            {
                "aws:region": "us-east-1",
                "connect-numbers:endpoint": self.endpoint,
                "bench-numbers:instanceId": self.instance_id,
                "bench-numbers:sources": sources,
            }
        )
        return stack

    def _measure(self, stack: BenchStack, command: str) -> tuple[Timed, list[dict[str, Any]]]:
        self._pause()
        self.admin.clear_request_log()
        timed = stack.timed(command)
        return timed, self.admin.request_log()

    def import_at_scale(self, scenario: Scenario, cli_default_parallel: int) -> dict[str, Any]:
        n, name = scenario.n, scenario.name
        parallel = scenario.parallel or cli_default_parallel
        self.admin.set_timing(
            claim_delay=scenario.claim_delay, claim_jitter=self.settings.claim_jitter
        )
        noop = self._noop_stack(name, n, scenario.parallel)
        ours = self._numbers_stack(name, n, scenario.parallel)
        noop_up, _ = self._measure(noop, "up")
        self.say(f"  {name} no-op up: {noop_up.seconds:.1f} s (rc {noop_up.returncode})")
        if noop_up.returncode != 0:
            # The baseline calls nothing: its failure is the set-up's, and no result would hold.
            raise RuntimeError(
                f"the no-op stack failed, so the engine set-up is broken:\n{noop_up.output_tail}"
            )
        ours_up, log = self._measure(ours, "up")
        self.say(f"  {name} ours  up: {ours_up.seconds:.1f} s (rc {ours_up.returncode})")
        self.stacks[f"noop-{name}"] = noop
        self.stacks[f"numbers-{name}"] = ours
        created = len(_resources(ours.export(), NUMBER_TYPE))
        bounds = import_bounds(n, scenario.claim_delay, self.settings, parallel)
        overhead = ours_up.seconds - noop_up.seconds
        return {
            "scenario": name,
            "n": n,
            "claim_delay": scenario.claim_delay,
            "parallel": parallel,
            "parallel_is_cli_default": scenario.parallel is None,
            "ours_seconds": ours_up.seconds,
            "noop_seconds": noop_up.seconds,
            "overhead_seconds": overhead,
            "bounds": asdict(bounds),
            "ratio_to_service_bound": overhead / bounds.service_bound,
            "ratio_to_engine_bound": overhead / bounds.engine_bound,
            "calls": call_stats(log, n),
            "imports_in_flight_peak": imports_in_flight(log, self.admin.numbers()),
            "surfaced": _surfaced(ours_up, created, n),
            "peak_rss_mib_ours": ours_up.peak_kib / 1024,
            "peak_rss_mib_noop": noop_up.peak_kib / 1024,
            "peak_threads_ours": ours_up.peak_threads,
        }

    def plan_and_refresh(self, scenario: Scenario, repeats: int = 2) -> dict[str, Any]:
        n, name = scenario.n, scenario.name
        noop, ours = self.stacks[f"noop-{name}"], self.stacks[f"numbers-{name}"]
        result: dict[str, Any] = {"n": n, "scenario": name, "parallel": scenario.parallel}
        for command in ("preview", "refresh"):
            noop_times: list[float] = []
            ours_times: list[float] = []
            logs: list[list[dict[str, Any]]] = []
            rcs: list[int] = []
            # Preview is cheap and noisy: take the best of more runs than refresh.
            for _ in range(max(repeats, 5) if command == "preview" else repeats):
                t_noop, _ = self._measure(noop, command)
                t_ours, log = self._measure(ours, command)
                noop_times.append(t_noop.seconds)
                ours_times.append(t_ours.seconds)
                logs.append(log)
                rcs += [t_noop.returncode, t_ours.returncode]
            self.say(f"  {command} N={n}: ours {ours_times} no-op {noop_times}")
            result[command] = {
                "ours_seconds": min(ours_times),
                "noop_seconds": min(noop_times),
                "ours_all": ours_times,
                "noop_all": noop_times,
                "ratio": min(ours_times) / min(noop_times),
                "calls": call_stats(logs[-1], n),
                "max_calls_in_any_repeat": max(len(log) for log in logs),
                "returncodes": rcs,
            }
        result["refresh"]["describe_bound_seconds"] = refresh_bound(n, self.settings)
        return result

    def state_weight(self, scenario: Scenario) -> dict[str, Any]:
        n, name = scenario.n, scenario.name
        out: dict[str, Any] = {"n": n, "scenario": name}
        for label, key, type_ in (
            ("ours", f"numbers-{name}", NUMBER_TYPE),
            ("noop", f"noop-{name}", NOOP_TYPE),
        ):
            stack = self.stacks[key]
            state = stack.export()
            resources = _resources(state, type_)
            count = max(1, len(resources))
            providers = [
                str(r.get(part, {}).get("__provider", ""))
                for r in resources
                for part in ("inputs", "outputs")
            ]
            files = list((stack.root / "backend").rglob("bench.json"))
            out[label] = {
                "resources": len(resources),
                "export_bytes": len(json.dumps(state)),
                "state_file_bytes": sum(f.stat().st_size for f in files),
                "state_file_bytes_per_resource": sum(f.stat().st_size for f in files) / count,
                "resource_entry_bytes_per_resource": sum(
                    len(json.dumps(r, separators=(",", ":"))) for r in resources
                )
                / count,
                "provider_bytes_per_copy": max((len(x) for x in providers), default=0),
                "provider_copies_per_resource": sum(1 for x in providers if x) / count,
            }
        return out
