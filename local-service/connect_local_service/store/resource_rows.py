"""Connect instances and the tags of any resource."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from connect_local_service.domain.records import InstanceRecord
from connect_local_service.store.rows import Rows


def _instance(row: sqlite3.Row) -> InstanceRecord:
    return InstanceRecord(
        row["id"], row["arn"], row["alias"], row["account"], row["region"], row["created_at"]
    )


class ResourceRows(Rows):
    def insert_instance(self, instance: InstanceRecord, if_absent: bool = False) -> None:
        verb = "INSERT OR IGNORE" if if_absent else "INSERT"
        self._run(
            f"{verb} INTO instances(id, arn, alias, account, region, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (
                instance.id,
                instance.arn,
                instance.alias,
                instance.account,
                instance.region,
                instance.created_at,
            ),
        )

    def instance(self, instance_id: str, account: str, region: str) -> InstanceRecord | None:
        row = self._one(
            "SELECT * FROM instances WHERE id = ? AND account = ? AND region = ?",
            (instance_id, account, region),
        )
        return None if row is None else _instance(row)

    def instance_with_alias(self, alias: str, account: str, region: str) -> InstanceRecord | None:
        row = self._one(
            "SELECT * FROM instances WHERE alias = ? AND account = ? AND region = ?",
            (alias, account, region),
        )
        return None if row is None else _instance(row)

    def instances(self, account: str, region: str) -> list[InstanceRecord]:
        rows = self._all(
            "SELECT * FROM instances WHERE account = ? AND region = ? ORDER BY created_at, id",
            (account, region),
        )
        return [_instance(row) for row in rows]

    def delete_instance(self, instance: InstanceRecord) -> None:
        self._run("DELETE FROM instances WHERE id = ?", (instance.id,))
        self._run("DELETE FROM tags WHERE resource_arn = ?", (instance.arn,))

    def tags(self, arn: str) -> dict[str, str]:
        rows = self._all("SELECT key, value FROM tags WHERE resource_arn = ?", (arn,))
        return {row["key"]: row["value"] for row in rows}

    def all_tags(self) -> dict[str, dict[str, str]]:
        by_arn: dict[str, dict[str, str]] = {}
        for row in self._all("SELECT * FROM tags"):
            by_arn.setdefault(row["resource_arn"], {})[row["key"]] = row["value"]
        return by_arn

    def put_tags(self, arn: str, tags: dict[str, str]) -> None:
        for key, value in tags.items():
            self._run(
                "INSERT OR REPLACE INTO tags(resource_arn, key, value) VALUES (?, ?, ?)",
                (arn, key, value),
            )

    def remove_tags(self, arn: str, keys: Iterable[str]) -> None:
        for key in keys:
            self._run("DELETE FROM tags WHERE resource_arn = ? AND key = ?", (arn, key))
