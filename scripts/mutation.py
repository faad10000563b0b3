"""Run mutmut over the provider's pure modules, one module at a time, and write the report.

Why one module at a time: each module's mutants run only the unit tests that specify that
module (MODULES below), so a surviving mutant means those tests miss something, not that some
distant test happens to notice. mutmut expects the package under `src/`, so every module gets
a working folder in .mutation/ whose `src` links to `provider/`; mutmut copies it from there
and never writes to the sources.

A surviving mutant is left only with a reason: prose in a message (recognised below), or an
entry in LEFT. A survivor on a line that compares against a limit fails the run whatever it
says, and so does a survivor without a reason.

Usage (through scripts/mutation.sh, which installs mutmut): no arguments runs every module and
rewrites docs/mutation-report.md; module names run only those and print their results.
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import sys
import time
import tokenize
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORK = ROOT / ".mutation"
REPORT = ROOT / "docs" / "mutation-report.md"
COMMAND = "scripts/mutation.sh"
UNIT = "tests/unit/provider"

# The unit tests that specify the input spec, read by the three spec modules.
_SPEC_TESTS = (
    "test_input_spec.py",
    "test_check.py",
    "test_diff.py",
    "test_read.py",
    "test_stack_config.py",
    "test_regions.py",
    "test_targets.py",
)

# Module -> the test files (under tests/unit/provider) whose tests may kill its mutants.
MODULES: dict[str, tuple[str, ...]] = {
    "inputs/limits": ("test_input_limits.py",),
    "inputs/checks": (
        "test_check.py",
        "test_input_checks.py",
        "test_input_limits.py",
        "test_tag_key_rule.py",
        "test_regions.py",
        "test_targets.py",
    ),
    "workflows/tag_plan": ("test_tag_plan.py",),
    "pacing/waiter": ("test_waiter.py", "test_wait_reporting.py"),
    "inputs/diff": ("test_diff.py",),
    "inputs/declaration": _SPEC_TESTS,
    "inputs/spec": _SPEC_TESTS,
    "inputs/bags": _SPEC_TESTS,
    "workflows/ownership": (
        "test_ownership.py",
        "test_owner_generation.py",
        "test_owner_tags_without_generation.py",
        "test_recorded_owner.py",
        "test_user_tags.py",
    ),
}

# Names on a line that make it a limit line: no mutant of such a line may survive.
LIMIT_NAMES = frozenset({"maximum", "limit", "overflow"})


@dataclass(frozen=True)
class Left:
    """A surviving mutant left on purpose: in `function`, `original` became `mutated`."""

    module: str
    function: str
    original: str
    mutated: str
    why: str


LEFT: tuple[Left, ...] = (
    Left(
        "inputs/checks",
        "tag_key_problem",
        'not in "LZN"',
        'not in "XXLZNXX"',
        "equivalent: a Unicode general category starts with L, M, N, P, S, Z or C, never X",
    ),
    Left(
        "inputs/checks",
        "_tag",
        "if is_unknown(value):",
        "if is_unknown(None):",
        "equivalent: the unknown sentinel is a 36-character string, so the value checks that "
        "run instead pass it too",
    ),
    Left(
        "pacing/waiter",
        "Backoff.ceiling",
        "if attempt >= 64:",
        "",
        "equivalent for every backoff the provider builds (factor 2, first delay at least 1 s): "
        "the guard only keeps factor**attempt from overflowing, and the formula reaches the cap "
        "long before attempt 64",
    ),
    Left(
        "inputs/declaration",
        "InputSpec.differs",
        "if contains_unknown(new):",
        "if contains_unknown(None):",
        "equivalent: state never holds the unknown sentinel, so every input's comparison "
        "already finds an unknown value different; the early answer only skips it",
    ),
)


@dataclass(frozen=True)
class HandMutant:
    """A mutant mutmut cannot make (a module-level value, a property), made by replacing
    `original` once in `module`'s source; it must make the module's tests fail."""

    module: str
    original: str
    mutated: str


def _limit_raised(subject: str, maximum: str) -> HandMutant:
    declared = f'"{subject}",\n    {maximum},'
    return HandMutant("inputs/limits", declared, declared.replace(f"{maximum},", f"{maximum} + 1,"))


HAND_MUTANTS: tuple[HandMutant, ...] = (
    _limit_raised("instance id", "100"),
    _limit_raised("description", "500"),
    _limit_raised("tags on a number", "50"),
    _limit_raised("tag key", "128"),
    _limit_raised("tag value", "256"),
    _limit_raised("ClientToken", "500"),
    HandMutant("inputs/limits", 'Limit("wait", 24 * 3600,', 'Limit("wait", 24 * 3600 + 1,'),
    HandMutant("inputs/limits", "TAGS_PER_NUMBER.maximum - 1,", "TAGS_PER_NUMBER.maximum,"),
    HandMutant(
        "workflows/ownership",
        "TAG_VALUE_LENGTH.maximum - len(suffix)",
        "TAG_VALUE_LENGTH.maximum - len(suffix) + 1",
    ),
    HandMutant(
        "workflows/ownership",
        "TAG_VALUE_LENGTH.maximum - len(suffix)",
        "TAG_VALUE_LENGTH.maximum - len(suffix) - 1",
    ),
    HandMutant(
        "workflows/ownership",
        "        if not self.generation:\n            return self.resource",
        "        if self.generation:\n            return self.resource",
    ),
)


@dataclass(frozen=True)
class Mutant:
    name: str
    module: str
    function: str
    status: str
    removed: str
    added: str

    @property
    def killed(self) -> bool:
        return self.status in ("killed", "timeout")


def function_of(name: str) -> str:
    """`connect_numbers.m.xǁClassǁmethod__mutmut_3` -> `Class.method`; `x_f__mutmut_1` -> `f`."""
    tail = name.rsplit(".", 1)[1].rsplit("__mutmut_", 1)[0]
    if tail.startswith("xǁ"):
        return ".".join(part for part in tail[2:].split("ǁ") if part)
    return tail[2:]


def _tokens(line: str) -> list[tokenize.TokenInfo]:
    found: list[tokenize.TokenInfo] = []
    try:
        for token in tokenize.generate_tokens(io.StringIO(line.strip() + "\n").readline):
            found.append(token)
    except (tokenize.TokenError, IndentationError, SyntaxError):
        pass  # a line of a longer statement: the tokens before the error are enough
    return [t for t in found if t.type not in (tokenize.NEWLINE, tokenize.NL, tokenize.ENDMARKER)]


# A name a message quotes (source_phone_number_arn, connect_numbers.ImportedPhoneNumber): a
# mutant that changes one is not mere wording.
_IDENTIFIER = re.compile(r"[A-Za-z]\w*(?:[_.]\w+)+")


def is_message_text(removed: str, added: str) -> bool:
    """Only the wording of prose changed: string literals holding a space (messages, not keys),
    with every name they quote still there."""
    old, new = _tokens(removed), _tokens(added)
    if not old or len(old) != len(new):
        return False
    changed = [(a, b) for a, b in zip(old, new, strict=True) if a.string != b.string]
    return bool(changed) and all(
        a.type == b.type == tokenize.STRING
        and " " in a.string
        and all(name in b.string for name in _IDENTIFIER.findall(a.string))
        for a, b in changed
    )


def is_limit_line(line: str) -> bool:
    names = {t.string for t in _tokens(line) if t.type == tokenize.NAME}
    return bool(names & LIMIT_NAMES)


def reason_for(mutant: Mutant) -> str | None:
    for left in LEFT:
        if (
            left.module == mutant.module
            and left.function == mutant.function
            and left.original in mutant.removed
            and left.mutated in mutant.added
        ):
            return left.why
    if mutant.status == "survived" and is_message_text(mutant.removed, mutant.added):
        return "message text: the wording of a message, not what it names"
    return None


def _setup_cfg(module: str) -> str:
    missing = [name for name in MODULES[module] if not (ROOT / UNIT / name).exists()]
    if missing:
        raise SystemExit(f"{module}: test file(s) {missing} not found under {UNIT}")
    tests = "".join(f"\n    {UNIT}/{name}" for name in MODULES[module])
    return (
        "[mutmut]\n"
        "source_paths = src/connect_numbers\n"
        f"only_mutate = src/connect_numbers/{module}.py\n"
        f"pytest_add_cli_args_test_selection ={tests}\n"
        "pytest_add_cli_args = -pno:cacheprovider\n"
        "also_copy = tools\n"
        "use_git_change_detection = false\n"
    )


def prepare(module: str) -> Path:
    folder = WORK / module
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for name, target in (
        ("src", "provider"),
        ("tests", "tests"),
        ("tools", "tools"),
        ("pyproject.toml", "pyproject.toml"),
    ):
        os.symlink(os.path.relpath(ROOT / target, folder), folder / name)
    (folder / "setup.cfg").write_text(_setup_cfg(module))
    return folder


def _mutmut(folder: Path, *args: str) -> str:
    done = subprocess.run(
        ["mutmut", *args], cwd=folder, capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        sys.stderr.write(done.stdout[-4000:] + done.stderr[-4000:])
        raise SystemExit(f"mutmut {' '.join(args)} failed for {folder.name}")
    return done.stdout


# mutmut's own diff of each mutant against the original function (what `mutmut show` prints),
# for all mutants of a module in one process.
_DIFFS = """
import json, sys
from mutmut.__main__ import find_mutant
from mutmut.mutation.diff_apply import get_diff_for_mutant
names = json.load(sys.stdin)
path = find_mutant(names[0]).path if names else None
print(json.dumps({name: get_diff_for_mutant(name, path=path) for name in names}))
"""


def _changed_lines(diff: str) -> tuple[str, str]:
    lines = diff.splitlines()
    removed = [ln[1:] for ln in lines if ln.startswith("-") and not ln.startswith("---")]
    added = [ln[1:] for ln in lines if ln.startswith("+") and not ln.startswith("+++")]
    return " ".join(s.strip() for s in removed), " ".join(s.strip() for s in added)


def _diffs(folder: Path, names: list[str]) -> dict[str, tuple[str, str]]:
    done = subprocess.run(
        [sys.executable, "-c", _DIFFS],
        cwd=folder,
        input=json.dumps(names),
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        sys.stderr.write(done.stderr[-4000:])
        raise SystemExit(f"reading the mutants of {folder.name} failed")
    return {name: _changed_lines(diff) for name, diff in json.loads(done.stdout).items()}


def run(module: str) -> tuple[list[Mutant], float]:
    folder = prepare(module)
    started = time.monotonic()
    log = folder / "run.log"
    with log.open("w") as out:
        done = subprocess.run(
            ["mutmut", "run", "--max-children", "1"], cwd=folder, stdout=out, stderr=out
        )
    seconds = time.monotonic() - started
    if done.returncode != 0:
        sys.stderr.write(log.read_text()[-4000:])
        raise SystemExit(f"mutmut run failed for {module} (log: {log})")
    statuses = {}
    for line in _mutmut(folder, "results", "--all", "true").splitlines():
        found = re.fullmatch(r"\s*(\S+): (.+)", line)
        if found:
            statuses[found.group(1)] = found.group(2)
    diffs = _diffs(folder, list(statuses))
    mutants = [
        Mutant(name, module, function_of(name), status, *diffs[name])
        for name, status in statuses.items()
    ]
    return mutants, seconds


def run_by_hand(modules: list[str]) -> list[tuple[HandMutant, bool]]:
    """Each hand mutant in a copy of the package that the tests import instead of `provider/`."""
    copy = WORK / "by-hand"
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(ROOT / "provider" / "connect_numbers", copy / "connect_numbers")
    env = {**os.environ, "PYTHONPATH": str(copy)}

    def tests_pass(module: str) -> bool:
        tests = [f"{UNIT}/{name}" for name in MODULES[module]]
        command = [sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider", *tests]
        return subprocess.run(command, cwd=ROOT, env=env, capture_output=True).returncode == 0

    imported = subprocess.run(
        [sys.executable, "-c", "import connect_numbers; print(connect_numbers.__file__)"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    if not imported.startswith(str(copy)):
        raise SystemExit(f"the tests would import {imported.strip()}, not the copy")
    results = []
    for module in modules:
        source = copy / "connect_numbers" / f"{module}.py"
        original = source.read_text()
        if not tests_pass(module):
            raise SystemExit(f"{module}: its tests fail on the unmutated copy")
        for mutant in (m for m in HAND_MUTANTS if m.module == module):
            if original.count(mutant.original) != 1:
                raise SystemExit(f"{module}: hand mutant no longer matches: {mutant.original!r}")
            source.write_text(original.replace(mutant.original, mutant.mutated))
            results.append((mutant, not tests_pass(module)))
            source.write_text(original)
    return results


def _cell(text: str) -> str:
    return "`" + text.replace("|", "\\|").replace("`", "'") + "`" if text else ""


def _problems(mutants: list[Mutant]) -> list[str]:
    problems = []
    for m in mutants:
        if m.killed:
            continue
        if is_limit_line(m.removed):
            problems.append(f"LIMIT LINE NOT KILLED: {m.name}: {m.removed} -> {m.added}")
        elif reason_for(m) is None:
            problems.append(f"NO REASON: {m.name} ({m.status}): {m.removed} -> {m.added}")
    return problems


def _source_state() -> str:
    head = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    paths = [f"provider/connect_numbers/{m}.py" for m in MODULES]
    paths += sorted({f"{UNIT}/{name}" for names in MODULES.values() for name in names})
    dirty = subprocess.run(
        ["git", "status", "--porcelain", "--", *paths], cwd=ROOT, capture_output=True, text=True
    ).stdout.split()
    changed = sorted({p.rsplit("/", 1)[1] for p in dirty if p.endswith(".py")})
    suffix = f", with uncommitted changes to {', '.join(changed)}" if changed else ""
    return f"commit {head}{suffix}"


INTRO = """
Run `scripts/mutation.sh` from the repository root to rewrite this report (about two minutes);
`scripts/mutation.sh waiter` runs one module and prints its part. Not part of CI or
`scripts/test.sh`; the script installs its pinned mutmut into `.venv` on first use (it is not
in `requirements-dev.txt`).

