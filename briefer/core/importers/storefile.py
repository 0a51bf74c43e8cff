"""Running an import against a store given by its path, and the import log.

Contract of `with_store(store_path, work, written)`: an existing store is opened for writing and
`work(store)` runs on it. A path that does not exist yet gets a new store with the reference data,
built in a temporary file beside it and renamed into place only when `written(result)` is true: a
refused, failed or dry-run import leaves no file behind. Returns (result, created).

`log_import(store, report, started)` adds the report's line to the `imports` table (inside the
caller's transaction).
"""

from __future__ import annotations

import datetime as dt
import getpass
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from briefer.core.errors import StoreError
from briefer.core.importers.report import ImportReport
from briefer.core.store.db import Store, open_store

R = TypeVar("R")


def with_store(store_path: str | Path, work: Callable[[Store], R], written: Callable[[R], bool]) -> tuple[R, bool]:
    """`work` on the store at `store_path`, created when absent (see the module's contract)."""
    target = Path(store_path)
    if target.exists():
        with open_store(target) as store:
            return work(store), False
    return _in_new_store(target, work, written)


def _in_new_store(target: Path, work: Callable[[Store], R], written: Callable[[R], bool]) -> tuple[R, bool]:
    from briefer.core.demo.build import load_reference_data

    if not target.parent.is_dir():
        raise StoreError.of("store-no-folder", path=target, folder=target.parent)
    handle, name = tempfile.mkstemp(prefix=".briefer-", suffix=".db", dir=target.parent)
    os.close(handle)
    temp = Path(name)
    temp.unlink()
    try:
        with open_store(temp, create=True) as store:
            with store.db.atomic():
                load_reference_data(store)
            result = work(store)
            store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        created = written(result)
        if created:
            os.replace(temp, target)
    except OSError as exc:
        raise StoreError.of("store-cannot-create", path=target, reason=exc.strerror or exc) from exc
    finally:
        for leftover in (temp, Path(f"{temp}-wal"), Path(f"{temp}-shm")):
            leftover.unlink(missing_ok=True)
    return result, created


def now() -> str:
    """The moment an import starts, as logged."""
    return dt.datetime.now().isoformat(timespec="seconds")


def log_import(store: Store, report: ImportReport, started: str) -> None:
    """One line in the `imports` table for `report`."""
    store.db.table("imports").insert({
        "kind": report.kind, "file": str(Path(report.file).resolve()), "dataset_id": None,
        "started": started, "user": user(), "added": report.added, "updated": report.updated,
        "unchanged": report.unchanged, "rejected": report.rejected, "message": report.message(),
        "message_fr": report.message("fr"),
    })


def user() -> str:
    """The user name logged with an import (empty when the system cannot tell)."""
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):
        return ""
