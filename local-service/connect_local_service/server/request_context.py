"""What one AWS call runs with: its transaction, who and where it is, and the service clock."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from connect_local_service.server.service_settings import LocalServiceSettings
from connect_local_service.store import Transaction

if TYPE_CHECKING:
    from connect_local_service.server.service_state import ServiceState


@dataclass
class RequestContext:
    state: ServiceState
    tx: Transaction
    service: str
    operation: str
    region: str
    account: str
    now: float

    @property
    def settings(self) -> LocalServiceSettings:
        return self.state.settings
