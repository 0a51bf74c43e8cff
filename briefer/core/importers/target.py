"""Importing into a store given by its path, creating the store when it does not exist yet.

Contract of `import_into(store_path, kind, path, **options)`: an existing store is opened for
writing and imported into (`run.import_events`). A path that does not exist yet gets a new store
with the reference data (countries, aliases, topics, regions), built in a temporary file beside
it and renamed into place only when the import wrote something: a refused, cancelled, failed or
dry-run import leaves no file behind. `report.notes` says when a store was created.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

from briefer.core.errors import StoreError
from briefer.core.importers.report import ImportReport
from briefer.core.importers.run import event_format, import_events
from briefer.core.store.db import open_store


def import_into(store_path: str | Path, kind: str, path: str | Path, **options: Any) -> ImportReport:
    """Import `path` into the store at `store_path` (see the module's contract)."""
    target = Path(store_path)
    event_format(kind)
    if target.exists():
        with open_store(target) as store:
            return import_events(store, kind, path, **options)
    return _into_new_store(target, kind, Path(path), options)


def _into_new_store(target: Path, kind: str, path: Path, options: dict[str, Any]) -> ImportReport:
    from briefer.core.demo.build import load_reference_data

    if not target.parent.is_dir():
        raise StoreError(f"{target}: the folder {target.parent} does not exist.")
    handle, name = tempfile.mkstemp(prefix=".briefer-", suffix=".db", dir=target.parent)
    os.close(handle)
    temp = Path(name)
    temp.unlink()
    try:
        with open_store(temp, create=True) as store:
            with store.db.atomic():
                load_reference_data(store)
            report = import_events(store, kind, path, **options)
            store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        if report.written:
            os.replace(temp, target)
            report.notes.append(f"created a new store at {target}")
    except OSError as exc:
        raise StoreError(f"{target}: cannot create the store ({exc.strerror or exc}).") from exc
    finally:
        for leftover in (temp, Path(f"{temp}-wal"), Path(f"{temp}-shm")):
            leftover.unlink(missing_ok=True)
    return report
