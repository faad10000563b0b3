"""read: what `pulumi refresh` sees, including drift and numbers that are gone."""

from __future__ import annotations

from .fakes import (
    INSTANCE_ARN,
    NUMBER_ID,
    OTHER_INSTANCE_ID,
    OWNER,
    SOURCE_ARN,
    harness,
    outputs,
    summary,
)


def test_drift_in_description_tags_and_instance_shows_in_outputs_and_inputs() -> None:
    h = harness()
    h.stub.add_response(
        "describe_phone_number",
        summary(instance_id=OTHER_INSTANCE_ID, description="edited in console", tags={"x": "1"}),
        {"PhoneNumberId": NUMBER_ID},
    )
    with h.stub:
        result = h.provider.read(NUMBER_ID, outputs())
    assert result.id == NUMBER_ID
    assert result.outs is not None and result.inputs is not None
    for bag in (result.outs, result.inputs):
        assert bag["instance_id"] == OTHER_INSTANCE_ID
        assert bag["description"] == "edited in console"
        assert bag["tags"] == {"x": "1"}
    assert result.inputs == {
        "instance_id": OTHER_INSTANCE_ID,
        "target_arn": None,
        "source_phone_number_arn": SOURCE_ARN,
        "description": "edited in console",
        "tags": {"x": "1"},
        "contact_flow_id": None,
        "adopt": False,
        "wait_timeout_seconds": 600.0,
        "region": None,
        "owner": OWNER,
    }


def test_a_region_is_read_back_as_declared_and_never_filled_in() -> None:
    # A filled-in Region would show as +region beside every drift that refresh reports.
    for declared in (None, "us-east-1"):
        h = harness()
        h.stub.add_response("describe_phone_number", summary(), {"PhoneNumberId": NUMBER_ID})
        with h.stub:
            result = h.provider.read(NUMBER_ID, outputs(region=declared))
        assert result.inputs is not None and result.outs is not None
        assert result.inputs["region"] == declared
        assert result.outs["region"] == declared


def test_an_unchanged_number_reads_back_its_inputs_exactly() -> None:
    h = harness()
    h.stub.add_response("describe_phone_number", summary(), {"PhoneNumberId": NUMBER_ID})
    with h.stub:
        result = h.provider.read(NUMBER_ID, outputs())
    expected = {k: v for k, v in outputs().items() if k != "__provider"}
    assert result.outs == expected


def test_a_removed_owner_tag_reads_back_as_no_owner_so_the_next_up_restores_it() -> None:
    h = harness()
    h.stub.add_response("describe_phone_number", summary(owner=None), {"PhoneNumberId": NUMBER_ID})
    with h.stub:
        result = h.provider.read(NUMBER_ID, outputs())
    assert result.inputs is not None and result.inputs["owner"] is None


def test_aws_reserved_tags_are_not_reported_as_user_tags() -> None:
    h = harness()
    h.stub.add_response(
        "describe_phone_number",
        summary(tags={"team": "care", "aws:cloudformation:stack-name": "s"}),
        {"PhoneNumberId": NUMBER_ID},
    )
    with h.stub:
        result = h.provider.read(NUMBER_ID, outputs())
    assert result.outs is not None and result.outs["tags"] == {"team": "care"}


def test_a_number_that_is_gone_is_dropped_from_state() -> None:
    h = harness()
    h.stub.add_client_error(
        "describe_phone_number",
        "ResourceNotFoundException",
        "not found",
        404,
        expected_params={"PhoneNumberId": NUMBER_ID},
    )
    with h.stub:
        result = h.provider.read(NUMBER_ID, outputs())
    assert result.id == "" and result.outs == {}


def test_a_number_left_in_progress_is_waited_for() -> None:
    h = harness()
    h.stub.add_response(
        "describe_phone_number", summary("IN_PROGRESS"), {"PhoneNumberId": NUMBER_ID}
    )
    h.stub.add_response("describe_phone_number", summary("CLAIMED"), {"PhoneNumberId": NUMBER_ID})
    with h.stub:
        result = h.provider.read(NUMBER_ID, outputs())
    h.stub.assert_no_pending_responses()
    assert h.clock.sleeps == [3.0]
    assert result.outs is not None and result.outs["status"] == "CLAIMED"


def test_a_declared_instance_arn_is_kept_while_it_names_the_live_instance() -> None:
    h = harness()
    h.stub.add_response("describe_phone_number", summary(), {"PhoneNumberId": NUMBER_ID})
    with h.stub:
        result = h.provider.read(NUMBER_ID, outputs(instance_id=INSTANCE_ARN))
    assert result.outs is not None and result.inputs is not None
    assert (
        result.outs["instance_id"] == INSTANCE_ARN and result.inputs["instance_id"] == INSTANCE_ARN
    )


def test_a_declared_instance_arn_gives_way_to_the_live_id_after_a_move() -> None:
    h = harness()
    h.stub.add_response(
        "describe_phone_number",
        summary(instance_id=OTHER_INSTANCE_ID),
        {"PhoneNumberId": NUMBER_ID},
    )
    with h.stub:
        result = h.provider.read(NUMBER_ID, outputs(instance_id=INSTANCE_ARN))
    assert result.outs is not None and result.outs["instance_id"] == OTHER_INSTANCE_ID


def test_a_number_whose_interrupted_release_finishes_is_dropped_from_state() -> None:
    h = harness()
    h.stub.add_response(
        "describe_phone_number", summary("IN_PROGRESS"), {"PhoneNumberId": NUMBER_ID}
    )
    h.stub.add_client_error(
        "describe_phone_number",
        "ResourceNotFoundException",
        "gone",
        404,
        None,
        {"PhoneNumberId": NUMBER_ID},
    )
    with h.stub:
        result = h.provider.read(NUMBER_ID, outputs())
    h.stub.assert_no_pending_responses()
    assert result.id == "" and result.outs == {}
