"""During preview, create and update call nothing (the runtime fails on any client)."""

from __future__ import annotations

from pulumi.provider.experimental.provider import CreateRequest, UpdateRequest
from pulumi.runtime.rpc import UNKNOWN

from connect_numbers.engine.plugin.property_values import plain_map

from ..fakes import NUMBER_ARN, NUMBER_ID, inputs, outputs
from .support import URN, plugin, props, run


def test_a_create_preview_returns_the_inputs_and_unknown_computed_outputs() -> None:
    request = CreateRequest(URN, props(inputs()), timeout=0, preview=True)
    result = run(plugin().create(request))
    planned = plain_map(result.properties)
    assert planned["description"] == "support line"
    assert planned["phoneNumberId"] == UNKNOWN
    assert planned["status"] == UNKNOWN


def test_an_update_preview_keeps_the_stable_outputs_and_calls_nothing() -> None:
    request = UpdateRequest(
        URN, NUMBER_ID, props(outputs()), props(inputs(description="new")), 0, [], preview=True
    )
    result = run(plugin().update(request))
    planned = plain_map(result.properties)
    assert planned["phoneNumberId"] == NUMBER_ID
    assert planned["phoneNumberArn"] == NUMBER_ARN
    assert planned["description"] == "new"
    assert planned["status"] == UNKNOWN
