"""The Qt models, checked by qtmodeltester with real rows from the demo store."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QModelIndex, Qt

from briefer.gui import operations
from briefer.gui.event_model import EventModel
from briefer.gui.list_models import CountryModel, TopicModel
from briefer.gui.models import SORT_ROLE, FigureModel, QuotationModel

SELECTION = operations.Selection(("MLI",), operations.Period(dt.date(2023, 6, 1), dt.date(2023, 12, 31)),
                                 "peacekeeping")


def _data(store_path: Any) -> tuple[Any, Any, Any]:
    from briefer.core.store.db import open_store

    with open_store(store_path, read_only=True) as store:
        info = operations.store_info(store)
        preview = operations.preview(store, operations.PreviewRequest(SELECTION, "country-brief", "en"))
        events = operations.events(store, SELECTION)
    return info, preview, events


def test_models_pass_qtmodeltester(qtmodeltester: Any, demo_store_path: Any) -> None:
    info, preview, events = _data(demo_store_path)
    event_model = EventModel()
    event_model.set_country_names({"MLI": "Mali"})
    event_model.set_rows(events.rows)
    quotation_model = QuotationModel()
    quotation_model.set_rows(preview.quotations, 8)
    figure_model = FigureModel()
    figure_model.set_rows(preview.figures, 10)
    countries = CountryModel()
    countries.set_countries(info.countries, {k: list(v) for k, v in info.aliases.items()})
    countries.set_chosen(["MLI", "NER"])
    topics = TopicModel()
    topics.set_topics(info.topics)
    for model in (event_model, quotation_model, figure_model, countries, topics):
        assert model.rowCount() > 0
        qtmodeltester.check(model, force_py=True)


def test_pick_model_defaults_memory_and_moves(demo_store_path: Any) -> None:
    _, preview, _ = _data(demo_store_path)
    model = QuotationModel()
    model.set_rows(preview.quotations, 3)
    assert model.picked() is None and len(model.checked_ids()) == 3
    ids = [r.id for r in preview.quotations]
    model.move(4, 0)
    model.setData(model.index(0, model.COL_INCLUDE), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert model.picked() == (ids[4], ids[0], ids[1], ids[2])
    model.set_rows(preview.quotations[2:])  # another selection without the first two
    assert model.checked_ids() == (ids[4], ids[2])
    model.set_rows(preview.quotations)  # back again: the picks return
    assert model.picked() == (ids[4], ids[0], ids[1], ids[2])
    model.reset_picks()
    assert model.picked() is None and [r.id for r in model.rows()] == ids
    model.move_rows([5, 6], 0)
    assert [r.id for r in model.rows()][:2] == [ids[5], ids[6]]
    assert model.index(0, model.COL_RANK).data() == ""
    assert model.dropMimeData(model.mimeData([model.index(2, 0)]), Qt.DropAction.MoveAction, 0, 0,
                              QModelIndex()) is False  # moved by the model itself
    assert model.row(0).id == ids[0]


def test_event_model_sort_role(demo_store_path: Any) -> None:
    _, _, events = _data(demo_store_path)
    model = EventModel()
    model.set_rows(events.rows)
    assert model.index(0, model.COL_DATE).data(SORT_ROLE) == events.rows[0].day.toordinal()
    assert isinstance(model.index(0, model.COL_FATALITIES).data(SORT_ROLE), int)
    assert model.headerData(model.COL_FATALITIES, Qt.Orientation.Horizontal) == "Fatalities"


def test_event_model_filters_without_accents_and_sorts(demo_store_path: Any) -> None:
    _, _, events = _data(demo_store_path)
    model = EventModel()
    model.set_country_names({"MLI": "Mali"})
    model.set_rows(events.rows)
    model.sort(model.COL_FATALITIES, Qt.SortOrder.DescendingOrder)
    deaths = [model.row(r).fatalities for r in range(model.rowCount())]
    assert deaths == sorted(deaths, reverse=True)
    model.set_filter("MALI")
    assert model.rowCount() == model.listed()
    model.set_filter("no such place anywhere")
    assert model.rowCount() == 0 and model.listed() == len(events.rows)
