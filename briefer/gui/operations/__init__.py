"""The one door from the GUI into briefer.core.

Contract:
- This package is the only part of the GUI that imports `briefer.core`. Every operation is a plain
  function `op(store, arg) -> result` (export also takes a progress handle) run by
  `tasks.TaskRunner` on its single worker thread, with the worker's own `Store`; no operation
  touches Qt. Modules: `store`, `preview`, `export`, `recipes`, `imports`, `library`, `curation`; everything is
  re-exported here: `store` and `preview` (what the first preview needs) at import, the others on first use
  of one of their names (`LAZY`, through the module's `__getattr__`), so the window appears without them.
- Results are frozen dataclasses (core domain objects, or the small row types of the modules)
  that the GUI thread may read freely; a `Store` never leaves the worker.
- User mistakes and unusable inputs raise `BrieferError` (shown in a dialog); anything else is a bug.
- Importing this package is cheap: only `domain`, `errors` and `periods` load at import time. The heavy
  modules (sqlite-utils and numpy, babel, reportlab, matplotlib) load on the worker, in `warm_up`
  or on first use, so the window appears before them.
- A few helpers that need no store (`period_preset`, `default_file_name`, `is_user_error`) are pure
  and fast, and may be called on the GUI thread.
"""

from __future__ import annotations

import datetime as dt
import importlib
import re
import unicodedata
from collections.abc import Sequence

from briefer.core.domain import LANGUAGES, MARKINGS, BriefingOptions, FigureInput, Period, Selection
from briefer.core.errors import BrieferError, StoreError
from briefer.core.periods import PRESETS, preset
from briefer.gui.operations.preview import (
    EVENT_LIMIT,
    ChartImage,
    ChartRequest,
    EventList,
    FigureRow,
    Preview,
    PreviewRequest,
    QuotationRow,
    chart_images,
    events,
    interrupt,
    preview,
    search_quotations,
)
from briefer.gui.operations.store import (
    CountryEntry,
    OpenRequest,
    StoreInfo,
    open_store,
    store_info,
    warm_up,
)

__all__ = [
    "EVENT_LIMIT", "LANGUAGES", "MARKINGS", "PRESETS", "BrieferError", "BriefingOptions", "ChartImage", "ChartRequest",
    "Composition", "CountryEntry", "EventList", "ExportRequest", "FigureRow", "LoadRequest", "OpenRequest",
    "Period", "Preview", "PreviewRequest", "Progress", "QuotationRow", "RenameRequest", "SaveRequest",
    "Selection", "StoreInfo", "chart_images", "default_file_name", "delete_recipe",
    "events", "export_pdf", "interrupt", "is_user_error", "list_recipes", "load_recipe", "no_store", "open_store",
    "period_preset", "prepare_export", "preview", "rename_recipe", "save_recipe", "search_quotations", "slug",
    "store_info", "warm_up",
]
__all__ += [
    "CANCELLABLE", "DocumentDetails", "ImportLogRow", "ImportRequest", "ImportResult", "RowIssue",
    "document_details", "guess_kind", "import_file", "import_log", "is_cancelled", "reload_store",
]
__all__ += ["IncidentProfileRow", "IncidentRowPreview", "IncidentSetup", "incident_setup"]  # incident logs
__all__ += [  # actor names and topic rules (operations.curation)
    "ActorCount", "AliasEdit", "AliasRow", "CurationChange", "CurationState", "RuleEdit", "RuleRow", "TopicRow",
    "add_rule", "curation_state", "remove_alias", "remove_rule", "restore_builtin_aliases", "save_alias",
]
__all__ += [  # the Library window (operations.library)
    "FigureInput", "FigureRequest", "Passage", "PassageRequest", "QuotationRequest", "SnapshotRequest",
    "SourceDetail", "SourceEdit",
    "Suggestion", "delete_item", "list_sources", "passage", "put_snapshot", "save_figure", "save_quotation",
    "save_source", "source_detail", "suggestions",
]


def no_store() -> BrieferError:
    """The error of an operation asked for while no store is open."""
    return StoreError.of("store-none-open")


def localised(value: object, lang: str) -> str:
    """A core message, error or report row in `lang` (English for anything outside the catalogue)."""
    from briefer.core.messages import localise

    return localise(value, lang)


def is_user_error(exc: BaseException) -> bool:
    """True for errors a user can act on (shown as a plain dialog, without a traceback)."""
    return isinstance(exc, BrieferError)


def period_preset(name: str, newest: dt.date) -> Period:
    """The preset period `name` ending on `newest`, the last day with data."""
    return preset(name, newest)


def slug(text: str) -> str:
    """"Côte d'Ivoire" -> "cote-d-ivoire"."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")


def default_file_name(country_names: Sequence[str], topic: str, period: Period) -> str:
    """mali-peacekeeping-2023-06-01_2023-12-31.pdf (several countries joined by "-")."""
    countries = "-".join(slug(n) for n in country_names) or "briefing"
    return f"{countries}-{slug(topic)}-{period.start.isoformat()}_{period.end.isoformat()}.pdf"


# Operations of menus and dialogs, loaded on first use (the window appears without them):
# name -> the module of this package that defines it.
LAZY: dict[str, str] = {
    name: module
    for module, names in {
        "curation": ("ActorCount AliasEdit AliasRow CurationChange CurationState RuleEdit RuleRow TopicRow add_rule "
                     "curation_state remove_alias remove_rule restore_builtin_aliases save_alias"),
        "export": "Composition ExportRequest Progress export_pdf prepare_export",
        "imports": ("CANCELLABLE DocumentDetails ImportLogRow ImportRequest ImportResult IncidentProfileRow "
                    "IncidentRowPreview IncidentSetup RowIssue document_details guess_kind import_file import_log "
                    "incident_setup is_cancelled reload_store"),
        "library": ("FigureRequest Passage PassageRequest QuotationRequest SnapshotRequest SourceDetail SourceEdit "
                    "Suggestion delete_item list_sources passage put_snapshot save_figure save_quotation save_source "
                    "source_detail suggestions"),
        "recipes": "LoadRequest RenameRequest SaveRequest delete_recipe list_recipes load_recipe rename_recipe save_recipe",
    }.items()
    for name in names.split()
}
LAZY_MODULES = frozenset(LAZY.values()) | {"analyst"}


def __getattr__(name: str) -> object:
    """A lazily loaded operation, row type or module (see LAZY): imported on first use, then kept."""
    if name in LAZY_MODULES:
        return importlib.import_module(f"{__name__}.{name}")
    if name not in LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{LAZY[name]}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *LAZY})

