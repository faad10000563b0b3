"""End User Messaging source numbers as SourceNumberRecord values."""

from __future__ import annotations

import json
import sqlite3

from connect_local_service.domain.records import SourceNumberRecord
from connect_local_service.store.rows import Rows


def _source(row: sqlite3.Row) -> SourceNumberRecord:
    return SourceNumberRecord(
        id=row["id"],
        arn=row["arn"],
        phone_number=row["phone_number"],
        account=row["account"],
        region=row["region"],
        iso_country=row["iso_country"],
        number_type=row["number_type"],
        message_type=row["message_type"],
        capabilities=tuple(json.loads(row["capabilities"])),
        status=row["status"],
        deletion_protection=bool(row["deletion_protection"]),
        created_at=row["created_at"],
        two_way_channel_arn=row["two_way_channel_arn"],
        two_way_enabled=bool(row["two_way_enabled"]),
        pool_id=row["pool_id"],
    )


class SourceRows(Rows):
    def insert_source(self, source: SourceNumberRecord) -> None:
        self._run(
            "INSERT INTO sources(id, arn, phone_number, account, region, iso_country, "
            "number_type, message_type, capabilities, status, deletion_protection, created_at, "
            "two_way_channel_arn, two_way_enabled, pool_id) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                source.id,
                source.arn,
                source.phone_number,
                source.account,
                source.region,
                source.iso_country,
                source.number_type,
                source.message_type,
                json.dumps(list(source.capabilities)),
                source.status,
                int(source.deletion_protection),
                source.created_at,
                source.two_way_channel_arn,
                int(source.two_way_enabled),
                source.pool_id,
            ),
        )

    def source_with_id(self, source_id: str) -> SourceNumberRecord | None:
        row = self._one("SELECT * FROM sources WHERE id = ?", (source_id,))
        return None if row is None else _source(row)

    def source_with_arn(self, arn: str) -> SourceNumberRecord | None:
        row = self._one("SELECT * FROM sources WHERE arn = ?", (arn,))
        return None if row is None else _source(row)

    def sources(self, account: str, region: str) -> list[SourceNumberRecord]:
        """The Region's numbers in creation order (rowid breaks ties of the same instant)."""
        rows = self._all(
            "SELECT * FROM sources WHERE account = ? AND region = ? ORDER BY created_at, rowid",
            (account, region),
        )
        return [_source(row) for row in rows]

    def phone_number_in_use(self, phone_number: str) -> bool:
        return (
            self._one("SELECT 1 FROM sources WHERE phone_number = ?", (phone_number,)) is not None
        )

    def set_source_status(self, arn: str, status: str) -> bool:
        """False when there is no such source."""
        return self._run("UPDATE sources SET status = ? WHERE arn = ?", (status, arn)) > 0

    def delete_source(self, source_id: str) -> None:
        row = self._one("SELECT arn FROM sources WHERE id = ?", (source_id,))
        self._run("DELETE FROM sources WHERE id = ?", (source_id,))
        if row is not None:
            self._run("DELETE FROM tags WHERE resource_arn = ?", (row["arn"],))

    def holds_nothing(self) -> bool:
        """True before any instance or source number exists (the demo seed's precondition)."""
        row = self._one("SELECT (SELECT COUNT(*) FROM instances) + (SELECT COUNT(*) FROM sources)")
        return row is not None and row[0] == 0
