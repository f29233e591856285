"""The content hash reads each table's columns once per connection: a migration that adds a
column, or another connection with another schema, must never be hashed with a stale list."""

from __future__ import annotations

import sqlite3

from bodymap.storage import content, schema


def test_columns_follow_migrations_and_connections() -> None:
    old = sqlite3.connect(":memory:", isolation_level=None)
    schema.migrate(old, target=5)
    assert "atlas_version" not in content._columns(old, "visits")
    schema.migrate(old)  # v6 adds visits.atlas_version on the same connection
    assert content._columns(old, "visits")[-1] == "atlas_version"
    other = sqlite3.connect(":memory:", isolation_level=None)
    other.execute("CREATE TABLE visits (id TEXT PRIMARY KEY, note TEXT)")
    assert content._columns(other, "visits") == ["id", "note"]
    assert content._columns(old, "visits")[-1] == "atlas_version"
    old.close()
    other.close()
