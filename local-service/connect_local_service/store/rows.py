"""The base of the row mixins: the open connection and the shared row helpers."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import Any


class Rows:
    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db

    def _one(self, sql: str, args: Iterable[Any] = ()) -> sqlite3.Row | None:
        row: sqlite3.Row | None = self._db.execute(sql, tuple(args)).fetchone()
        return row

    def _all(self, sql: str, args: Iterable[Any] = ()) -> list[sqlite3.Row]:
        return list(self._db.execute(sql, tuple(args)).fetchall())

    def _run(self, sql: str, args: Iterable[Any] = ()) -> int:
        """Executes a statement; the number of rows it changed."""
        return int(self._db.execute(sql, tuple(args)).rowcount)


def where(filters: dict[str, Any]) -> tuple[str, list[Any]]:
    """`WHERE a = ? AND b = ?` for the filters that are not None (column names are ours)."""
    used = {column: value for column, value in filters.items() if value is not None}
    if not used:
        return "", []
    return " WHERE " + " AND ".join(f"{c} = ?" for c in used), list(used.values())
