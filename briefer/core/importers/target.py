"""Importing events into a store given by its path, creating the store when it does not exist yet.

Contract of `import_into(store_path, kind, path, **options)`: an existing store is opened for
writing and imported into (`run.import_events`). A path that does not exist yet gets a new store
with the reference data, renamed into place only when the import wrote something (see
`storefile.with_store`): a refused, cancelled, failed or dry-run import leaves no file behind.
`report.notes` says when a store was created.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from briefer.core.importers.report import ImportReport
from briefer.core.importers.run import event_format, import_events
from briefer.core.importers.storefile import with_store
from briefer.core.messages import msg


def import_into(store_path: str | Path, kind: str, path: str | Path, **options: Any) -> ImportReport:
    """Import `path` into the store at `store_path` (see the module's contract)."""
    event_format(kind)
    report, created = with_store(store_path, lambda store: import_events(store, kind, path, **options),
                                 lambda r: r.written)
    if created:
        report.notes.append(msg("note-new-store", path=Path(store_path)))
    return report
