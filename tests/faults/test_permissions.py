"""Scenario 6: missing IAM permissions, with the local service enforcing an allow-list.

The allow-list is the action list of the IAM policy file users apply
(iam/connect-numbers-policy.json), parsed from the file, so policy and provider cannot drift
apart: every step of the lifecycle passes with exactly that policy, and without any one action
the step that needs it fails with a message that names the action, and nothing is released.
"""

from __future__ import annotations

from collections.abc import Callable

from connect_local_service import AdminClient
from tests.faults import invariants
from tests.faults.stacks import CliRun, RootStack, number, numbers_in_state
from tests.support.aws import connect_client
from tests.support.iam import policy_actions, required_actions
from tests.support.local_service import LocalService


def test_the_policy_file_lists_the_provider_calls_and_their_dependent_actions() -> None:
    assert policy_actions() == required_actions()


def test_each_step_passes_with_the_policy_file_and_fails_naming_the_action_it_lacks(
    root: RootStack, admin: AdminClient, service: LocalService
) -> None:
    policy = policy_actions()
    admin.set_allowed_actions(policy)
    instances = [admin.create_instance("iam-a")["InstanceId"], admin.create_instance("iam-b")]
    other = instances[1]["InstanceId"]
    sources = [admin.create_source_number()["PhoneNumberArn"] for _ in range(5)]
    declared = [number("p0", sources[0], "zero", {"k": "v"}), number("p1", sources[1], "one")]
    instance = instances[0]
    invariants.scenario("iam-with-the-policy-file", admin)
    root.declare(instance, declared)
    assert root.up().ok
    invariants.check(admin, root.export(), declared=declared, instance_id=instance)
    allowed_releases: set[str] = set()
    foreign: set[str] = set()

    def declare_p3_after_a_kill() -> None:
        # A number already imported with p3's owner tag: what a killed run leaves behind.
        console = connect_client(service.endpoint_url)
        console.import_phone_number(
            InstanceId=instance,
            SourcePhoneNumberArn=sources[3],
            Tags={"connect-numbers:owner": invariants.owner_of("p3")},
        )
        declared.append(number("p3", sources[3]))

    steps: list[tuple[str, Callable[[], object], Callable[[], CliRun]]] = [
        ("connect:DescribePhoneNumber", lambda: None, root.refresh),
        (
            "connect:UpdatePhoneNumberMetadata",
            lambda: _edit(declared, 0, description="zero!"),
            root.up,
        ),
        ("connect:TagResource", lambda: _edit(declared, 1, tags={"new": "tag"}), root.up),
        ("connect:UntagResource", lambda: _edit(declared, 0, tags={}), root.up),
        ("connect:ImportPhoneNumber", lambda: declared.append(number("p2", sources[2])), root.up),
        (
            "sms-voice:DescribePhoneNumbers",
            lambda: declared.append(number("p4", sources[4])),
            root.up,
        ),
        (
            "connect:ListPhoneNumbersV2",
            declare_p3_after_a_kill,
            root.up,
        ),
        ("connect:ReleasePhoneNumber", lambda: declared.pop(2), root.up),
    ]
    for action, change, run in steps:
        invariants.scenario(f"iam-without-{action}", admin)
        before = numbers_in_state(root.export())
        change()
        target = other if action == "connect:UpdatePhoneNumber" else instance
        root.declare(target, declared)
        allowed_releases |= invariants.planned_releases(before, declared)
        admin.set_allowed_actions([a for a in policy if a != action])

        denied = run()

        assert not denied.ok, f"{action} was not needed: {denied.output}"
        assert "Traceback" not in denied.output
        assert f"lack the IAM permission '{action}'" in denied.output, denied.output
        admin.set_allowed_actions(policy)
        assert run().ok
        invariants.check(
            admin,
            root.export(),
            allowed_releases=allowed_releases,
            declared=declared,
            instance_id=target,
            foreign=foreign,
        )

    invariants.scenario("iam-move-and-destroy", admin)
    admin.set_allowed_actions([a for a in policy if a != "connect:UpdatePhoneNumber"])
    root.declare(other, declared)
    denied = root.up()
    assert "lack the IAM permission 'connect:UpdatePhoneNumber'" in denied.output, denied.output
    admin.set_allowed_actions(policy)
    assert root.up().ok
    moved = root.export()
    invariants.check(
        admin,
        moved,
        allowed_releases=allowed_releases,
        declared=declared,
        instance_id=other,
        foreign=foreign,
    )
    assert root.destroy().ok
    allowed_releases |= {n.id for n in numbers_in_state(moved)}
    invariants.check(
        admin, root.export(), allowed_releases=allowed_releases, declared=[], foreign=foreign
    )
    assert admin.numbers() == []


def _edit(declared: list[dict[str, object]], index: int, **changes: object) -> None:
    declared[index] = {**declared[index], **changes}
