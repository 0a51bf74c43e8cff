"""Saved briefings: the whole composition (selection, template, options, chosen quotations in
their order) as a JSON recipe kept in the store.

Contract: `Recipe.to_json()` / `Recipe.from_json()` round-trip exactly (analyst input too: outlook,
overall trend, risks as [threat, likelihood, impact]; a recipe saved before those existed reads
with them empty); `save`, `load`, `names`,
`rename` and `delete` work on the store's `saved_briefings` table and raise ValidationError with a
clear message (unknown name, name taken, unreadable recipe). `refreshed(recipe, newest)` moves the
period to end on the newest data, keeping its length: last week's recipe becomes this week's.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any

from briefer.core.domain import BriefingOptions, DatasetId, Period, QuotationId, Risk, Selection
from briefer.core.errors import ValidationError
from briefer.core.periods import shifted_to
from briefer.core.store.db import Store
from briefer.core.store.writes import row_id

FORMAT = 1


@dataclass(frozen=True)
class Recipe:
    selection: Selection
    template: str = "country-brief"
    options: BriefingOptions = field(default_factory=BriefingOptions)

    def to_json(self) -> str:
        return json.dumps(_encode(self), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> Recipe:
        try:
            data = json.loads(text)
            return _decode(data)
        except (KeyError, TypeError, ValueError) as exc:
            raise ValidationError.of("rec-unreadable", reason=exc) from exc


def _encode(recipe: Recipe) -> dict[str, Any]:
    s, o = recipe.selection, recipe.options
    options = {f.name: getattr(o, f.name) for f in dataclasses.fields(o)}
    options["issued"] = o.issued.isoformat() if o.issued else None
    for key in ("quotation_ids", "figure_ids", "key_messages", "sections"):
        options[key] = list(options[key]) if options[key] is not None else None
    options["risks"] = [[r.threat, r.likelihood, r.impact] for r in o.risks]
    return {
        "format": FORMAT,
        "selection": {"countries": list(s.countries), "start": s.period.start.isoformat(),
                      "end": s.period.end.isoformat(), "topic": s.topic, "dataset_id": s.dataset_id},
        "template": recipe.template,
        "options": options,
    }


def _decode(data: dict[str, Any]) -> Recipe:
    if data.get("format") != FORMAT:
        raise ValueError(f"unknown recipe format {data.get('format')!r}")
    s = data["selection"]
    selection = Selection(
        tuple(s["countries"]), Period(dt.date.fromisoformat(s["start"]), dt.date.fromisoformat(s["end"])),
        s["topic"], DatasetId(s["dataset_id"]) if s.get("dataset_id") is not None else None,
    )
    o = dict(data["options"])
    o["issued"] = dt.date.fromisoformat(o["issued"]) if o.get("issued") else None
    for key, kind in (("quotation_ids", QuotationId), ("figure_ids", int)):
        o[key] = tuple(kind(i) for i in o[key]) if o.get(key) is not None else None
    for key in ("key_messages", "sections"):
        o[key] = tuple(o[key]) if o.get(key) is not None else (None if key == "sections" else ())
    o["risks"] = tuple(Risk(str(t), int(lk), int(im)) for t, lk, im in o.get("risks") or ())
    known = {f.name for f in dataclasses.fields(BriefingOptions)}
    return Recipe(selection, data["template"], BriefingOptions(**{k: v for k, v in o.items() if k in known}))


def refreshed(recipe: Recipe, newest: dt.date) -> Recipe:
    """The same recipe with its period moved to end on `newest`, and no fixed date of issue."""
    period = shifted_to(recipe.selection.period, newest)
    selection = dataclasses.replace(recipe.selection, period=period)
    return dataclasses.replace(recipe, selection=selection, options=dataclasses.replace(recipe.options, issued=None))


def save(store: Store, name: str, recipe: Recipe) -> int:
    """Create or replace the saved briefing `name`; returns its id."""
    name = name.strip()
    if not name:
        raise ValidationError.of("rec-no-name")
    text = recipe.to_json()
    with store.db.atomic():
        row = store.db.execute("SELECT id FROM saved_briefings WHERE name = ?", [name]).fetchone()
        if row:
            store.db.execute("UPDATE saved_briefings SET recipe = ?, updated = datetime('now') WHERE id = ?", [text, row[0]])
            return int(row[0])
        return row_id(store.db.table("saved_briefings").insert({"name": name, "recipe": text}))


def names(store: Store) -> list[str]:
    """Saved briefing names, most recently updated first."""
    return [r[0] for r in store.db.execute("SELECT name FROM saved_briefings ORDER BY updated DESC, name").fetchall()]


def load(store: Store, name: str) -> Recipe:
    row = store.db.execute("SELECT recipe FROM saved_briefings WHERE name = ?", [name]).fetchone()
    if row is None:
        raise ValidationError.of("rec-missing", name=name)
    return Recipe.from_json(row[0])


def rename(store: Store, old: str, new: str) -> None:
    new = new.strip()
    if not new:
        raise ValidationError.of("rec-no-name")
    with store.db.atomic():
        if store.db.execute("SELECT 1 FROM saved_briefings WHERE name = ?", [new]).fetchone():
            raise ValidationError.of("rec-taken", name=new)
        if store.db.execute("UPDATE saved_briefings SET name = ? WHERE name = ?", [new, old]).rowcount == 0:
            raise ValidationError.of("rec-missing", name=old)


def delete(store: Store, name: str) -> None:
    with store.db.atomic():
        if store.db.execute("DELETE FROM saved_briefings WHERE name = ?", [name]).rowcount == 0:
            raise ValidationError.of("rec-missing", name=name)
