"""Contact flows and the flow each voice phone number is associated with."""

from __future__ import annotations

import dataclasses
import sqlite3

from connect_local_service.domain.records import ContactFlowRecord, FlowAssociationRecord
from connect_local_service.store.rows import Rows, where

_FLOW_COLUMNS = tuple(f.name for f in dataclasses.fields(ContactFlowRecord))
_ASSOCIATION_COLUMNS = tuple(f.name for f in dataclasses.fields(FlowAssociationRecord))


def _flow(row: sqlite3.Row) -> ContactFlowRecord:
    return ContactFlowRecord(**{column: row[column] for column in _FLOW_COLUMNS})


def _association(row: sqlite3.Row) -> FlowAssociationRecord:
    return FlowAssociationRecord(**{column: row[column] for column in _ASSOCIATION_COLUMNS})


class FlowRows(Rows):
    def _next_seq(self, table: str) -> int:
        row = self._one(f"SELECT COALESCE(MAX(seq), 0) + 1 FROM {table}")
        assert row is not None
        return int(row[0])

    def insert_contact_flow(self, flow: ContactFlowRecord) -> ContactFlowRecord:
        """Stores a new flow; the record returned carries its creation sequence."""
        stored = dataclasses.replace(flow, seq=self._next_seq("contact_flows"))
        values = dataclasses.astuple(stored)
        placeholders = ",".join("?" * len(values))
        self._run(
            f"INSERT INTO contact_flows({','.join(_FLOW_COLUMNS)}) VALUES ({placeholders})",
            values,
        )
        return stored

    def contact_flows(
        self,
        account: str | None = None,
        region: str | None = None,
        instance_id: str | None = None,
        flow_id: str | None = None,
        name: str | None = None,
    ) -> list[ContactFlowRecord]:
        """Flows matching every filter given, in creation order."""
        clause, args = where(
            {
                "account": account,
                "region": region,
                "instance_id": instance_id,
                "id": flow_id,
                "name": name,
            }
        )
        rows = self._all(f"SELECT * FROM contact_flows{clause} ORDER BY seq", args)
        return [_flow(row) for row in rows]

    def delete_instance_flows(self, instance_id: str) -> None:
        """The flows of a deleted instance, their tags and associations go with it."""
        for flow in self.contact_flows(instance_id=instance_id):
            self._run("DELETE FROM tags WHERE resource_arn = ?", (flow.arn,))
        self._run("DELETE FROM contact_flows WHERE instance_id = ?", (instance_id,))
        self._run("DELETE FROM flow_associations WHERE instance_id = ?", (instance_id,))

    def put_flow_association(self, association: FlowAssociationRecord) -> FlowAssociationRecord:
        """Associates the number with the flow, replacing any flow it had."""
        self.delete_flow_association(association.phone_number_id)
        stored = dataclasses.replace(association, seq=self._next_seq("flow_associations"))
        values = dataclasses.astuple(stored)
        placeholders = ",".join("?" * len(values))
        self._run(
            f"INSERT INTO flow_associations({','.join(_ASSOCIATION_COLUMNS)}) "
            f"VALUES ({placeholders})",
            values,
        )
        return stored

    def flow_associations(
        self,
        account: str | None = None,
        region: str | None = None,
        instance_id: str | None = None,
        phone_number_id: str | None = None,
    ) -> list[FlowAssociationRecord]:
        """Associations matching every filter given, oldest first."""
        clause, args = where(
            {
                "account": account,
                "region": region,
                "instance_id": instance_id,
                "phone_number_id": phone_number_id,
            }
        )
        rows = self._all(f"SELECT * FROM flow_associations{clause} ORDER BY seq", args)
        return [_association(row) for row in rows]

    def delete_flow_association(self, phone_number_id: str) -> bool:
        """False when the number had no flow."""
        deleted = self._run(
            "DELETE FROM flow_associations WHERE phone_number_id = ?", (phone_number_id,)
        )
        return deleted > 0
