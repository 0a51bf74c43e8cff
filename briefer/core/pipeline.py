"""The whole pipeline in one call, shared by the CLI and the GUI's operations.

Contract: `build_pdf(request)` opens the store, resolves countries (ISO3, ISO2, English or French
names, aliases), checks the request, assembles the Briefing and writes the PDF atomically; every
user error is a `BrieferError` raised before anything is written. `default_store()` returns the
user's store, creating the demo store in the user data folder on first use.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal

from platformdirs import user_data_path

from briefer.core.assemble import assemble
from briefer.core.countries import CountryResolver
from briefer.core.domain import Briefing, BriefingOptions, Period, Selection
from briefer.core.errors import SelectionError
from briefer.core.store import reads
from briefer.core.store.db import Store, open_store
from briefer.core.templates import get_template


@dataclass(frozen=True)
class BuildRequest:
    """What `briefer build` asks for; countries as the user typed them."""

    countries: tuple[str, ...]
    start: dt.date
    end: dt.date
    topic: str
    out: Path
    store: Path | None = None
    template: str = "country-brief"
    options: BriefingOptions = field(default_factory=BriefingOptions)
    paper: Literal["a4", "letter"] | None = None
    password: str | None = field(default=None, repr=False)  # encrypt the PDF (AES-256) when set


def default_store_path() -> Path:
    return user_data_path("briefer", appauthor=False) / "briefer.db"


def default_store() -> Path:
    """The user's default store, built from the demo data the first time."""
    path = default_store_path()
    if not path.exists():
        from briefer.core.demo.build import build_demo_store

        path.parent.mkdir(parents=True, exist_ok=True)
        build_demo_store(path)
    return path


def resolve_countries(store: Store, names: tuple[str, ...]) -> tuple[str, ...]:
    """ISO3 codes for what the user typed, in order, without duplicates."""
    resolver = CountryResolver(reads.countries(store), reads.country_aliases(store))
    codes: list[str] = []
    for name in names:
        code = resolver.resolve(name)
        if code not in codes:
            codes.append(code)
    return tuple(codes)


def make_selection(store: Store, request: BuildRequest) -> Selection:
    if not request.countries:
        raise SelectionError.of("sel-no-country")
    if request.start > request.end:
        raise SelectionError.of("sel-dates-reversed", start=request.start, end=request.end)
    return Selection(resolve_countries(store, request.countries), Period(request.start, request.end), request.topic)


def briefing_for(store: Store, request: BuildRequest) -> Briefing:
    template = get_template(request.template)
    paper: Literal["a4", "letter"] = request.paper or template.paper
    options = replace(request.options, paper=paper)
    return assemble(store, make_selection(store, request), template, options)


def build_pdf(request: BuildRequest) -> Path:
    """Run the whole pipeline and return the written PDF's path."""
    from briefer.core.pdf import write_pdf

    store_path = request.store or default_store()
    with open_store(store_path, read_only=store_path.exists() and not os.access(store_path, os.W_OK)) as store:
        briefing = briefing_for(store, request)
    return write_pdf(briefing, request.out, password=request.password)
