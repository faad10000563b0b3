"""The provider plugin through the real CLI: a Python program declares the resource by type
token, and up, preview, refresh, an in-place edit, `pulumi import` and destroy all work against
the local service (which enforces the README's IAM policy)."""

from __future__ import annotations

from pathlib import Path

from pulumi import automation as auto

from connect_local_service import AdminClient
from tests.support.engine import new_stack
from tests.support.local_service import LocalService
from tests.support.plugin import (
    OWNER_TAG,
    connect_client,
    plugin_env,
    plugin_numbers,
    pulumi_import,
)

PROGRAM = Path(__file__).parent / "programs" / "one_number"


def _stack(
    tmp_path: Path,
    service: LocalService,
    admin: AdminClient,
    extra: dict[str, str] | None = None,
) -> auto.Stack:
    instance = admin.create_instance("main")["InstanceId"]
    source = admin.create_source_number()["PhoneNumberArn"]
    config = {
        "connect-numbers:endpoint": service.endpoint_url,
        "connect-numbers:region": "us-east-1",
        "plugin-program:instance": instance,
        "plugin-program:source": source,
        **(extra or {}),
    }
    return new_stack(PROGRAM, tmp_path, config=config, env=plugin_env())


def test_a_python_program_manages_a_number_through_the_plugin(
    tmp_path: Path, service: LocalService, admin: AdminClient
) -> None:
    stack = _stack(tmp_path, service, admin)

    up = stack.up()
    number_id = up.outputs["phone_number_id"].value
    assert up.outputs["status"].value == "CLAIMED"

    stack.preview(expect_no_changes=True)
    stack.refresh(expect_no_changes=True)

    stack.set_config("plugin-program:description", auto.ConfigValue("Support line"))
    preview = stack.preview(diff=True)
    assert preview.change_summary.get("update") == 1
    assert "description" in preview.stdout
    edited = stack.up()
    assert edited.outputs["phone_number_id"].value == number_id
    (state,) = plugin_numbers(stack)
    assert state["outputs"]["description"] == "Support line"  # type: ignore[index]

    stack.destroy()
    assert not plugin_numbers(stack)


def test_a_source_change_previews_as_a_replacement_with_the_release_warning(
    tmp_path: Path, service: LocalService, admin: AdminClient
) -> None:
    stack = _stack(tmp_path, service, admin)
    stack.up()
    other = admin.create_source_number()["PhoneNumberArn"]
    stack.set_config("plugin-program:source", auto.ConfigValue(other))

    preview = stack.preview(diff=True)

    assert preview.change_summary.get("replace") == 1
    assert "sourcePhoneNumberArn" in preview.stdout
    assert "this plan RELEASES phone number" in preview.stdout + preview.stderr
    stack.destroy()


def test_an_explicit_provider_instance_uses_its_own_endpoint_and_region(
    tmp_path: Path, service: LocalService, admin: AdminClient
) -> None:
    # The default provider points nowhere; only the explicit one reaches the service.
    stack = _stack(
        tmp_path,
        service,
        admin,
        {
            "connect-numbers:endpoint": "http://127.0.0.1:9",
            "connect-numbers:region": "eu-west-1",
            "plugin-program:explicitEndpoint": service.endpoint_url,
        },
    )

    up = stack.up()

    assert up.outputs["status"].value == "CLAIMED"
    (number,) = plugin_numbers(stack)
    assert "::pulumi:providers:connect-numbers::second::" in str(number["provider"])
    stack.destroy()
    assert not plugin_numbers(stack)


def test_pulumi_import_brings_a_number_not_in_state_into_the_stack(
    tmp_path: Path, service: LocalService, admin: AdminClient
) -> None:
    stack = _stack(tmp_path, service, admin)
    instance = admin.create_instance("other")["InstanceId"]
    source = admin.create_source_number()["PhoneNumberArn"]
    connect = connect_client(service)
    imported = connect.import_phone_number(InstanceId=instance, SourcePhoneNumberArn=source)
    number_id = imported["PhoneNumberId"]

    result = pulumi_import(stack, "kept", number_id)
    assert result.returncode == 0, result.stdout + result.stderr
    (kept,) = [n for n in plugin_numbers(stack) if str(n["urn"]).endswith("::kept")]
    assert kept["id"] == number_id
    assert kept["outputs"]["sourcePhoneNumberArn"] == source  # type: ignore[index]
    live = connect.describe_phone_number(PhoneNumberId=number_id)["ClaimedPhoneNumberSummary"]
    assert OWNER_TAG not in live.get("Tags", {})  # import alone writes nothing

    # The program now declares it: the next up adds the owner tag, in place.
    stack.set_config("plugin-program:keptSource", auto.ConfigValue(source))
    stack.set_config("plugin-program:keptInstance", auto.ConfigValue(instance))
    up = stack.up()
    assert up.summary.resource_changes is not None
    assert up.summary.resource_changes.get("update") == 1
    assert "replace" not in up.summary.resource_changes
    live = connect.describe_phone_number(PhoneNumberId=number_id)["ClaimedPhoneNumberSummary"]
    assert live["Tags"][OWNER_TAG].startswith("plugin-program/test/kept")
    stack.preview(expect_no_changes=True)


def test_pulumi_import_refuses_a_number_another_stack_owns_naming_the_owner(
    tmp_path: Path, service: LocalService, admin: AdminClient
) -> None:
    stack = _stack(tmp_path, service, admin)
    instance = admin.create_instance("other")["InstanceId"]
    source = admin.create_source_number()["PhoneNumberArn"]
    connect = connect_client(service)
    imported = connect.import_phone_number(
        InstanceId=instance, SourcePhoneNumberArn=source, Tags={OWNER_TAG: "shop/prod/sales"}
    )

    result = pulumi_import(stack, "taken", imported["PhoneNumberId"])

    assert result.returncode != 0
    assert "it is managed by shop/prod/sales" in result.stdout + result.stderr
    assert not plugin_numbers(stack)
