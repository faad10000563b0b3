"""The README's table of inputs, generated from the input spec.

Why: a hand-written table drifts from the code. README.md holds this table between the lines
`<!-- inputs:begin -->` and `<!-- inputs:end -->`, and a test compares the two; after changing an
input, print the table with `python -m connect_numbers.inputs.readme_table` and paste it there.
"""

from __future__ import annotations

from connect_numbers.inputs.declaration import Change, InputSpec
from connect_numbers.inputs.spec import USER_INPUTS
from connect_numbers.inputs.wire_names import wire_name

_TYPE_NAMES = {"text": "str", "flag": "bool", "number": "float", "map": "map of str to str"}
_CHANGES = {
    Change.IN_PLACE: "in place",
    Change.REPLACE: "**replaces** the resource",
    Change.NOT_COMPARED: "not compared",
}


def _default(spec: InputSpec) -> str:
    if spec.required:
        return "required"
    default = spec.default()
    if default is None or default in ("", {}):
        return "optional"
    if isinstance(default, bool):
        return f"`{default}`"
    if isinstance(default, float) and default.is_integer():
        return f"`{int(default)}`"
    return f"`{default!r}`"


def _row(spec: InputSpec) -> str:
    facts = spec.facts
    config = "yes" if facts.config_key else "no"
    if facts.config_key and facts.stack_wide:
        config = "yes (stack-wide)"
    limits = "; ".join(limit.text() for limit in facts.limits)
    cells = [
        f"`{spec.name}`",
        f"`{wire_name(spec.name)}`",
        _TYPE_NAMES[spec.kind],
        _default(spec),
        f"{_CHANGES[facts.change]}: {facts.applied_by}",
        config,
        facts.doc + (f" Limits: {limits}." if limits else ""),
    ]
    return "| " + " | ".join(cells) + " |"


def inputs_table() -> str:
    """The Markdown table of every input a program sets (no trailing newline)."""
    header = [
        "| Python | plugin and config key | type | default | on change | in stack config |"
        " description |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    return "\n".join(header + [_row(spec) for spec in USER_INPUTS])


if __name__ == "__main__":
    print(inputs_table())
