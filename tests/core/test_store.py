"""The store file: creation, schema version, refusal of foreign or newer files, FTS, pragmas."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from briefer.core.errors import NewerStoreError, NotAStoreError, StoreError, ValidationError
from briefer.core.store import reads, writes
from briefer.core.store.db import open_store, schema_version
from briefer.core.store.schema import known_migrations


def test_new_store_has_current_schema_wal_and_foreign_keys(tmp_path: Path) -> None:
    with open_store(tmp_path / "s.db", create=True) as store:
        assert schema_version(store) == known_migrations()[-1]
        assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert store.db["meta"].get("schema")["value"] == known_migrations()[-1]


def test_missing_store_is_refused_without_create(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such store"):
        open_store(tmp_path / "absent.db")
    assert not (tmp_path / "absent.db").exists()


def test_text_file_is_not_a_store(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("hello, not a database\n" * 10)
    with pytest.raises(NotAStoreError, match="not a briefer store"):
        open_store(path)


def test_other_sqlite_database_is_not_a_store(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    with pytest.raises(NotAStoreError, match="another program"):
        open_store(path)


def test_truncated_store_is_refused(tmp_path: Path, demo_store_path: Path) -> None:
    path = tmp_path / "cut.db"
    path.write_bytes(demo_store_path.read_bytes()[:20000])
    with pytest.raises(NotAStoreError), open_store(path) as store:
        reads.countries(store)


def test_newer_store_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    with open_store(path, create=True) as store:
        store.db["_sqlite_migrations"].insert(
            {"migration_set": "briefer", "name": "9999_from_the_future", "applied_at": "2030-01-01"}
        )
    with pytest.raises(NewerStoreError, match="newer version of briefer"):
        open_store(path)


def test_read_only_store_cannot_be_written(demo_store_path: Path) -> None:
    with open_store(demo_store_path, read_only=True) as store, pytest.raises(sqlite3.OperationalError):
        store.db.execute("DELETE FROM topics")


def test_fts_folds_diacritics(fresh_store) -> None:  # type: ignore[no-untyped-def]
    sid = writes.add_source(fresh_store, title="Rapport", full_text="Plus de 375 000 déplacés internes.")
    writes.add_quotation(fresh_store, sid, "Plus de 375 000 déplacés internes.")
    hits = list(fresh_store.db["quotations"].search("deplaces", quote=True))
    assert [h["text"] for h in hits] == ["Plus de 375 000 déplacés internes."]
    assert [s["id"] for s in fresh_store.db["sources"].search("DEPLACES", quote=True)] == [sid]


def test_quotation_must_be_verbatim_unless_paraphrase(fresh_store) -> None:  # type: ignore[no-untyped-def]
    full = "The vote follows a request ‘without delay.’ More text."
    sid = writes.add_source(fresh_store, title="A", full_text=full)
    qid = writes.add_quotation(fresh_store, sid, "a request 'without  delay.'")
    row = fresh_store.db["quotations"].get(qid)
    assert full[row["start_offset"]:row["end_offset"]] == "a request ‘without delay.’"
    with pytest.raises(ValidationError, match="not verbatim"):
        writes.add_quotation(fresh_store, sid, "a request made slowly")
    assert writes.add_quotation(fresh_store, sid, "a request made slowly", paraphrase=True)


def test_topic_masks_follow_rules(fresh_store) -> None:  # type: ignore[no-untyped-def]
    dataset = writes.add_dataset(fresh_store, name="t")
    writes.insert_events(fresh_store, dataset, [
        {"external_id": "1", "event_date": "2023-07-01", "country_iso3": "MLI", "event_type": "Battles",
         "actor1": "MINUSMA: United Nations Multidimensional Integrated Stabilization Mission in Mali (2013-)"},
        {"external_id": "2", "event_date": "2023-07-02", "country_iso3": "MLI", "event_type": "Protests",
         "notes": "Des manifestants réclament le départ des Casques bleus."},
    ])
    bits = {t.slug: t.bit for t in reads.topics(fresh_store)}
    masks = dict(fresh_store.db.execute("SELECT external_id, topic_mask FROM events").fetchall())
    assert masks["1"] & (1 << bits["peacekeeping"]) and masks["1"] & (1 << bits["armed-conflict"])
    assert masks["2"] & (1 << bits["peacekeeping"]) and masks["2"] & (1 << bits["protests"])
    assert not masks["2"] & (1 << bits["armed-conflict"])


def test_retagging_rebuilds_the_selection_tables(fresh_store) -> None:  # type: ignore[no-untyped-def]
    dataset = writes.add_dataset(fresh_store, name="t")
    writes.insert_events(fresh_store, dataset, [
        {"external_id": "1", "event_date": "2023-07-01", "country_iso3": "MLI", "event_type": "Protests",
         "notes": "Traders protested against fuel prices in Gao.", "fatalities": 0},
    ])
    bits = {t.slug: t.bit for t in reads.topics(fresh_store)}

    def indexed(slug: str) -> int:
        sql = "SELECT count(*) FROM event_index WHERE bit = ?"
        return fresh_store.db.execute(sql, [bits[slug]]).fetchone()[0]

    assert indexed("protests") == 1 and indexed("governance") == 0
    fresh_store.db["topic_rules"].insert({"topic": "governance", "field": "keyword", "pattern": "fuel prices"})
    assert writes.retag_events(fresh_store) == 1
    assert indexed("governance") == 1
    daily = fresh_store.db.execute("SELECT sum(events) FROM topic_daily WHERE bit = ?", [bits["governance"]]).fetchone()
    assert daily[0] == 1


def test_country_counts_follow_imports(fresh_store) -> None:  # type: ignore[no-untyped-def]
    dataset = writes.add_dataset(fresh_store, name="t")
    writes.insert_events(fresh_store, dataset, [
        {"external_id": str(i), "event_date": "2023-07-01", "country_iso3": iso, "event_type": "Battles"}
        for i, iso in enumerate(["MLI", "MLI", "NER"])
    ])
    assert reads.countries_with_events(fresh_store) == {"MLI": 2, "NER": 1}
    assert reads.event_date_range(fresh_store) is not None


def test_a_read_only_store_refuses_changes_saying_what_cannot_be_done(demo_store_path: Path) -> None:
    with open_store(demo_store_path, read_only=True) as store, pytest.raises(StoreError) as refused:
        store.require_writable("ro-import")
    assert str(refused.value) == (f"{demo_store_path}: opened read-only; nothing can be imported into it. "
                                  "Open a writable copy of the store.")
    assert "ouvert en lecture seule\u00a0; rien ne peut y être importé." in refused.value.text("fr")
    with open_store(demo_store_path) as store:
        store.require_writable("ro-import")  # a writable store: nothing said


def test_an_older_store_is_upgraded_when_opened(tmp_path: Path, demo_store_path: Path) -> None:
    path = tmp_path / "old.db"
    path.write_bytes(demo_store_path.read_bytes())
    conn = sqlite3.connect(path)
    for table in ("country_counts", "actor_aliases", "admin1_aliases", "import_profiles"):
        conn.execute(f"DROP TABLE {table}")
    conn.execute("ALTER TABLE imports DROP COLUMN message_fr")
    conn.execute("DELETE FROM _sqlite_migrations WHERE name > '0002_boundaries'")
    conn.commit()
    conn.close()
    with open_store(path) as store:
        assert schema_version(store) == known_migrations()[-1]
        assert reads.countries_with_events(store)["MLI"] > 1000
        assert "message_fr" in store.db.table("imports").columns_dict  # 0005
