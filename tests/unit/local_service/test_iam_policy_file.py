"""`iam/connect-numbers-policy.json` is the policy users apply as it is, and the allow-list the
end-to-end and fault suites make the local service enforce: it must be a valid policy document
and grant exactly the provider's calls and the dependent actions IAM checks for them."""

from __future__ import annotations

from connect_local_service.guards.iam_allow_list import DEPENDENT_ACTIONS as SERVICE_DEPENDENTS
from tests.support.engine import REPO
from tests.support.iam import (
    DEPENDENT_ACTIONS,
    PROVIDER_CALLS,
    policy_actions,
    policy_document,
    required_actions,
    statement_actions,
)


def test_the_policy_file_is_a_valid_json_policy_document() -> None:
    document = policy_document()
    assert document["Version"] == "2012-10-17"
    sids = [statement["Sid"] for statement in document["Statement"]]
    assert len(sids) == len(set(sids)), sids
    for statement in document["Statement"]:
        assert statement["Effect"] == "Allow", statement
        assert statement_actions(statement), statement
        assert statement["Resource"], statement
        assert set(statement) == {"Sid", "Effect", "Action", "Resource"}, statement


def test_the_policy_file_grants_exactly_the_actions_the_tests_allow_list_enforces() -> None:
    granted = policy_actions()
    assert granted == required_actions(), (
        f"missing from the file: {sorted(set(required_actions()) - set(granted))}; "
        f"not needed: {sorted(set(granted) - set(required_actions()))}"
    )
    all_listed = [a for s in policy_document()["Statement"] for a in statement_actions(s)]
    assert len(all_listed) == len(set(all_listed)), "an action is granted by two statements"


def test_the_dependent_actions_are_the_ones_the_local_service_checks() -> None:
    checked = {
        dependent
        for action in PROVIDER_CALLS
        for dependent, _member in SERVICE_DEPENDENTS.get(action, ())
    }
    assert checked == set(DEPENDENT_ACTIONS)


def test_the_readme_links_the_policy_file_and_explains_each_statement() -> None:
    readme = (REPO / "README.md").read_text()
    section = readme.split("## IAM policy", 1)[1].split("\n## ", 1)[0]
    assert "(iam/connect-numbers-policy.json)" in section
    assert '"Statement"' not in section, "the README embeds the policy again"
    for statement in policy_document()["Statement"]:
        assert f"`{statement['Sid']}`" in section, statement["Sid"]
