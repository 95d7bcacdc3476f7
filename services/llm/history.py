"""Past comparisons, kept in SQLite under ``cache/llm/`` across restarts.

A record is the JSON that ``matrix.Comparison.record()`` makes: the endpoints in it carry
only their base URL and model, never an API key. A comparison is saved when it starts and
after each answer, so a restart keeps what finished. Its owner (a hash, see
``services/common/owners.py``) alone, or an instructor, may delete it.
"""

import json
import sqlite3
import time
from contextlib import closing
from dataclasses import dataclass

from services.common.owners import Actor
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
# columns added since the first schema: (name, declaration)
_ADDED = (("state", "TEXT NOT NULL DEFAULT 'done'"), ("owner", "TEXT"))


@dataclass(frozen=True)
class Entry:
    id: str
    created: float
    title: str
    cells: int
    state: str
    owner: str | None


def _connect() -> sqlite3.Connection:
    db = sqlite3.connect(cache_dir("llm") / "history.sqlite3", timeout=10)
    db.execute(_SCHEMA)
    present = {row[1] for row in db.execute("PRAGMA table_info(comparisons)")}
    for name, declaration in _ADDED:
        if name not in present:
            db.execute(f"ALTER TABLE comparisons ADD COLUMN {name} {declaration}")
    return db


def save(record: dict) -> None:
    with closing(_connect()) as db, db:
        db.execute(
            "INSERT OR REPLACE INTO comparisons (id, created, title, cells, record, state, owner) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                record["id"],
                record.get("created", time.time()),
                record["title"],
                len(record["cells"]),
                json.dumps(record, ensure_ascii=False),
                record.get("state", "done"),
                record.get("owner"),
            ),
        )


def entries() -> list[Entry]:
    """All saved comparisons, newest first."""
    with closing(_connect()) as db:
        rows = db.execute(
            "SELECT id, created, title, cells, state, owner FROM comparisons ORDER BY created DESC"
        ).fetchall()
    return [Entry(*row) for row in rows]


def load(comparison_id: str) -> dict | None:
    with closing(_connect()) as db:
        row = db.execute("SELECT record FROM comparisons WHERE id = ?", (comparison_id,)).fetchone()
    return json.loads(row[0]) if row else None


def delete(comparison_id: str, actor: Actor) -> None:
    """Delete a comparison if ``actor`` owns it or teaches (else ``UserError("common.not_yours")``)."""
    record = load(comparison_id)
    if record is None:
        return
    actor.check(record.get("owner"))
    with closing(_connect()) as db, db:
        db.execute("DELETE FROM comparisons WHERE id = ?", (comparison_id,))
