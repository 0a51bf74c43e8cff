"""Importers: one module per input kind, each parse -> validate -> one transaction.

Event files: `import_events(store, "acled" | "ucdp", path, ...)` (see `run`), or
`import_into(store_path, ...)`, which also creates a new store when the path does not exist yet.
Documents: `documents.import_document(_into)`; references (RIS, BibTeX, CSL-JSON):
`references.import_references(_into)`; region outlines: `boundaries.import_boundaries(_into)`.
Quotations and figures checked against their source: `capture`; candidates: `candidates`.
An organisation's own incident log: `incident_import.import_incidents(_into)`, with mapping
profiles and the heading guesser in `profiles`.
"""

from __future__ import annotations

from briefer.core.importers.report import ImportReport, RowError
from briefer.core.importers.run import FORMATS, import_events
from briefer.core.importers.target import import_into

__all__ = ["FORMATS", "ImportReport", "RowError", "import_events", "import_into"]
