"""SQLite state: every request's reads and writes run in one serialised transaction.

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

SCHEMA_VERSION = "1"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS instances (
    id TEXT PRIMARY KEY, arn TEXT NOT NULL UNIQUE, alias TEXT NOT NULL,
    account TEXT NOT NULL, region TEXT NOT NULL, created_at REAL NOT NULL);
CREATE TABLE IF NOT EXISTS sources (
    id TEXT PRIMARY KEY, arn TEXT NOT NULL UNIQUE, phone_number TEXT NOT NULL,
    account TEXT NOT NULL, region TEXT NOT NULL, iso_country TEXT NOT NULL,
    number_type TEXT NOT NULL, message_type TEXT NOT NULL, capabilities TEXT NOT NULL,
    status TEXT NOT NULL, deletion_protection INTEGER NOT NULL DEFAULT 0,
    created_at REAL NOT NULL);
CREATE TABLE IF NOT EXISTS numbers (
    id TEXT PRIMARY KEY, arn TEXT NOT NULL UNIQUE, account TEXT NOT NULL, region TEXT NOT NULL,
    phone_number TEXT NOT NULL, country_code TEXT NOT NULL, number_type TEXT NOT NULL,
    description TEXT, instance_id TEXT NOT NULL, target_arn TEXT NOT NULL,
    source_arn TEXT NOT NULL,
    -- IN_PROGRESS (import/update), CLAIMED, FAILED, RELEASING (shown as IN_PROGRESS)
    status TEXT NOT NULL, message TEXT,
    -- what IN_PROGRESS settles into, and when (service clock) or after how many describes
    outcome TEXT, outcome_message TEXT, settle_at REAL, describes_left INTEGER,
    created_at REAL NOT NULL, seq INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS tags (
    resource_arn TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL,
    PRIMARY KEY (resource_arn, key));
CREATE TABLE IF NOT EXISTS client_tokens (
    account TEXT NOT NULL, operation TEXT NOT NULL, token TEXT NOT NULL,
    fingerprint TEXT NOT NULL, response TEXT NOT NULL, created_at REAL NOT NULL,
    PRIMARY KEY (account, operation, token));
CREATE TABLE IF NOT EXISTS quota_events (
    seq INTEGER PRIMARY KEY AUTOINCREMENT, account TEXT NOT NULL, region TEXT NOT NULL,
    kind TEXT NOT NULL, phone_number_id TEXT NOT NULL, at REAL NOT NULL);
"""

_TABLES = ("instances", "sources", "numbers", "tags", "client_tokens", "quota_events")


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
        self._create_schema()

    def _create_schema(self) -> None:
        with self._lock:
            self._db.executescript(_SCHEMA)
            self._db.execute(
                "INSERT OR IGNORE INTO meta(key, value) VALUES ('schema_version', ?)",
                (SCHEMA_VERSION,),
            )

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE ... COMMIT, or ROLLBACK if the block raises (errors included)."""
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    def get_meta(self, key: str) -> str | None:
        with self.transaction() as db:
            row = db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row["value"])

    def set_meta(self, key: str, value: str) -> None:
        with self.transaction() as db:
            db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (key, value))

    def reset(self) -> None:
        with self.transaction() as db:
            for table in _TABLES:
                db.execute(f"DELETE FROM {table}")
            db.execute("DELETE FROM meta WHERE key != 'schema_version'")

    def close(self) -> None:
        with self._lock:
            self._db.close()
