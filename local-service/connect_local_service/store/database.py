"""The SQLite connection: every request's reads and writes run in one serialised transaction.

Why one connection behind a lock: the service is small and correctness matters more than
parallelism. Serialising transactions makes every mutation atomic and every read consistent
while many HTTP threads run; WAL mode keeps committed state safe if the process is killed.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from connect_local_service.store.schema import ADDED_COLUMNS, SCHEMA, SCHEMA_VERSION, TABLES
from connect_local_service.store.transaction import Transaction


class Store:
    def __init__(self, path: Path | str) -> None:
        self.path = str(path)
        self._lock = threading.RLock()
        self._db = sqlite3.connect(
            self.path, check_same_thread=False, isolation_level=None, timeout=30.0
        )
        self._db.row_factory = sqlite3.Row
        if self.path != ":memory:":
            self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        with self._lock:
            self._db.executescript(SCHEMA)
            self._add_missing_columns()
            self._db.execute(
                "INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_version', ?)",
                (SCHEMA_VERSION,),
            )

    def _add_missing_columns(self) -> None:
        """Brings a state file of an older schema up to date (its rows keep their values)."""
        for table, columns in ADDED_COLUMNS.items():
            present = {row["name"] for row in self._db.execute(f"PRAGMA table_info({table})")}
            for column, declaration in columns:
                if column not in present:
                    self._db.execute(f"ALTER TABLE {table} ADD COLUMN {column} {declaration}")

    @contextmanager
    def transaction(self) -> Iterator[Transaction]:
        """BEGIN IMMEDIATE ... COMMIT, or ROLLBACK if the block raises (errors included)."""
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield Transaction(self._db)
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    def get_meta(self, key: str) -> str | None:
        with self.transaction() as tx:
            return tx.get_meta(key)

    def set_meta(self, key: str, value: str) -> None:
        with self.transaction() as tx:
            tx.set_meta(key, value)

    def reset(self) -> None:
        with self.transaction() as tx:
            tx.clear(TABLES)

    def close(self) -> None:
        with self._lock:
            self._db.close()