Each module's mutants run only the unit tests listed for it (files under
`tests/unit/provider/`); of those, mutmut runs per mutant the tests that call the mutated
function. A mutant that makes the tests time out is detected, and is
counted as killed. A surviving mutant is left only with a reason, given below;
`scripts/mutation.py` fails the run on a survivor without one, and on any survivor on a line
that compares against a limit (a line naming `maximum`, `limit` or `overflow`), whatever its
reason.

mutmut mutates the bodies of undecorated functions and methods only. What it cannot reach
and that decides a limit, namely the limits themselves in `limits.py` and the property
`Owner.tag` in `ownership.py`, is mutated by hand (`HAND_MUTANTS` in the script) in a copy of
the package, and each hand mutant must fail the module's tests too. The field declarations in
`inputs.py` (their lambdas included) are not mutated; `test_input_spec` and `test_read` cover
them.
"""


def render(
    results: dict[str, tuple[list[Mutant], float]], by_hand: list[tuple[HandMutant, bool]]
) -> str:
    out = [
        "# Mutation testing report",
        "",
        f"Produced by `{COMMAND}` (mutmut {metadata.version('mutmut')}, one worker), at "
        f"{_source_state()}.",
        "",
        *INTRO.strip().splitlines(),
        "",
        "| Module | Mutants | Killed | Surviving | Seconds | Tests run |",
        "|---|---:|---:|---:|---:|---|",
    ]
    totals = [0, 0, 0]
    for module, (mutants, seconds) in results.items():
        killed = sum(m.killed for m in mutants)
        row = [len(mutants), killed, len(mutants) - killed]
        totals = [a + b for a, b in zip(totals, row, strict=True)]
        tests = ", ".join(name.removesuffix(".py") for name in MODULES[module])
        out.append(f"| `{module}.py` | {row[0]} | {row[1]} | {row[2]} | {seconds:.0f} | {tests} |")
    out.append(f"| **all** | **{totals[0]}** | **{totals[1]}** | **{totals[2]}** | | |")
    out += [
        "",
        "## Mutants of the lines that compare against a limit",
        "",
        "| Module | Line | Mutants | Killed |",
        "|---|---|---:|---:|",
    ]
    for module, (mutants, _) in results.items():
        by_line: dict[str, list[Mutant]] = {}
        for m in mutants:
            if is_limit_line(m.removed):
                by_line.setdefault(m.removed, []).append(m)
        for line, group in by_line.items():
            killed = sum(m.killed for m in group)
            out.append(f"| `{module}.py` | {_cell(line)} | {len(group)} | {killed} |")
    out += [
        "",
        "## Mutants made by hand",
        "",
        "| Module | Original | Mutated | Killed |",
        "|---|---|---|---|",
    ]
    for mutant, killed in by_hand:
        original, mutated = (" ".join(t.split()) for t in (mutant.original, mutant.mutated))
        verdict = "yes" if killed else "**NO**"
        out.append(f"| `{mutant.module}.py` | {_cell(original)} | {_cell(mutated)} | {verdict} |")
    out += ["", "## Surviving mutants and why they are left", ""]
    for module, (mutants, _) in results.items():
        left = [m for m in mutants if not m.killed]
        if not left:
            continue
        out += [f"### `{module}.py`", "", "| Mutant | Original | Mutated | Why |"]
        out.append("|---|---|---|---|")
        for m in left:
            why = reason_for(m) or "NO REASON"
            short = m.name.rsplit(".", 1)[1]
            if m.status != "survived":
                why = f"({m.status}) {why}"
            out.append(f"| {_cell(short)} | {_cell(m.removed)} | {_cell(m.added)} | {why} |")
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def main(argv: list[str]) -> int:
    unknown = [name for name in argv if name not in MODULES]
    if unknown:
        raise SystemExit(f"unknown module(s) {unknown}; choose from {', '.join(MODULES)}")
    modules = argv or list(MODULES)
    results: dict[str, tuple[list[Mutant], float]] = {}
    for module in modules:
        print(f"== {module}: mutating, then running {len(MODULES[module])} test file(s)")
        results[module] = run(module)
        mutants = results[module][0]
        killed = sum(m.killed for m in mutants)
        print(f"   {len(mutants)} mutants, {killed} killed, {len(mutants) - killed} surviving")
    print("== by hand: what mutmut does not mutate")
    by_hand = run_by_hand([m for m in modules if any(h.module == m for h in HAND_MUTANTS)])
    print(f"   {len(by_hand)} mutants, {sum(k for _, k in by_hand)} killed")
    text = render(results, by_hand)
    if argv:
        print(text)
    else:
        REPORT.write_text(text)
        print(f"wrote {REPORT.relative_to(ROOT)}")
    problems = [p for mutants, _ in results.values() for p in _problems(mutants)]
    problems += [f"HAND MUTANT NOT KILLED: {m}" for m, killed in by_hand if not killed]
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
