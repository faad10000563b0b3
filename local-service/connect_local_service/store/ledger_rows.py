"""What the service remembers about past requests: ClientTokens, quota events, meta values."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from connect_local_service.domain.records import QuotaEvent, RememberedAnswer
from connect_local_service.store.rows import Rows


class LedgerRows(Rows):
    def remembered_answer(
        self, account: str, operation: str, token: str
    ) -> RememberedAnswer | None:
        row = self._one(
            "SELECT fingerprint, response FROM client_tokens "
            "WHERE account = ? AND operation = ? AND token = ?",
            (account, operation, token),
        )
        if row is None:
            return None
        return RememberedAnswer(row["fingerprint"], json.loads(row["response"]))

    def remember_answer(
        self,
        account: str,
        operation: str,
        token: str,
        answer: RememberedAnswer,
        at: float,
    ) -> None:
        self._run(
            "INSERT INTO client_tokens(account, operation, token, fingerprint, response, "
            "created_at) VALUES (?, ?, ?, ?, ?, ?)",
            (account, operation, token, answer.fingerprint, json.dumps(answer.response), at),
        )

    def forget_answers_before(self, moment: float) -> None:
        self._run("DELETE FROM client_tokens WHERE created_at < ?", (moment,))

    def add_quota_event(self, event: QuotaEvent) -> None:
        self._run(
            "INSERT INTO quota_events(account, region, kind, phone_number_id, at) "
            "VALUES (?, ?, ?, ?, ?)",
            (event.account, event.region, event.kind, event.phone_number_id, event.at),
        )

    def quota_events(
        self,
        account: str | None = None,
        region: str | None = None,
        kind: str | None = None,
        after: float | None = None,
    ) -> list[QuotaEvent]:
        """Events matching every filter given (`after`: strictly later), oldest first."""
        clauses: list[str] = []
        args: list[Any] = []
        for column, value in (("account", account), ("region", region), ("kind", kind)):
            if value is not None:
                clauses.append(f"{column} = ?")
                args.append(value)
        if after is not None:
            clauses.append("at > ?")
            args.append(after)
        condition = f" WHERE {' AND '.join(clauses)}" if clauses else ""
        rows = self._all(f"SELECT * FROM quota_events{condition} ORDER BY seq", args)
        return [
            QuotaEvent(r["kind"], r["phone_number_id"], r["at"], r["account"], r["region"])
            for r in rows
        ]

    def get_meta(self, key: str) -> str | None:
        row = self._one("SELECT value FROM meta WHERE key = ?", (key,))
        return None if row is None else str(row["value"])

    def set_meta(self, key: str, value: str) -> None:
        self._run("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (key, value))

    def clear(self, tables: Iterable[str]) -> None:
        """Empties `tables` and every meta value except the schema version."""
        for table in tables:
            self._run(f"DELETE FROM {table}")
        self._run("DELETE FROM meta WHERE key != 'schema_version'")
