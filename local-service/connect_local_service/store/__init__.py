"""The only place that speaks SQL: SQLite state in, domain records (records.py) out."""

from .database import Store
from .transaction import Transaction

__all__ = ["Store", "Transaction"]
