"""examples/aws-contact-centre under `pulumi.runtime.set_mocks`: how its resources are wired.

The program registers pulumi-aws resources, whose plugin cannot be had offline, so the mocks
stand in for AWS and for the dynamic provider: each answers with the outputs the real service
would compute (ids, ARNs in the configured Region), derived from the inputs it was given.

Everything the program touches in the Pulumi runtime (settings, root stack, config) lives in
context variables; the program runs in a copy of the current context, so nothing it sets
leaks into other tests.
"""

from __future__ import annotations

import base64
import contextvars
import json
import runpy
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import dill
import pulumi
import pytest
from pulumi.runtime.rpc import unwrap_rpc_secret
from pulumi.runtime.stack import run_pulumi_func
from pulumi.runtime.sync_await import _sync_await

from connect_numbers import ImportedPhoneNumberProvider
from connect_numbers.aws.arns import parse_arn

EXAMPLE = Path(__file__).resolve().parents[3] / "examples" / "aws-contact-centre"
REGION = "eu-west-2"
ACCOUNT = "210987654321"
ALIAS = "acme-care"
CONFIG = {"aws:region": REGION, "aws-contact-centre:instanceAlias": ALIAS}

INSTANCE = "aws:connect/instance:Instance"
SOURCE_NUMBER = "aws:pinpoint/smsvoicev2PhoneNumber:Smsvoicev2PhoneNumber"
IMPORTED = "pulumi-python:dynamic/connect_numbers:ImportedPhoneNumber"
CONTACT_FLOW = "aws:connect/contactFlow:ContactFlow"
ASSOCIATION = "aws:connect/phoneNumberContactFlowAssociation:PhoneNumberContactFlowAssociation"
PROVIDER_KEY = "__provider"


def _uuid(*parts: str) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, "/".join(parts)))


class FakeAws(pulumi.runtime.Mocks):
    """Answers like AWS would, and remembers every registration (inputs and outputs).

    References it does not know answer "" rather than raising, so a wiring mistake in the
    program fails the test that checks that wire, not every test of the module.
    """

    def __init__(self) -> None:
        self.inputs: dict[str, list[dict[str, Any]]] = {}
        self.outputs: dict[str, list[dict[str, Any]]] = {}
        self._instance_arns: dict[str, str] = {}
        self._source_numbers: dict[str, str] = {}

    def instance_id(self) -> str:
        [instance_id] = self._instance_arns
        return instance_id

    def one(self, typ: str) -> tuple[dict[str, Any], dict[str, Any]]:
        [inputs] = self.inputs.get(typ, [])
        [outputs] = self.outputs[typ]
        return inputs, outputs

    def new_resource(self, args: pulumi.runtime.MockResourceArgs) -> tuple[str, dict[str, Any]]:
        inputs = dict(args.inputs)
        self.inputs.setdefault(args.typ, []).append(inputs)
        handlers = {
            INSTANCE: self._instance,
            SOURCE_NUMBER: self._source_number,
            IMPORTED: self._imported,
            CONTACT_FLOW: self._contact_flow,
            ASSOCIATION: self._association,
        }
        if args.typ not in handlers:
            raise AssertionError(f"the example registers an unexpected type {args.typ}")
        id_, outputs = handlers[args.typ](args.name, inputs)
        self.outputs.setdefault(args.typ, []).append(outputs)
        return id_, outputs

    def call(
        self, args: pulumi.runtime.MockCallArgs
    ) -> tuple[dict[str, Any], list[tuple[str, str]] | None]:
        raise AssertionError(f"the example calls an unexpected function {args.token}")

    def _instance(self, name: str, inputs: dict[str, Any]) -> tuple[str, dict[str, Any]]:
        id_ = _uuid("instance", name)
        arn = f"arn:aws:connect:{inputs['region']}:{ACCOUNT}:instance/{id_}"
        self._instance_arns[id_] = arn
        return id_, {**inputs, "arn": arn, "status": "ACTIVE"}

    def _source_number(self, name: str, inputs: dict[str, Any]) -> tuple[str, dict[str, Any]]:
        id_ = "phone-" + uuid.uuid5(uuid.NAMESPACE_URL, name).hex
        arn = f"arn:aws:sms-voice:{inputs['region']}:{ACCOUNT}:phone-number/{id_}"
        self._source_numbers[arn] = "+18335550123"
        return id_, {**inputs, "arn": arn, "phoneNumber": "+18335550123", "status": "ACTIVE"}

    def _imported(self, name: str, inputs: dict[str, Any]) -> tuple[str, dict[str, Any]]:
        """What the dynamic provider's create returns; `__provider` is the pickled provider
        (a plain or secret string, depending on what it captured) and is no output."""
        outputs = {k: v for k, v in inputs.items() if k != PROVIDER_KEY}
        source = parse_arn(inputs["source_phone_number_arn"])
        id_ = _uuid("imported", inputs["source_phone_number_arn"])
        outputs.update(
            phone_number_id=id_,
            phone_number_arn=f"arn:aws:connect:{source.region}:{source.account}:phone-number/{id_}",
            phone_number=self._source_numbers.get(inputs["source_phone_number_arn"], ""),
            country_code="US",
            number_type="TOLL_FREE",
            status="CLAIMED",
            target_arn=self._instance_arns.get(inputs["instance_id"], ""),
        )
        return id_, outputs

    def _contact_flow(self, name: str, inputs: dict[str, Any]) -> tuple[str, dict[str, Any]]:
        flow_id = _uuid("flow", name)
        instance_arn = self._instance_arns.get(inputs["instanceId"], "")
        return f"{inputs['instanceId']}:{flow_id}", {
            **inputs,
            "contactFlowId": flow_id,
            "arn": f"{instance_arn}/contact-flow/{flow_id}",
        }

    def _association(self, name: str, inputs: dict[str, Any]) -> tuple[str, dict[str, Any]]:
        parts = (inputs["phoneNumberId"], inputs["instanceId"], inputs["contactFlowId"])
        return ",".join(parts), dict(inputs)


