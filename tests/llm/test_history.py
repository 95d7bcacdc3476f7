"""Past comparisons survive a restart in SQLite, and only their owner (or an instructor) deletes them."""

import sqlite3

import pytest

from services.common.errors import UserError
from services.common.owners import Actor
from services.common.paths import cache_dir
from services.llm import history

OWNER, OTHER, TEACHER = Actor("a" * 32), Actor("b" * 32), Actor("c" * 32, instructor=True)


def test_history_round_trip_and_delete():
    record = {"id": "abc", "created": 1.0, "title": "t", "owner": OWNER.owner, "cells": [{"text": "привіт"}]}
    history.save(record)
    assert [(e.id, e.state, e.owner) for e in history.entries()] == [("abc", "done", OWNER.owner)]
    assert history.load("abc") == record
    history.delete("abc", OWNER)
    assert history.entries() == [] and history.load("abc") is None


def test_only_the_owner_or_an_instructor_deletes():
    history.save({"id": "mine", "title": "t", "owner": OWNER.owner, "state": "running", "cells": []})
    with pytest.raises(UserError) as caught:
        history.delete("mine", OTHER)
    assert caught.value.key == "common.not_yours" and history.load("mine") is not None
    history.delete("mine", TEACHER)
    assert history.load("mine") is None


def test_a_database_from_before_states_and_owners_still_opens():
    with sqlite3.connect(cache_dir("llm") / "history.sqlite3") as db:
        db.execute(
            "CREATE TABLE comparisons (id TEXT PRIMARY KEY, created REAL NOT NULL, title TEXT NOT NULL, "
            "cells INTEGER NOT NULL, record TEXT NOT NULL)"
        )
        db.execute(
            "INSERT INTO comparisons VALUES ('old', 1.0, 'old', 0, '{\"id\": \"old\", \"cells\": []}')"
        )
    (entry,) = history.entries()
    assert (entry.state, entry.owner) == ("done", None)
    with pytest.raises(UserError):  # saved before owners were recorded: an instructor's to delete
        history.delete("old", OWNER)
