"""Results to a Markdown report (goals with their ratios, before and after) and a PNG plot."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

BASELINE = Path(__file__).resolve().parent / "baseline.json"
GOAL_RATIO = 1.25
REFRESH_GOAL = 1.1
THROTTLED_SHARE_GOAL = 0.05
RSS_GOAL = 0.10


def baseline() -> dict[str, Any]:
    return dict(json.loads(BASELINE.read_text()))


def _ops(per_op: dict[str, float]) -> str:
    short = {"ImportPhoneNumber": "Import", "DescribePhoneNumber": "Describe"}
    return ", ".join(f"{short.get(op, op)} {v:.2f}" for op, v in per_op.items()) or "-"


def _parallel(row: dict[str, Any]) -> str:
    return (
        f"{row['parallel']} (CLI default)"
        if row.get("parallel_is_cli_default")
        else str(row["parallel"])
    )


def _share(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def _scale_table(rows: list[dict[str, Any]]) -> list[str]:
    out = [
        "| N | claim (s) | --parallel | ours (s) | no-op (s) | ours - no-op (s) | "
        "service bound (s) | ratio | API calls / number (by operation) | throttled (share) | "
        "errors surfaced | imports in flight, peak | provider threads, peak | "
        "peak RSS provider, ours / no-op (MiB) |",
        "|---:|---:|---|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        c, s, b = r["calls"], r["surfaced"], r["bounds"]
        out.append(
            f"| {r['n']} | {r['claim_delay']:g} | {_parallel(r)} | {r['ours_seconds']:.1f} | "
            f"{r['noop_seconds']:.1f} | {r['overhead_seconds']:.1f} | {b['service_bound']:.1f} | "
            f"{r['ratio_to_service_bound']:.2f} | "
            f"{c['calls_per_number']:.2f} ({_ops(c['per_number_by_operation'])}) | "
            f"{c['throttled']} ({_share(c['throttled'], c['calls']):.1%}) | "
            f"{s['errors_surfaced']} | {r['imports_in_flight_peak']} | {r['peak_threads_ours']} | "
            f"{r['peak_rss_mib_ours']:.0f} / {r['peak_rss_mib_noop']:.0f} |"
        )
    return out


def _before_after(rows: list[dict[str, Any]]) -> list[str]:
    before = {r["n"]: r for r in baseline()["scale"]}
    out = [
        "| N (claim 2 s) | before: ours - no-op (s) | before: ratio | after, --parallel 64: "
        "ours - no-op (s) | after: ratio | after / before | after, CLI default --parallel: "
        "ratio |",
        "|---:|---:|---:|---:|---:|---:|---:|",
    ]
    short = [r for r in rows if r["n"] in before and r["claim_delay"] == 2.0]
    for n in sorted({r["n"] for r in short}):
        old = before[n]
        user = [r for r in short if r["n"] == n and not r.get("parallel_is_cli_default")]
        default = [r for r in short if r["n"] == n and r.get("parallel_is_cli_default")]
        after = user[0] if user else None
        out.append(
            f"| {n} | {old['overhead_seconds']:.1f} | {old['ratio']:.2f} | "
            + (
                f"{after['overhead_seconds']:.1f} | {after['ratio_to_service_bound']:.2f} | "
                f"{after['overhead_seconds'] / old['overhead_seconds']:.2f} | "
                if after
                else "- | - | - | "
            )
            + (f"{default[0]['ratio_to_service_bound']:.2f} |" if default else "- |")
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


def _user_rows(results: dict[str, Any]) -> list[dict[str, Any]]:
    return [r for r in results.get("scale") or [] if not r.get("parallel_is_cli_default")]


def _goal_rows(results: dict[str, Any]) -> list[dict[str, Any]]:
    """The scenarios the ratio goals name: the largest N of each claim delay, --parallel 64."""
    largest: dict[float, dict[str, Any]] = {}
    for r in _user_rows(results):
        if r["claim_delay"] not in largest or r["n"] > largest[r["claim_delay"]]["n"]:
            largest[r["claim_delay"]] = r
    return [largest[d] for d in sorted(largest)]


def _scale_goals(results: dict[str, Any]) -> list[str]:
    out = []
    for r in _goal_rows(results):
        label = f"N={r['n']}, claim {r['claim_delay']:g} s"
        ratio = r["ratio_to_service_bound"]
        out.append(
            _goal(
                f"{label}: (ours - no-op) / service bound",
                f"<= {GOAL_RATIO}",
                f"{r['overhead_seconds']:.1f} s / {r['bounds']['service_bound']:.1f} s = "
                f"{ratio:.2f}",
                ratio / GOAL_RATIO,
                ratio <= GOAL_RATIO,
            )
        )
        calls = r["calls"]["calls_per_number"]
        out.append(
            _goal(f"{label}: API calls per number", "<= 3", f"{calls:.2f}", calls / 3, calls <= 3)
        )
        c = r["calls"]
        share = _share(c["throttled"], c["calls"])
        out.append(
            _goal(
                f"{label}: throttled answers / all calls",
                f"<= {THROTTLED_SHARE_GOAL:.0%}",
                f"{c['throttled']} / {c['calls']} = {share:.1%}",
                share / THROTTLED_SHARE_GOAL,
                share <= THROTTLED_SHARE_GOAL,
            )
        )
    rows = results.get("scale") or []
    if rows:
        errors = sum(r["surfaced"]["errors_surfaced"] for r in rows)
        out.append(_goal("errors surfaced, every scenario", "0", str(errors), None, errors == 0))
    short = sorted(
        (r for r in _user_rows(results) if r["claim_delay"] == min(x["claim_delay"] for x in rows)),
        key=lambda r: r["n"],
    )
    if len(short) >= 2:
        small, big = short[0], short[-1]
        change = big["peak_rss_mib_ours"] / small["peak_rss_mib_ours"] - 1
        out.append(
            _goal(
                f"provider peak RSS flat in N: N={big['n']} against N={small['n']}",
                f"within {RSS_GOAL:.0%}",
                f"{big['peak_rss_mib_ours']:.0f} / {small['peak_rss_mib_ours']:.0f} MiB "
                f"({change:+.1%})",
                abs(change) / RSS_GOAL,
                abs(change) <= RSS_GOAL,
            )
        )
    return out


def goals(results: dict[str, Any]) -> list[str]:
    out = ["| goal | target | measured | ratio to target | verdict |", "|---|---|---|---:|---|"]
    out += _scale_goals(results)
    plan = results.get("plan")
    if plan:
        refresh = plan["refresh"]
        bound = refresh["describe_bound_seconds"]
        ratio = refresh["ours_seconds"] / bound
        out.append(
            _goal(
                f"refresh N={plan['n']}: ours / Describe bound",
                f"<= {REFRESH_GOAL}",
                f"{refresh['ours_seconds']:.1f} s / {bound:.1f} s = {ratio:.2f}",
                ratio / REFRESH_GOAL,
                ratio <= REFRESH_GOAL,
            )
        )
        c = refresh["calls"]
        share = _share(c["throttled"], c["calls"])
        out.append(
            _goal(
                f"refresh N={plan['n']}: throttled answers / all calls",
                f"<= {THROTTLED_SHARE_GOAL:.0%}",
                f"{c['throttled']} / {c['calls']} = {share:.1%}",
                share / THROTTLED_SHARE_GOAL,
                share <= THROTTLED_SHARE_GOAL,
            )
        )
    waits = {r["policy"]: r for r in results.get("waiting", []) if r["band"] == "all"}
    if waits:
        ours, tf = waits["ours"], waits["terraform"]
        met = ours["mean_delay"] < tf["mean_delay"] and ours["mean_calls"] < tf["mean_calls"]
        out.append(
            _goal(
                "waiting simulation: beats Terraform on mean delay and Describe calls",
                f"delay < {tf['mean_delay']:.2f} s, calls < {tf['mean_calls']:.2f}",
                f"delay {ours['mean_delay']:.2f} s, calls {ours['mean_calls']:.2f}",
                max(ours["mean_delay"] / tf["mean_delay"], ours["mean_calls"] / tf["mean_calls"]),
                met,
            )
        )
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


def _header(results: dict[str, Any]) -> list[str]:
    env, settings = results["environment"], results["settings"]
    rules = {f"{t['rate']:g}/s burst {t['burst']:g}" for t in settings["throttles"].values()}
    throttles = (
        f"every phone-number operation {next(iter(rules))}"
        if len(rules) == 1
        else ", ".join(
            f"{op} {t['rate']:g}/s burst {t['burst']:g}" for op, t in settings["throttles"].items()
        )
    )
    return [
        f"Run {env['started']}, {env['pulumi']}, Python {env['python']}, {env['cpus']} CPUs, "
        f"total {env['total_seconds']:.0f} s. Claims vary by +/- {settings['claim_jitter']:g} s "
        f"(uniform); release delay {settings['release_delay']:g} s. Throttles: {throttles}. "
        f"Pulumi `--parallel` {env['cli_parallel']} unless marked (CLI default "
        f"{env['cli_default_parallel']}); the dynamic-provider host's gRPC pool of "
        f"{env['dynamic_host_grpc_workers']} workers widened by the provider to "
        f"{env['provider_host_workers']}. Waiter before the first claim: {env['waiter']}.",
    ]


def markdown(results: dict[str, Any]) -> str:
    lines = ["## Benchmark results", "", *_header(results), ""]
    lines += ["### Goals", "", *goals(results), ""]
    if results.get("scale"):
        old = baseline()
        lines += [
            "### Before and after",
            "",
            f"Before: {old['about']}",
            "",
            *_before_after(results["scale"]),
            "",
            "### 1. `pulumi up` at scale",
            "",
            *_scale_table(results["scale"]),
            "",
        ]
    lines += ["### 2. Waiting policy (virtual clock)", "", *_waiting_table(results["waiting"]), ""]
    plan = results.get("plan")
    if plan:
        lines += [
            f"### 3. Plan and refresh, N={plan['n']} (preview best of "
            f"{len(plan['preview']['ours_all'])}, refresh best of "
            f"{len(plan['refresh']['ours_all'])})",
            "",
            "| command | ours (s) | no-op (s) | ratio | API calls (by operation) | "
            "Describe bound (s) | ours / bound | exit codes (no-op, ours per repeat) |",
            "|---|---:|---:|---:|---|---:|---:|---|",
        ]
        for command in ("preview", "refresh"):
            row = plan[command]
            bound = row.get("describe_bound_seconds")
            to_bound = "-" if bound is None else f"{row['ours_seconds'] / bound:.2f}"
            lines.append(
                f"| {command} | {row['ours_seconds']:.1f} | {row['noop_seconds']:.1f} | "
                f"{row['ratio']:.2f} | {row['calls']['calls']} "
                f"({_ops(row['calls']['by_operation'])}; throttled "
                f"{row['calls']['throttled']}) | {'-' if bound is None else f'{bound:.1f}'} | "
                f"{to_bound} | "
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


def _lines(
    ax: Any, user: list[dict[str, Any]], default: list[dict[str, Any]], old: list[dict[str, Any]]
) -> None:
    ns = [r["n"] for r in user]
    ax.plot(ns, [r["ours_seconds"] for r in user], "o-", label="ours, --parallel 64 (after)")
    ax.plot(ns, [r["noop_seconds"] for r in user], "s-", label="no-op baseline")
    bound = [r["noop_seconds"] + r["bounds"]["service_bound"] for r in user]
    ax.plot(ns, bound, "^--", label="no-op + service lower bound")
    goal = [r["noop_seconds"] + GOAL_RATIO * r["bounds"]["service_bound"] for r in user]
    ax.plot(ns, goal, "d-.", color="grey", label=f"goal: no-op + {GOAL_RATIO} x bound")
    if default:
        ax.plot(
            [r["n"] for r in default],
            [r["ours_seconds"] for r in default],
            "P",
            markersize=10,
            label=f"ours, CLI default --parallel {default[0]['parallel']} (after)",
        )
    if old:
        ax.plot(
            [r["n"] for r in old],
            [r["ours_seconds"] for r in old],
            "x:",
            color="red",
            label="ours before (4 host workers, --parallel 8)",
        )
    ax.set_xlabel("N imported numbers")
    ax.set_ylabel("pulumi up wall time (s)")


def _bars(ax: Any, row: dict[str, Any]) -> None:
    """One N: the same quantities as bars."""
    bound = row["bounds"]["service_bound"]
    labels = ["no-op", "no-op + bound", "ours (after)", f"goal ({GOAL_RATIO} x bound)"]
    values = [
        row["noop_seconds"],
        row["noop_seconds"] + bound,
        row["ours_seconds"],
        row["noop_seconds"] + GOAL_RATIO * bound,
    ]
    colors = ["tab:orange", "tab:green", "tab:blue", "grey"]
    ax.bar(labels, values, color=colors, label=f"N={row['n']}, --parallel {row['parallel']}")
    for x, value in enumerate(values):
        ax.text(x, value, f"{value:.1f} s", ha="center", va="bottom", fontsize=8)
    ax.set_ylabel("pulumi up wall time (s)")


def plot(results: dict[str, Any], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    rows = results["scale"]
    delays = sorted({r["claim_delay"] for r in rows})
    fig, axes = plt.subplots(1, len(delays), figsize=(6.5 * len(delays), 4.5), dpi=110)
    axes = axes if len(delays) > 1 else [axes]
    old = sorted(baseline()["scale"], key=lambda r: r["n"])
    for ax, delay in zip(axes, delays, strict=True):
        user = sorted(
            (r for r in rows if r["claim_delay"] == delay and not r.get("parallel_is_cli_default")),
            key=lambda r: r["n"],
        )
        default = [
            r for r in rows if r["claim_delay"] == delay and r.get("parallel_is_cli_default")
        ]
        if len(user) == 1 and not default:
            _bars(ax, user[0])
        else:
            _lines(ax, user, default, old if delay == 2.0 else [])
        ax.set_title(f"claim {delay:g} s +/- {results['settings']['claim_jitter']:g} s")
        ax.grid(alpha=0.3)
        ax.legend(fontsize=8)
    fig.suptitle("pulumi up against Connect's default throttling (2/s, burst 5 per operation)")
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


def main() -> None:
    """`python -m bench.report [results.json]`: redraw results.md and the PNG from the JSON."""
    import sys

    default = Path(__file__).resolve().parents[1] / "docs" / "benchmarks" / "results.json"
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else default
    results = json.loads(path.read_text())
    (path.parent / "results.md").write_text(markdown(results))
    if results.get("scale"):
        plot(results, path.parent / "wall_time.png")
    print(markdown(results))


if __name__ == "__main__":
    main()
