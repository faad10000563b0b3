"""Results to a Markdown report (with the goals and their ratios) and a PNG plot."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def _ops(per_op: dict[str, float]) -> str:
    short = {"ImportPhoneNumber": "Import", "DescribePhoneNumber": "Describe"}
    return ", ".join(f"{short.get(op, op)} {v:.2f}" for op, v in per_op.items()) or "-"


def _scale_table(rows: list[dict[str, Any]]) -> list[str]:
    out = [
        "| N | ours (s) | no-op (s) | ours - no-op (s) | service bound (s) | ratio | "
        "engine bound (s) | API calls / number (by operation) | throttled (retried) | "
        "errors surfaced | peak RSS provider, ours / no-op (MiB) |",
        "|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|",
    ]
    for r in rows:
        c, s, b = r["calls"], r["surfaced"], r["bounds"]
        retried = c["throttled"] - s["throttle_errors_surfaced"]
        out.append(
            f"| {r['n']} | {r['ours_seconds']:.1f} | {r['noop_seconds']:.1f} | "
            f"{r['overhead_seconds']:.1f} | {b['service_bound']:.1f} | "
            f"{r['ratio_to_service_bound']:.2f} | {b['engine_bound']:.1f} | "
            f"{c['calls_per_number']:.2f} ({_ops(c['per_number_by_operation'])}) | "
            f"{c['throttled']} ({retried}) | {s['errors_surfaced']} | "
            f"{r['peak_rss_mib_ours']:.0f} / {r['peak_rss_mib_noop']:.0f} |"
        )
    return out


def _waiting_table(rows: list[dict[str, Any]]) -> list[str]:
    out = [
        "| policy | claim delays | mean detection delay (s) | p95 (s) | worst (s) | "
        "Describe calls / number (mean, worst) |",
        "|---|---|---:|---:|---:|---:|",
    ]
    for r in rows:
        out.append(
            f"| {r['policy']} | {r['band']} | {r['mean_delay']:.2f} | {r['p95_delay']:.2f} | "
            f"{r['worst_delay']:.2f} | {r['mean_calls']:.2f}, {r['worst_calls']} |"
        )
    return out


def _goal(name: str, target: str, measured: str, ratio: float | None, met: bool) -> str:
    ratio_text = "-" if ratio is None else f"{ratio:.2f}"
    return f"| {name} | {target} | {measured} | {ratio_text} | {'met' if met else 'NOT met'} |"


def goals(results: dict[str, Any]) -> list[str]:
    out = ["| goal | target | measured | ratio to target | verdict |", "|---|---|---|---:|---|"]
    scale = results.get("scale") or []
    big = max(scale, key=lambda r: r["n"]) if scale else None
    if big is not None:
        ratio = big["ratio_to_service_bound"]
        out.append(
            _goal(
                f"N={big['n']}: (ours - no-op) / service bound",
                "<= 1.25",
                f"{big['overhead_seconds']:.1f} s / {big['bounds']['service_bound']:.1f} s = "
                f"{ratio:.2f}",
                ratio / 1.25,
                ratio <= 1.25,
            )
        )
        calls = big["calls"]["calls_per_number"]
        out.append(
            _goal(
                f"N={big['n']}: API calls per number", "<= 3", f"{calls:.2f}", calls / 3, calls <= 3
            )
        )
        errors = big["surfaced"]["errors_surfaced"]
        out.append(_goal(f"N={big['n']}: errors surfaced", "0", str(errors), None, errors == 0))
    waits = {r["policy"]: r for r in results.get("waiting", []) if r["band"] == "all"}
    if waits:
        ours = waits["ours"]
        anchors = {
            k: v for k, v in waits.items() if k in ("terraform", "cloudformation-old", "aws-native")
        }
        best = min(anchors.values(), key=lambda r: r["mean_delay"])
        met = ours["mean_delay"] <= best["mean_delay"] and ours["mean_calls"] < best["mean_calls"]
        out.append(
            _goal(
                f"waiting: delay <= best anchor ({best['policy']}) with fewer calls",
                f"mean delay <= {best['mean_delay']:.2f} s, calls < {best['mean_calls']:.2f}",
                f"mean delay {ours['mean_delay']:.2f} s, calls {ours['mean_calls']:.2f}",
                ours["mean_delay"] / best["mean_delay"],
                met,
            )
        )
    plan = results.get("plan")
    if plan:
        prev = plan["preview"]
        out.append(
            _goal(
                f"preview N={plan['n']}: ours / no-op",
                "<= 1.2",
                f"{prev['ours_seconds']:.1f} s / {prev['noop_seconds']:.1f} s = "
                f"{prev['ratio']:.2f}",
                prev["ratio"] / 1.2,
                prev["ratio"] <= 1.2,
            )
        )
        calls = prev["max_calls_in_any_repeat"]
        out.append(_goal("preview: API calls", "0", str(calls), None, calls == 0))
    state = results.get("state")
    if state:
        size = state["ours"]["provider_bytes_per_copy"]
        out.append(
            _goal(
                "serialized provider per resource",
                "<= 200 bytes",
                f"{size} bytes (x{state['ours']['provider_copies_per_resource']:.0f} copies)",
                size / 200,
                size <= 200,
            )
        )
    return out


def markdown(results: dict[str, Any]) -> str:
    env, settings = results["environment"], results["settings"]
    throttles = ", ".join(
        f"{op} {t['rate']:g}/s burst {t['burst']:g}" for op, t in settings["throttles"].items()
    )
    lines = [
        "## Benchmark results",
        "",
        f"Run {env['started']}, {env['pulumi']}, Python {env['python']}, {env['cpus']} CPUs, "
        f"total {env['total_seconds']:.0f} s. Claim delay {settings['claim_delay']:g} s "
        f"+/- {settings.get('claim_jitter', 0.0):g} s (uniform), "
        f"release delay {settings['release_delay']:g} s. Throttles: {throttles}. "
        f"Pulumi `--parallel` {env['cli_parallel']}"
        f"{' (CLI default)' if env['cli_parallel_is_default'] else ''}; dynamic-provider host "
        f"gRPC workers {env['dynamic_host_grpc_workers']}. Waiter: {env['waiter']}.",
        "",
        "### Goals",
        "",
        *goals(results),
        "",
    ]
    if results.get("scale"):
        lines += ["### 1. `pulumi up` at scale", "", *_scale_table(results["scale"]), ""]
    lines += ["### 2. Waiting policy (virtual clock)", "", *_waiting_table(results["waiting"]), ""]
    plan = results.get("plan")
    if plan:
        lines += [
            f"### 3. Plan and refresh, N={plan['n']} (best of {len(plan['preview']['ours_all'])})",
            "",
            "| command | ours (s) | no-op (s) | ratio | API calls (by operation) | "
            "Describe bound (s) | exit codes (no-op, ours per repeat) |",
            "|---|---:|---:|---:|---|---:|---|",
        ]
        for command in ("preview", "refresh"):
            row = plan[command]
            bound = row.get("describe_bound_seconds")
            lines.append(
                f"| {command} | {row['ours_seconds']:.1f} | {row['noop_seconds']:.1f} | "
                f"{row['ratio']:.2f} | {row['calls']['calls']} "
                f"({_ops(row['calls']['by_operation'])}; throttled "
                f"{row['calls']['throttled']}) | {'-' if bound is None else f'{bound:.1f}'} | "
                f"{row['returncodes']} |"
            )
        lines.append("")
    state = results.get("state")
    if state:
        lines += [
            f"### 4. State weight, N={state['n']}",
            "",
            "| stack | state file bytes / resource | resource entry bytes | "
            "serialized provider bytes (copies per resource) |",
            "|---|---:|---:|---:|",
        ]
        for label in ("ours", "noop"):
            s = state[label]
            lines.append(
                f"| {label} | {s['state_file_bytes_per_resource']:.0f} | "
                f"{s['resource_entry_bytes_per_resource']:.0f} | "
                f"{s['provider_bytes_per_copy']} ({s['provider_copies_per_resource']:.0f}) |"
            )
        lines.append("")
    return "\n".join(lines)


def plot(results: dict[str, Any], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    rows = sorted(results["scale"], key=lambda r: r["n"])
    ns = [r["n"] for r in rows]
    fig, ax = plt.subplots(figsize=(7, 4.5), dpi=120)
    ax.plot(ns, [r["ours_seconds"] for r in rows], "o-", label="ours (pulumi up)")
    ax.plot(ns, [r["noop_seconds"] for r in rows], "s-", label="no-op baseline")
    ax.plot(
        ns,
        [r["noop_seconds"] + r["bounds"]["service_bound"] for r in rows],
        "^--",
        label="no-op + service lower bound",
    )
    ax.plot(ns, [r["bounds"]["service_bound"] for r in rows], "v:", label="service lower bound")
    ax.plot(
        ns,
        [r["noop_seconds"] + r["bounds"]["engine_bound"] for r in rows],
        "x:",
        label="no-op + engine bound (4 creates in flight)",
    )
    ax.plot(
        ns,
        [r["noop_seconds"] + 1.25 * r["bounds"]["service_bound"] for r in rows],
        "d-.",
        color="grey",
        label="goal: no-op + 1.25 x bound",
    )
    ax.set_xlabel("N imported numbers")
    ax.set_ylabel("wall time (s)")
    s = results["settings"]
    ax.set_title(f"pulumi up, claim delay {s['claim_delay']:g} s, Connect default throttling")
    ax.grid(alpha=0.3)
    ax.legend()
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


def main() -> None:
    """`python -m bench.report [results.json]`: redraw results.md and the PNG from the JSON."""
    import json
    import sys

    path = (
        Path(sys.argv[1])
        if len(sys.argv) > 1
        else Path(__file__).parent / "results" / ("results.json")
    )
    results = json.loads(path.read_text())
    (path.parent / "results.md").write_text(markdown(results))
    if results.get("scale"):
        plot(results, path.parent / "wall_time.png")
    print(markdown(results))


if __name__ == "__main__":
    main()
