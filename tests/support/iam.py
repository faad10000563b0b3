"""The README's IAM policy, read from the README itself, so docs and tests cannot drift apart."""

from __future__ import annotations

import json
import re

from tests.support.engine import REPO


def readme_policy_actions() -> list[str]:
    """Every action the README's least-privilege policy allows, sorted."""
    text = (REPO / "README.md").read_text()
    section = text.split("## IAM policy", 1)[1]
    block = re.search(r"```json\n(.*?)```", section, re.S)
    if block is None:
        raise AssertionError("README.md has no JSON block under '## IAM policy'")
    actions: set[str] = set()
    for statement in json.loads(block.group(1))["Statement"]:
        listed = statement["Action"]
        actions.update([listed] if isinstance(listed, str) else listed)
    return sorted(actions)
