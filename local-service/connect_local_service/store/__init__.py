"""The only place that speaks SQL: SQLite state in, domain records (records.py) out."""

from connect_local_service.store.database import Store
from connect_local_service.store.transaction import Transaction

__all__ = ["Store", "Transaction"]
