"""Connect phone numbers (and, with a number, its tags) as PhoneNumberRecord values."""

from __future__ import annotations

import dataclasses
import sqlite3

from connect_local_service.domain.records import PhoneNumberRecord
from connect_local_service.store.rows import Rows, where

_COLUMNS = tuple(f.name for f in dataclasses.fields(PhoneNumberRecord))


def _record(row: sqlite3.Row) -> PhoneNumberRecord:
    return PhoneNumberRecord(**{column: row[column] for column in _COLUMNS})


class NumberRows(Rows):
    def insert_number(self, number: PhoneNumberRecord) -> PhoneNumberRecord:
        """Stores a new number; the record returned carries its creation sequence."""
        seq_row = self._one("SELECT COALESCE(MAX(seq), 0) + 1 FROM numbers")
        assert seq_row is not None
        stored = dataclasses.replace(number, seq=int(seq_row[0]))
        values = dataclasses.astuple(stored)
        placeholders = ",".join("?" * len(values))
        self._run(f"INSERT INTO numbers({','.join(_COLUMNS)}) VALUES ({placeholders})", values)
        return stored

    def save_number(self, number: PhoneNumberRecord) -> None:
        changed = [c for c in _COLUMNS if c not in ("id", "seq")]
        assignments = ", ".join(f"{c} = ?" for c in changed)
        values = [getattr(number, c) for c in changed]
        self._run(f"UPDATE numbers SET {assignments} WHERE id = ?", [*values, number.id])

    def number(self, number_id: str, account: str, region: str) -> PhoneNumberRecord | None:
        row = self._one(
            "SELECT * FROM numbers WHERE id = ? AND account = ? AND region = ?",
            (number_id, account, region),
        )
        return None if row is None else _record(row)

    def numbers(
        self,
        account: str | None = None,
        region: str | None = None,
        instance_id: str | None = None,
        source_arn: str | None = None,
    ) -> list[PhoneNumberRecord]:
        """Numbers matching every filter given, in creation order."""
        clause, args = where(
            {
                "account": account,
                "region": region,
                "instance_id": instance_id,
                "source_arn": source_arn,
            }
        )
        return [_record(r) for r in self._all(f"SELECT * FROM numbers{clause} ORDER BY seq", args)]

    def numbers_settling_by(self, now: float) -> list[PhoneNumberRecord]:
        """Numbers with a transition due on the clock (not one counted in describes)."""
        rows = self._all(
            "SELECT * FROM numbers WHERE describes_left IS NULL AND settle_at <= ? ORDER BY seq",
            (now,),
        )
        return [_record(row) for row in rows]

    def delete_number(self, arn: str) -> None:
        self._run("DELETE FROM numbers WHERE arn = ?", (arn,))
        self._run("DELETE FROM tags WHERE resource_arn = ?", (arn,))
        self._run("DELETE FROM flow_associations WHERE phone_number_arn = ?", (arn,))
