"""The IAM policy users apply, read from `iam/connect-numbers-policy.json` itself.

That file is the single source: the end-to-end and fault suites make the local service enforce
exactly the actions it grants, and `tests/unit/local_service/test_iam_policy_file.py` holds it
to the actions below, so the file, the docs and the tests cannot drift apart.
"""

from __future__ import annotations

import json
from typing import Any

from tests.support.engine import REPO

POLICY_FILE = REPO / "iam" / "connect-numbers-policy.json"

# Every API operation the provider calls (the IAM action has the operation's name): Connect's,
# and End User Messaging's DescribePhoneNumbers, the source's pre-flight before each import.
PROVIDER_CALLS = (
    "connect:AssociatePhoneNumberContactFlow",
    "connect:DescribePhoneNumber",
    "connect:DescribeTrafficDistributionGroup",
    "connect:DisassociatePhoneNumberContactFlow",
    "connect:ImportPhoneNumber",
    "connect:ListFlowAssociations",
    "connect:ListPhoneNumbersV2",
    "connect:ReleasePhoneNumber",
    "connect:TagResource",
    "connect:UntagResource",
    "connect:UpdatePhoneNumber",
    "connect:UpdatePhoneNumberMetadata",
    "sms-voice:DescribePhoneNumbers",
)

# Checked by IAM when the provider calls another action. The provider now also calls this one
# itself (above); it stays listed here because IAM checks it for connect:ImportPhoneNumber too.
DEPENDENT_ACTIONS = ("sms-voice:DescribePhoneNumbers",)  # of connect:ImportPhoneNumber


def policy_document() -> dict[str, Any]:
    """The policy file, parsed; a file that is not JSON fails here."""
    document: dict[str, Any] = json.loads(POLICY_FILE.read_text())
    return document


def statement_actions(statement: dict[str, Any]) -> list[str]:
    listed = statement["Action"]
    return [listed] if isinstance(listed, str) else list(listed)


def policy_actions() -> list[str]:
    """Every action the policy file allows, sorted: the allow-list the tests enforce."""
    actions: set[str] = set()
    for statement in policy_document()["Statement"]:
        actions.update(statement_actions(statement))
    return sorted(actions)


def required_actions() -> list[str]:
    """What the policy must grant, no more: the provider's calls and their dependent actions."""
    return sorted({*PROVIDER_CALLS, *DEPENDENT_ACTIONS})
