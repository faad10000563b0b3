"""One transaction's view of the state: every read and write the service makes, by kind."""

from __future__ import annotations

from .ledger_rows import LedgerRows
from .number_rows import NumberRows
from .resource_rows import ResourceRows
from .source_rows import SourceRows
from .traffic_group_rows import TrafficGroupRows


class Transaction(NumberRows, ResourceRows, SourceRows, TrafficGroupRows, LedgerRows):
    """Valid only inside `Store.transaction()`; its methods return records, never rows."""
