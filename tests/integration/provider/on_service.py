"""A provider object talking to the local service, with a clock that also moves the service's.

The provider's waits sleep on a fake clock that advances the service's virtual clock, so claim
and release delays pass without real waiting (the `on_service` fixture in conftest.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from connect_local_service import RunningLocalService
from connect_numbers.engine.dynamic.provider import ImportedPhoneNumberProvider

OWNER = "phones/dev/support-line"


@dataclass
class ProviderOnService:
    provider: ImportedPhoneNumberProvider
    service: RunningLocalService
    notices: list[str]

    def checked(self, **news: Any) -> dict[str, Any]:
        """`news` after check, which must pass; the owner is OWNER unless given."""
        result = self.provider.check({}, {"owner": OWNER, "__provider": "serialized", **news})
        assert result.failures == [], [(f.property, f.reason) for f in result.failures]
        return result.inputs

    def create(self, **news: Any) -> tuple[str, dict[str, Any]]:
        result = self.provider.create(self.checked(**news))
        assert result.outs is not None
        return result.id, result.outs

    def live(self) -> list[dict[str, Any]]:
        return [n for n in self.service.admin.numbers() if n["Status"] != "RELEASING"]
