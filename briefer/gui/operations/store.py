"""Operations on stores: open one (or create an empty one) and read what the pickers need."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefer.core.errors import StoreError

if TYPE_CHECKING:
    from briefer.core.domain import Country, Topic
    from briefer.core.store.db import Store
    from briefer.core.templates import Template


@dataclass(frozen=True)
class OpenRequest:
    """Which store to open. kind: "path" (an existing file), "default" (the user's store, built from
    the demo data on first run), "new" (create an empty store at `path`). `read_only` None means
    "read-only when the file is not writable"."""

    kind: str = "default"
    path: Path | None = None
    read_only: bool | None = None


@dataclass(frozen=True)
class CountryEntry:
    country: Country
    events: int


@dataclass(frozen=True)
class StoreInfo:
    """What the GUI shows about the open store and needs to fill its pickers."""

    path: Path
    read_only: bool
    countries: tuple[CountryEntry, ...]
    aliases: dict[str, tuple[str, ...]]
    topics: tuple[Topic, ...]
    templates: tuple[Template, ...]
    sections: tuple[str, ...]
    first_day: dt.date | None
    newest_day: dt.date | None
    event_count: int
    quotation_count: int
    saved: tuple[str, ...]
    synthetic: bool


def warm_up(store: Store | None, _: object = None) -> None:
    """Import the core modules a preview needs (on the worker, while the window is being built)."""
    from briefer.core.store.db import import_sqlite_utils_without_numpy

    import_sqlite_utils_without_numpy()  # done on importing db; first, before anything loads numpy
    import briefer.core.assemble
    import briefer.core.recipes  # noqa: F401


def open_store(store: Store | None, request: OpenRequest) -> tuple[Store, StoreInfo]:
    """Open the requested store (the worker then closes `store`); StoreError when it cannot be used."""
    from briefer.core.store.db import open_store as open_file

    if request.kind == "default":
        from briefer.core.pipeline import default_store

        path = default_store()
    elif request.path is None:
        raise StoreError.of("store-none-given")
    else:
        path = Path(request.path)
    if request.kind == "new":
        created = _create_empty(path)
        return created, store_info(created)
    read_only = request.read_only
    if read_only is None:
        read_only = path.exists() and not os.access(path, os.W_OK)
    opened = open_file(path, read_only=read_only)
    try:
        return opened, store_info(opened)
    except BaseException:
        opened.close()
        raise


def _create_empty(path: Path) -> Store:
    """A new store at `path` holding only the reference data (countries, topics, regions)."""
    from briefer.core.demo.build import load_reference_data
    from briefer.core.store.db import open_store as open_file

    if path.exists():
        raise StoreError.of("store-exists", path=path)
    store = open_file(path, create=True)
    try:
        with store.db.atomic():
            load_reference_data(store)
    except BaseException:
        store.close()
        for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
            leftover.unlink(missing_ok=True)
        raise
    return store


def store_info(store: Store) -> StoreInfo:
    """Everything the pickers need, read once when a store is opened."""
    from briefer.core import recipes
    from briefer.core.store import reads
    from briefer.core.templates import SECTIONS

    counts = reads.countries_with_events(store)
    countries = sorted(
        (CountryEntry(c, counts.get(c.iso3, 0)) for c in reads.countries(store)),
        key=lambda e: (-e.events, e.country.name_en),
    )
    aliases: dict[str, list[str]] = {}
    for alias, iso3 in reads.country_aliases(store).items():
        aliases.setdefault(iso3, []).append(alias)
    span = reads.event_date_range(store)
    datasets = reads.datasets(store)
    n_quotations = store.db.execute("SELECT count(*) FROM quotations").fetchone()[0]
    return StoreInfo(
        path=store.path, read_only=store.read_only, countries=tuple(countries),
        aliases={k: tuple(v) for k, v in aliases.items()},
        topics=tuple(reads.topics(store)), templates=_templates(), sections=SECTIONS,
        first_day=span[0] if span else None, newest_day=span[1] if span else None,
        event_count=sum(counts.values()), quotation_count=n_quotations,
        saved=tuple(recipes.names(store)), synthetic=any(d.synthetic for d in datasets),
    )


def _templates() -> tuple[Any, ...]:
    """The valid templates; an invalid file in the user's folder is logged and left out (depth5),
    so one bad copy never keeps a store from opening (`briefer templates` names file, line and key)."""
    import logging

    from briefer.core.templates import load_templates

    problems: list[str] = []
    found = tuple(load_templates(problems=problems).values())
    for problem in problems:
        logging.getLogger("briefer").warning("template left out: %s", problem)
    return found
