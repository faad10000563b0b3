"""One transaction's view of the state: every read and write the service makes, by kind."""

from __future__ import annotations

from connect_local_service.store.flow_rows import FlowRows
from connect_local_service.store.ledger_rows import LedgerRows
from connect_local_service.store.number_rows import NumberRows
from connect_local_service.store.resource_rows import ResourceRows
from connect_local_service.store.source_rows import SourceRows
from connect_local_service.store.traffic_group_rows import TrafficGroupRows


class Transaction(NumberRows, ResourceRows, SourceRows, TrafficGroupRows, FlowRows, LedgerRows):
    """Valid only inside `Store.transaction()`; its methods return records, never rows."""
