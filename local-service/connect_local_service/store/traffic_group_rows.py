"""Traffic distribution groups as TrafficGroupRecord values."""

from __future__ import annotations

import dataclasses
import sqlite3

from connect_local_service.domain.records import TrafficGroupRecord
from connect_local_service.store.rows import Rows, where

_COLUMNS = tuple(f.name for f in dataclasses.fields(TrafficGroupRecord))


def _record(row: sqlite3.Row) -> TrafficGroupRecord:
    return TrafficGroupRecord(**{column: row[column] for column in _COLUMNS})


class TrafficGroupRows(Rows):
    def insert_traffic_group(self, group: TrafficGroupRecord) -> None:
        values = dataclasses.astuple(group)
        placeholders = ",".join("?" * len(values))
        self._run(
            f"INSERT INTO traffic_distribution_groups({','.join(_COLUMNS)}) "
            f"VALUES ({placeholders})",
            values,
        )

    def save_traffic_group(self, group: TrafficGroupRecord) -> None:
        self._run(
            "UPDATE traffic_distribution_groups SET status = ?, settle_at = ? WHERE id = ?",
            (group.status, group.settle_at, group.id),
        )

    def traffic_groups(
        self,
        account: str | None = None,
        region: str | None = None,
        instance_id: str | None = None,
        group_id: str | None = None,
        name: str | None = None,
    ) -> list[TrafficGroupRecord]:
        """Groups matching every filter given, oldest first."""
        clause, args = where(
            {
                "account": account,
                "region": region,
                "instance_id": instance_id,
                "id": group_id,
                "name": name,
            }
        )
        rows = self._all(
            f"SELECT * FROM traffic_distribution_groups{clause} ORDER BY created_at, id", args
        )
        return [_record(row) for row in rows]

    def traffic_groups_settling_by(self, now: float) -> list[TrafficGroupRecord]:
        rows = self._all(
            "SELECT * FROM traffic_distribution_groups WHERE settle_at <= ? ORDER BY created_at",
            (now,),
        )
        return [_record(row) for row in rows]

    def delete_traffic_group(self, group: TrafficGroupRecord) -> None:
        self._run("DELETE FROM traffic_distribution_groups WHERE id = ?", (group.id,))
        self._run("DELETE FROM tags WHERE resource_arn = ?", (group.arn,))
