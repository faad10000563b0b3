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
)

# Module -> the test files (under tests/unit/provider) whose tests may kill its mutants.
MODULES: dict[str, tuple[str, ...]] = {
    "limits": ("test_input_limits.py",),
    "input_checks": (
        "test_check.py",
        "test_input_checks.py",
        "test_input_limits.py",
        "test_tag_key_rule.py",
        "test_regions.py",
    ),
    "tag_plan": ("test_tag_plan.py",),
    "waiter": ("test_waiter.py", "test_wait_reporting.py"),
    "input_diff": ("test_diff.py",),
    "input_spec": _SPEC_TESTS,
    "inputs": _SPEC_TESTS,
    "input_bags": _SPEC_TESTS,
    "ownership": (
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
        "input_checks",
        "tag_key_problem",
        'not in "LZN"',
        'not in "XXLZNXX"',
        "equivalent: a Unicode general category starts with L, M, N, P, S, Z or C, never X",
    ),
    Left(
        "input_checks",
        "_tag",
        "if is_unknown(value):",
        "if is_unknown(None):",
        "equivalent: the unknown sentinel is a 36-character string, so the value checks that "
        "run instead pass it too",
    ),
    Left(
        "waiter",
        "Backoff.ceiling",
        "if attempt >= 64:",
        "",
        "equivalent for every backoff the provider builds (factor 2): the guard only keeps "
        "factor**attempt from overflowing, and from attempt 2 on the formula gives the cap",
    ),
    Left(
        "input_spec",
        "InputSpec.differs",
        "if contains_unknown(new):",
        "if contains_unknown(None):",
        "equivalent: state never holds the unknown sentinel, so every input's comparison "
        "already finds an unknown value different; the early answer only skips it",
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


def _diff(folder: Path, name: str) -> tuple[str, str]:
    lines = _mutmut(folder, "show", name).splitlines()
    removed = [ln[1:] for ln in lines if ln.startswith("-") and not ln.startswith("---")]
    added = [ln[1:] for ln in lines if ln.startswith("+") and not ln.startswith("+++")]
    return " ".join(s.strip() for s in removed), " ".join(s.strip() for s in added)


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
    mutants = []
    for line in _mutmut(folder, "results", "--all", "true").splitlines():
        found = re.fullmatch(r"\s*(\S+): (.+)", line)
        if not found:
            continue
        name, status = found.groups()
        removed, added = ("", "") if status in ("killed", "timeout") else _diff(folder, name)
        mutants.append(Mutant(name, module, function_of(name), status, removed, added))
    return mutants, seconds


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
    dirty = subprocess.run(
        ["git", "status", "--porcelain", "--", *paths], cwd=ROOT, capture_output=True, text=True
    ).stdout.split()
    changed = sorted(p.rsplit("/", 1)[1] for p in dirty if p.endswith(".py"))
    suffix = f", with uncommitted changes to {', '.join(changed)}" if changed else ""
    return f"commit {head}{suffix}"


INTRO = """
Not part of CI or `scripts/test.sh`. Each module's mutants run only the unit tests listed for
it (files under `tests/unit/provider/`); of those, mutmut runs per mutant the tests that call
the mutated function. A mutant that makes the tests time out is detected, and counted as
killed. A surviving mutant is left only with a reason, given below; `scripts/mutation.py`
fails the run on a survivor without one, and on any survivor on a line that compares against
a limit (a line naming `maximum`, `limit` or `overflow`), whatever its reason.

mutmut mutates code inside functions and methods only. Module-level values (the limits
themselves in `limits.py`, the field declarations in `inputs.py`) are not mutated; the limits
are held to botocore's Connect model by
`test_each_limit_equals_the_maximum_in_botocores_connect_model`.
"""


def render(results: dict[str, tuple[list[Mutant], float]]) -> str:
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
    text = render(results)
    if argv:
        print(text)
    else:
        REPORT.write_text(text)
        print(f"wrote {REPORT.relative_to(ROOT)}")
    problems = [p for mutants, _ in results.values() for p in _problems(mutants)]
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