def _run_example(mocks: FakeAws, config: dict[str, str]) -> dict[str, Any]:
    """Runs the program to completion; returns its stack exports."""
    pulumi.runtime.reset_options()
    pulumi.runtime.set_mocks(mocks, project="aws-contact-centre", stack="test", preview=False)
    pulumi.runtime.set_all_config(config)
    sys.path.insert(0, str(EXAMPLE))
    try:
        _sync_await(
            run_pulumi_func(
                lambda: runpy.run_path(str(EXAMPLE / "__main__.py"), run_name="__main__")
            )
        )
    finally:
        sys.path.remove(str(EXAMPLE))
    root = pulumi.runtime.get_root_resource()
    assert root is not None
    return {
        key: _sync_await(pulumi.Output.from_input(value).future())
        for key, value in root.outputs.items()  # type: ignore[attr-defined]
    }


def _run_in_own_context(mocks: FakeAws, config: dict[str, str]) -> dict[str, Any]:
    return contextvars.copy_context().run(_run_example, mocks, config)


@pytest.fixture(scope="module")
def deployed() -> Iterator[tuple[FakeAws, dict[str, Any]]]:
    """One mocked run shared by the module's tests, in a context of its own."""
    mocks = FakeAws()
    yield mocks, _run_in_own_context(mocks, CONFIG)


@pytest.fixture(scope="module")
def fake(deployed: tuple[FakeAws, dict[str, Any]]) -> FakeAws:
    return deployed[0]


def test_the_instance_is_created_in_the_configured_region_with_inbound_calls(fake: FakeAws) -> None:
    inputs, _ = fake.one(INSTANCE)
    assert inputs["region"] == REGION
    assert inputs["instanceAlias"] == ALIAS
    assert inputs["inboundCallsEnabled"] is True


def test_the_source_number_is_voice_capable_in_the_instance_region(fake: FakeAws) -> None:
    inputs, _ = fake.one(SOURCE_NUMBER)
    assert "VOICE" in inputs["numberCapabilities"]
    assert inputs["region"] == fake.one(INSTANCE)[0]["region"]


def test_the_imported_number_names_the_instance_id(fake: FakeAws) -> None:
    imported, _ = fake.one(IMPORTED)
    assert imported["instance_id"] == fake.instance_id()


def test_the_imported_number_names_the_requested_source_number_arn(fake: FakeAws) -> None:
    imported, _ = fake.one(IMPORTED)
    _, source = fake.one(SOURCE_NUMBER)
    assert imported["source_phone_number_arn"] == source["arn"]
    assert parse_arn(source["arn"]).region == REGION


def test_the_imported_number_carries_a_provider_the_provider_host_can_load(
    fake: FakeAws,
) -> None:
    imported, _ = fake.one(IMPORTED)
    # A plain string, or a wrapped secret when the provider captured (or is marked) secret.
    blob = unwrap_rpc_secret(imported[PROVIDER_KEY])
    assert isinstance(dill.loads(base64.b64decode(blob)), ImportedPhoneNumberProvider)


def test_the_contact_flow_belongs_to_the_instance_and_parses_as_a_flow(fake: FakeAws) -> None:
    inputs, _ = fake.one(CONTACT_FLOW)
    assert inputs["instanceId"] == fake.instance_id()
    flow = json.loads(inputs["content"])
    identifiers = {action["Identifier"] for action in flow["Actions"]}
    assert flow["StartAction"] in identifiers
    for action in flow["Actions"]:
        for error in action["Transitions"].get("Errors", []):
            assert error["NextAction"] in identifiers
        if "NextAction" in action["Transitions"]:
            assert action["Transitions"]["NextAction"] in identifiers


def test_the_association_routes_the_imported_number_to_the_flow(fake: FakeAws) -> None:
    association, _ = fake.one(ASSOCIATION)
    _, imported = fake.one(IMPORTED)
    _, flow = fake.one(CONTACT_FLOW)
    assert association["phoneNumberId"] == imported["phone_number_id"]
    assert association["instanceId"] == fake.instance_id()
    assert association["contactFlowId"] == flow["contactFlowId"]
    assert association["region"] == REGION


def test_the_stack_exports_the_imported_number_in_e164(
    deployed: tuple[FakeAws, dict[str, Any]],
) -> None:
    fake, exports = deployed
    _, imported = fake.one(IMPORTED)
    assert exports["phone_number"] == "+18335550123"
    assert exports["phone_number_id"] == imported["phone_number_id"]


def _ambient() -> tuple[object, ...]:
    settings = pulumi.runtime.settings.SETTINGS
    return (
        settings.monitor,
        settings.project,
        settings.stack,
        settings.dry_run,
        pulumi.runtime.get_root_resource(),
        dict(pulumi.runtime.config.CONFIG.get()),
    )


def test_running_the_example_leaves_the_ambient_runtime_untouched() -> None:
    before = _ambient()

    _run_in_own_context(FakeAws(), CONFIG)

    assert _ambient() == before
