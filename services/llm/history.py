"""Past comparisons, kept in SQLite under ``cache/llm/`` across restarts.

A record is the JSON that ``llm.Comparison.record()`` makes: the endpoints in it carry
only their base URL and model, never an API key.
"""

import json
import sqlite3
import time
from contextlib import closing
from dataclasses import dataclass

from services.common.paths import cache_dir

_SCHEMA = """
CREATE TABLE IF NOT EXISTS comparisons (
    id TEXT PRIMARY KEY,
    created REAL NOT NULL,
    title TEXT NOT NULL,
    cells INTEGER NOT NULL,
    record TEXT NOT NULL
)
"""


@dataclass(frozen=True)
class Entry:
    id: str
    created: float
    title: str
    cells: int


def _connect() -> sqlite3.Connection:
    db = sqlite3.connect(cache_dir("llm") / "history.sqlite3", timeout=10)
    db.execute(_SCHEMA)
    return db


def save(record: dict) -> None:
    with closing(_connect()) as db, db:
        db.execute(
            "INSERT OR REPLACE INTO comparisons (id, created, title, cells, record) VALUES (?, ?, ?, ?, ?)",
            (
                record["id"],
                record.get("created", time.time()),
                record["title"],
                len(record["cells"]),
                json.dumps(record, ensure_ascii=False),
            ),
        )


def entries() -> list[Entry]:
    """All saved comparisons, newest first."""
    with closing(_connect()) as db:
        rows = db.execute(
            "SELECT id, created, title, cells FROM comparisons ORDER BY created DESC"
        ).fetchall()
    return [Entry(*row) for row in rows]


def load(comparison_id: str) -> dict | None:
    with closing(_connect()) as db:
        row = db.execute("SELECT record FROM comparisons WHERE id = ?", (comparison_id,)).fetchone()
    return json.loads(row[0]) if row else None


def delete(comparison_id: str) -> None:
    with closing(_connect()) as db, db:
        db.execute("DELETE FROM comparisons WHERE id = ?", (comparison_id,))
