"""The tables. Status words are stored as the lifecycle writes them; the store never reads them."""

from __future__ import annotations

SCHEMA_VERSION = "2"

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS instances (
    id TEXT PRIMARY KEY, arn TEXT NOT NULL UNIQUE, alias TEXT NOT NULL,
    account TEXT NOT NULL, region TEXT NOT NULL, created_at REAL NOT NULL);
CREATE TABLE IF NOT EXISTS sources (
    id TEXT PRIMARY KEY, arn TEXT NOT NULL UNIQUE, phone_number TEXT NOT NULL,
    account TEXT NOT NULL, region TEXT NOT NULL, iso_country TEXT NOT NULL,
    number_type TEXT NOT NULL, message_type TEXT NOT NULL, capabilities TEXT NOT NULL,
    status TEXT NOT NULL, deletion_protection INTEGER NOT NULL DEFAULT 0,
    created_at REAL NOT NULL, two_way_channel_arn TEXT, two_way_enabled INTEGER NOT NULL DEFAULT 0,
    pool_id TEXT);
CREATE TABLE IF NOT EXISTS numbers (
    id TEXT PRIMARY KEY, arn TEXT NOT NULL UNIQUE, account TEXT NOT NULL, region TEXT NOT NULL,
    phone_number TEXT NOT NULL, country_code TEXT NOT NULL, number_type TEXT NOT NULL,
    description TEXT, instance_id TEXT NOT NULL, target_arn TEXT NOT NULL,
    source_arn TEXT NOT NULL, status TEXT NOT NULL, message TEXT,
    outcome TEXT, outcome_message TEXT, settle_at REAL, describes_left INTEGER,
    created_at REAL NOT NULL, seq INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS tags (
    resource_arn TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL,
    PRIMARY KEY (resource_arn, key));
CREATE TABLE IF NOT EXISTS client_tokens (
    account TEXT NOT NULL, operation TEXT NOT NULL, token TEXT NOT NULL,
    fingerprint TEXT NOT NULL, response TEXT NOT NULL, created_at REAL NOT NULL,
    PRIMARY KEY (account, operation, token));
CREATE TABLE IF NOT EXISTS traffic_distribution_groups (
    id TEXT PRIMARY KEY, arn TEXT NOT NULL UNIQUE, name TEXT NOT NULL, description TEXT,
    instance_id TEXT NOT NULL, instance_arn TEXT NOT NULL, account TEXT NOT NULL,
    region TEXT NOT NULL, status TEXT NOT NULL, settle_at REAL, created_at REAL NOT NULL);
CREATE TABLE IF NOT EXISTS contact_flows (
    id TEXT PRIMARY KEY, arn TEXT NOT NULL UNIQUE, instance_id TEXT NOT NULL,
    account TEXT NOT NULL, region TEXT NOT NULL, name TEXT NOT NULL, type TEXT NOT NULL,
    description TEXT, content TEXT NOT NULL, status TEXT NOT NULL, created_at REAL NOT NULL,
    seq INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS flow_associations (
    phone_number_id TEXT PRIMARY KEY, phone_number_arn TEXT NOT NULL, instance_id TEXT NOT NULL,
    flow_id TEXT NOT NULL, flow_arn TEXT NOT NULL, account TEXT NOT NULL, region TEXT NOT NULL,
    seq INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS quota_events (
    seq INTEGER PRIMARY KEY AUTOINCREMENT, account TEXT NOT NULL, region TEXT NOT NULL,
    kind TEXT NOT NULL, phone_number_id TEXT NOT NULL, at REAL NOT NULL);
"""

# Columns added after schema version 1: a state file made by an older service gains them on open.
ADDED_COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    "sources": (
        ("two_way_channel_arn", "TEXT"),
        ("two_way_enabled", "INTEGER NOT NULL DEFAULT 0"),
        ("pool_id", "TEXT"),
    ),
}

TABLES = (
    "instances",
    "sources",
    "numbers",
    "tags",
    "client_tokens",
    "quota_events",
    "traffic_distribution_groups",
    "contact_flows",
    "flow_associations",
)
