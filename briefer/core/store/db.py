"""Opening, creating and checking a store file.

Contract: `open_store(path)` returns a `Store` whose schema is current, or raises a `StoreError`
subclass with a message naming the file: missing, not a store (or corrupt), newer than this
version of briefer. A `Store` belongs to the thread that opened it; open one per worker thread.
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path
from types import TracebackType
from typing import Self


def import_sqlite_utils_without_numpy() -> None:
    """sqlite-utils imports numpy (0.1-0.2 s, a quarter of the imports of a first demo build) only
    to map numpy scalars to column types; briefer never inserts numpy values, so when neither is
    loaded yet sqlite-utils is imported with numpy hidden. numpy stays importable (matplotlib
    loads it for the first chart). Runs when this module is first imported."""
    if "sqlite_utils" in sys.modules or "numpy" in sys.modules:
        return
    sys.modules["numpy"] = None  # type: ignore[assignment]
    try:
        import sqlite_utils  # noqa: F401
    finally:
        del sys.modules["numpy"]


import_sqlite_utils_without_numpy()

from sqlite_utils import Database

from briefer.core.errors import NewerStoreError, NotAStoreError, StoreError
from briefer.core.messages import msg
from briefer.core.store.schema import MIGRATION_SET, known_migrations, migrations

SQLITE_HEADER = b"SQLite format 3\x00"
APP_ID = 0x42524646  # "BRFF": PRAGMA application_id of every briefer store


class Store:
    """An open store: `db` is the sqlite-utils Database, `path` the file, `read_only` its mode."""

    def __init__(self, db: Database, path: Path, read_only: bool) -> None:
        self.db = db
        self.path = path
        self.read_only = read_only

    def require_writable(self, refused: str) -> None:
        """StoreError when the store was opened read-only; `refused` is the catalogue key of what
        cannot be done ("ro-sources", "ro-curation", "ro-recipes", "ro-import")."""
        if self.read_only:
            raise StoreError.of("store-read-only", path=self.path, refused=msg(refused))

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


def open_store(path: str | Path, *, create: bool = False, read_only: bool = False) -> Store:
    """Open the store at `path`, creating an empty one when `create` and the file is absent."""
    path = Path(path)
    if not path.exists():
        if not create:
            raise StoreError.of("store-missing", path=path)
        if not path.parent.is_dir():
            raise StoreError.of("store-no-folder", path=path, folder=path.parent)
    elif path.is_dir():
        raise NotAStoreError.of("store-is-folder", path=path)
    else:
        _check_header(path)
    try:
        store = _connect(path, read_only)
        _prepare(store)
    except sqlite3.DatabaseError as exc:
        raise NotAStoreError.of("store-damaged", path=path, reason=exc) from exc
    return store


def _check_header(path: Path) -> None:
    try:
        with path.open("rb") as handle:
            head = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise StoreError.of("store-unreadable", path=path, reason=exc.strerror) from exc
    if head and head != SQLITE_HEADER:
        raise NotAStoreError.of("store-not-sqlite", path=path)


def _connect(path: Path, read_only: bool) -> Store:
    if read_only:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False)
    else:
        conn = sqlite3.connect(str(path), check_same_thread=False)
    db = Database(conn)
    db.execute("PRAGMA foreign_keys = ON")
    if not read_only:
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = NORMAL")
    return Store(db, path, read_only)


def _prepare(store: Store) -> None:
    """Check the schema and bring it up to date (or refuse)."""
    db = store.db
    tables = set(db.table_names())
    if tables and "_sqlite_migrations" not in tables:
        raise NotAStoreError.of("store-other-program", path=store.path)
    applied = [m.name for m in migrations.applied(db)]
    if tables and not applied:
        raise NotAStoreError.of("store-no-schema", path=store.path)
    unknown = [name for name in applied if name not in known_migrations()]
    if unknown:
        raise NewerStoreError.of("store-newer", path=store.path, schema=unknown[-1])
    if len(applied) < len(known_migrations()):
        if store.read_only:
            raise StoreError.of("store-upgrade-read-only", path=store.path)
        migrations.apply(db)
        db.execute(f"PRAGMA application_id = {APP_ID}")
        db.table("meta").upsert({"key": "schema", "value": known_migrations()[-1]}, pk="key")
        db.table("meta").upsert({"key": "migration_set", "value": MIGRATION_SET}, pk="key")


def schema_version(store: Store) -> str:
    """The name of the newest migration applied to the store."""
    return migrations.applied(store.db)[-1].name
