"""README.md's inputs table is the one generated from the input spec.

After changing an input, print the table with `python -m connect_numbers.inputs.readme_table` and
paste it between the two marker lines.
"""

from __future__ import annotations

import pathlib

from connect_numbers.inputs.readme_table import inputs_table

README = pathlib.Path(__file__).resolve().parents[3] / "README.md"
BEGIN, END = "<!-- inputs:begin -->", "<!-- inputs:end -->"


def test_the_readme_inputs_table_is_the_generated_one() -> None:
    lines = README.read_text().splitlines()
    assert BEGIN in lines and END in lines, f"{README.name} lacks the {BEGIN} / {END} lines"
    between = lines[lines.index(BEGIN) + 1 : lines.index(END)]
    assert "\n".join(between).strip() == inputs_table()
