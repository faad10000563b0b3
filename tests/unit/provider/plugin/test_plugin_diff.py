from __future__ import annotations

from pulumi.provider.experimental.provider import DiffRequest, PropertyDiffKind

from ..fakes import NUMBER_ID, OTHER_INSTANCE_ID, OTHER_SOURCE_ARN, inputs, outputs
from .support import URN, RecordingLog, plugin, props, run


def _diff(log: RecordingLog, **news: object) -> object:
    request = DiffRequest(URN, NUMBER_ID, props(outputs()), props(inputs(**news)), [])
    return run(plugin(log).diff(request))


def test_a_description_edit_is_an_update_in_place_and_nothing_else() -> None:
    result = _diff(RecordingLog(), description="new words")
    assert result.changes is True  # type: ignore[attr-defined]
    assert result.replaces == []  # type: ignore[attr-defined]
    detail = result.detailed_diff  # type: ignore[attr-defined]
    assert set(detail) == {"description"}
    assert detail["description"].kind is PropertyDiffKind.UPDATE


def test_a_new_tag_is_reported_by_its_key_as_added() -> None:
    result = _diff(RecordingLog(), tags={"team": "care", "cost": "42"})
    detail = result.detailed_diff  # type: ignore[attr-defined]
    assert set(detail) == {"tags.cost"}
    assert detail["tags.cost"].kind is PropertyDiffKind.ADD


def test_a_new_source_replaces_and_warns_the_engine_of_the_release() -> None:
    log = RecordingLog()
    result = _diff(log, source_phone_number_arn=OTHER_SOURCE_ARN)
    assert result.replaces == ["sourcePhoneNumberArn"]  # type: ignore[attr-defined]
    detail = result.detailed_diff  # type: ignore[attr-defined]
    assert detail["sourcePhoneNumberArn"].kind is PropertyDiffKind.UPDATE_REPLACE
    assert result.delete_before_replace is False  # type: ignore[attr-defined]
    ((message, urn),) = log.warnings
    assert "RELEASES phone number" in message
    assert urn == URN


def test_a_move_to_another_instance_is_in_place_without_a_warning() -> None:
    log = RecordingLog()
    result = _diff(log, instance_id=OTHER_INSTANCE_ID)
    assert result.replaces == []  # type: ignore[attr-defined]
    assert result.detailed_diff["instanceId"].kind is PropertyDiffKind.UPDATE  # type: ignore[attr-defined]
    assert log.warnings == []


def test_no_change_is_no_diff() -> None:
    result = _diff(RecordingLog())
    assert result.changes is False  # type: ignore[attr-defined]
    assert result.detailed_diff == {}  # type: ignore[attr-defined]
