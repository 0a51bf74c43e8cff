"""Saved briefings: exact round trip, listing, renaming, deleting, refreshing on new data."""

from __future__ import annotations

import datetime as dt

import pytest

from briefer.core import recipes
from briefer.core.domain import BriefingOptions, Period, QuotationId, Selection
from briefer.core.errors import ValidationError
from briefer.core.periods import preset, shifted_to

RECIPE = recipes.Recipe(
    Selection(("MLI", "BFA"), Period(dt.date(2023, 6, 1), dt.date(2023, 12, 31)), "peacekeeping"),
    "country-brief",
    BriefingOptions(title="Mali — « retrait »", author="A. Diallo", issued=dt.date(2024, 1, 8), marking="TLP:RED",
                    language="fr", quotation_ids=(QuotationId(5), QuotationId(2)), key_messages=("Un", "Deux")),
)


def test_json_round_trip_is_exact() -> None:
    assert recipes.Recipe.from_json(RECIPE.to_json()) == RECIPE


def test_store_round_trip_list_rename_delete(fresh_store) -> None:  # type: ignore[no-untyped-def]
    recipes.save(fresh_store, "Weekly Mali", RECIPE)
    recipes.save(fresh_store, "Other", RECIPE)
    assert set(recipes.names(fresh_store)) == {"Weekly Mali", "Other"}
    assert recipes.load(fresh_store, "Weekly Mali") == RECIPE
    recipes.rename(fresh_store, "Weekly Mali", "Mali weekly")
    with pytest.raises(ValidationError, match="already exists"):
        recipes.rename(fresh_store, "Other", "Mali weekly")
    recipes.delete(fresh_store, "Other")
    assert recipes.names(fresh_store) == ["Mali weekly"]
    with pytest.raises(ValidationError, match="no saved briefing called 'Other'"):
        recipes.load(fresh_store, "Other")


def test_unreadable_recipe_is_a_clear_error() -> None:
    with pytest.raises(ValidationError, match="cannot be read"):
        recipes.Recipe.from_json('{"format": 1, "selection": {}}')


def test_refresh_keeps_length_and_ends_on_newest_data() -> None:
    fresh = recipes.refreshed(RECIPE, dt.date(2024, 12, 31))
    assert fresh.selection.period == Period(dt.date(2024, 6, 1), dt.date(2024, 12, 31))
    assert fresh.options.issued is None and fresh.options.quotation_ids == RECIPE.options.quotation_ids


@pytest.mark.parametrize("name, start", [
    ("last-7-days", dt.date(2024, 12, 25)), ("last-30-days", dt.date(2024, 12, 2)),
    ("last-90-days", dt.date(2024, 10, 3)), ("this-quarter", dt.date(2024, 10, 1)), ("this-year", dt.date(2024, 1, 1)),
])
def test_presets_end_on_newest_data(name: str, start: dt.date) -> None:
    assert preset(name, dt.date(2024, 12, 31)) == Period(start, dt.date(2024, 12, 31))


def test_shift_and_unknown_preset() -> None:
    assert shifted_to(Period(dt.date(2024, 1, 1), dt.date(2024, 1, 7)), dt.date(2024, 2, 1)).start == dt.date(2024, 1, 26)
    with pytest.raises(ValueError, match="unknown period preset"):
        preset("fortnight", dt.date(2024, 1, 1))
