"""What the main window does: open stores, keep the preview current, save and reopen briefings.

Contract:
- Every store, preview, chart and recipe operation goes through the window's `TaskRunner`
  (keys "store", "preview", "events", "charts", "search"); results arrive on the GUI thread and a
  stale one (an older generation of the same key) is dropped by the runner.
- The changes of one user action (selection, template, language) are coalesced into one preview
  request, sent as soon as the action is over — a queued call, ahead of the repaint the change
  caused, so the worker starts while the window paints (an interruptible request: a newer
  selection stops it). The events list, the slowest read on a large
  store, is asked for only while the Events tab is shown. `preview_ready`, `events_ready` and
  `store_opened` signal the results.
- `composition()` is the user's whole composition (None when no country or topic is chosen);
  `apply_composition()` shows a saved one, quotations and figures picked in its order.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QMetaObject, QObject, Qt, QTimer, Signal, Slot

from briefer.gui import dialogs, i18n, operations
from briefer.gui.i18n import core_text, tr

if TYPE_CHECKING:
    from briefer.gui.saved import SavedDialog

PREPARE_EXPORT_AFTER_MS = 2500  # idle time after the first preview before loading the PDF machinery


class Controller(QObject):
    store_opened = Signal(object)  # operations.StoreInfo
    store_failed = Signal(object)  # the exception
    preview_ready = Signal(object)  # operations.Preview
    events_ready = Signal(object)  # operations.EventList
    composition_applied = Signal()

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.runner = window.runner
        self.info: Any = None
        self.last_preview: Any = None
        self._first_store = True
        self._fallback_tried = False
        self._showing_error = False
        self._refresh_queued = False  # a refresh is on its way (see schedule_refresh)
        w = window
        w.selection_panel.changed.connect(self.schedule_refresh)
        w.compose.preview_changed.connect(self.schedule_refresh)
        w.preview.tabs.figures_wanted.connect(self._on_figures_wanted)
        w.preview.tabs.quotations.search_wanted.connect(self._on_search_wanted)
        w.preview.tabs.currentChanged.connect(self._on_tab)
        self._events_for: Any = None  # the selection whose events the table shows or awaits

    # Stores
    @Slot(object)
    def open_store(self, request: Any, first_run: bool = False) -> int:
        """Open a store on the worker; the current one stays open if this fails."""
        self.show_opening(request, first_run)
        return self.runner.submit("store", operations.open_store, request, self.store_ready,
                                  self.store_refused, store_replacing=True)

    def show_opening(self, request: Any, first_run: bool = False) -> None:
        name = request.path.name if request.path else "briefer.db"
        self.window.preview.show_message(tr("store-first-run") if first_run else tr("store-opening", name=name))

    def store_ready(self, info: Any) -> None:
        """A store is open on the worker: fill the pickers and show its first preview."""
        self.info = info
        self._events_for = None
        w = self.window
        w.settings.remember_store(info.path)
        w.store_menu.set_recent(w.settings.recent_stores())
        w.store_menu.set_folder(info.path.parent)
        w.selection_panel.country_picker.set_countries(info.countries, info.aliases)
        w.selection_panel.topic_picker.set_topics(info.topics)
        w.selection_panel.period_picker.set_newest(info.newest_day)
        w.compose.set_templates(info.templates, info.sections)
        w.read_only_banner.setVisible(info.read_only)
        w.synthetic_banner.setVisible(info.synthetic)
        w.empty_banner.setVisible(info.event_count == 0)
        self._update_title()
        self._restore_selection()
        self.store_opened.emit(info)

    def store_refused(self, exc: BaseException, details: str) -> None:
        """The store could not be opened: say why; keep the previous one (or fall back on the user's)."""
        if self.info is not None:
            self.refresh()
        else:
            self.window.preview.show_message(core_text(exc) if operations.is_user_error(exc) else tr("error-unexpected"))
        dialogs.show_failure(self.window, tr("store-error-title"), exc, details)
        self.store_failed.emit(exc)
        if self.info is None and not self._fallback_tried:  # nothing open yet: fall back on the user's store
            self._fallback_tried = True
            self.open_store(operations.OpenRequest("default"))

    def _restore_selection(self) -> None:
        """First store of the session: the remembered selection, else the country with most events."""
        panel = self.window.selection_panel
        if self._first_store:
            self._first_store = False
            saved = self.window.settings.selection()
            if saved.get("countries"):
                panel.apply(saved["countries"], saved.get("preset", "last-90-days"), saved.get("start"),
                            saved.get("end"), saved.get("topic", ""))
                if panel.countries():
                    return
        if not panel.countries() and self.info.countries and self.info.countries[0].events:
            panel.apply([self.info.countries[0].country.iso3], panel.preset(), *panel.period(), panel.topic())
        else:
            self.refresh()

    def _update_title(self) -> None:
        if self.info is None:
            self.window.setWindowTitle(tr("app-name"))
            return
        key = "window-title-ro" if self.info.read_only else "window-title"
        self.window.setWindowTitle(tr(key, store=self.info.path.name))
        if self.info.newest_day is not None:
            span = i18n.fmt_period(self.info.first_day, self.info.newest_day)
            text = tr("status-store", events=i18n.fmt_int(self.info.event_count), span=span)
        else:
            text = tr("status-no-events")
        path = str(self.info.path)
        home = str(Path.home())
        shown = "~" + path[len(home):] if path.startswith(home + "/") else path
        self.window.store_label.setText(f"{shown}  ·  {text}")
        self.window.store_label.setToolTip(path)

    # Preview
    @Slot()
    def schedule_refresh(self) -> None:
        """Refresh once the running user action is over (several changes make one request)."""
        if not self._refresh_queued:
            self._refresh_queued = True
            QMetaObject.invokeMethod(self, "_queued_refresh", Qt.ConnectionType.QueuedConnection)

    @Slot()
    def _queued_refresh(self) -> None:
        if self._refresh_queued:  # else refresh() ran meanwhile
            self.refresh()

    def selection(self) -> Any:
        panel = self.window.selection_panel
        countries, topic = panel.countries(), panel.topic()
        if not countries or not topic:
            return None
        start, end = panel.period()
        return operations.Selection(countries, operations.Period(start, end), topic)

    @Slot()
    def refresh(self) -> None:
        """Ask for the preview and the events of the current selection (now, not debounced)."""
        self._refresh_queued = False
        if self.info is None:
            return
        selection = self.selection()
        if selection is None:
            self.runner.invalidate("preview")
            self.runner.invalidate("events")
            self.window.preview.show_message(tr("preview-choose"))
            self.window.preview.tabs.events.clear()
            self._events_for = None
            return
        compose = self.window.compose
        request = operations.PreviewRequest(selection, compose.template_name(), compose.language_code())
        self.runner.submit("preview", operations.preview, request, self._on_preview, self._on_preview_failed,
                           interruptible=True)
        self._refresh_events()

    def _refresh_events(self) -> None:
        """Ask for the events of the selection if the Events tab shows and does not have them."""
        selection = self.selection()
        tabs = self.window.preview.tabs
        if selection is None or self._events_for == selection:
            return
        if tabs.currentWidget() is not tabs.events:
            self.runner.invalidate("events")
            return
        self._events_for = selection
        tabs.events.show_loading()
        self.runner.submit("events", operations.events, selection, self._on_events, self._on_events_failed,
                           interruptible=True)

    @Slot(int)
    def _on_tab(self, _: int) -> None:
        self._refresh_events()

    def _on_events_failed(self, exc: BaseException, details: str) -> None:
        self._events_for = None
        self._on_preview_failed(exc, details)

    def _on_preview(self, preview: Any) -> None:
        if self.last_preview is None:
            QTimer.singleShot(PREPARE_EXPORT_AFTER_MS, self._prepare_export)
        self.last_preview = preview
        self.window.preview.show_preview(preview)
        self.window.compose.set_defaults(preview.title, preview.subtitle)
        self.preview_ready.emit(preview)

    @Slot()
    def _prepare_export(self) -> None:
        """Load the PDF machinery while the user reads the first preview (see operations)."""
        self.runner.submit("prepare", operations.prepare_export, None, self._prepared, self._ignore)

    def _prepared(self, _: object) -> None:
        """The Qt side of the preparation: the PDF viewer's and the charts canvas's modules."""
        import matplotlib.backends.backend_qtagg  # noqa: F401
        try:
            import PySide6.QtPdfWidgets  # noqa: F401
        except ImportError:
            pass

    def _ignore(self, exc: BaseException, details: str) -> None:
        """A failed preparation only means the first export loads the modules itself."""

    def _on_events(self, events: Any) -> None:
        names = self.window.selection_panel.country_picker.model.name_map()
        preview = self.last_preview
        total = len(events.rows) if events.complete or preview is None else preview.event_count
        self.window.preview.tabs.show_events(events, names, total)
        self.events_ready.emit(events)

    def _on_preview_failed(self, exc: BaseException, details: str) -> None:
        """A user error replaces the preview; a bug also gets one dialog (never a pile of them)."""
        if operations.is_user_error(exc):
            self.window.preview.show_message(core_text(exc))
            return
        self.window.preview.show_message(f"{tr('error-unexpected')}: {exc}")
        if not self._showing_error:
            self._showing_error = True
            try:
                dialogs.show_failure(self.window, tr("error-unexpected"), exc, details)
            finally:
                self._showing_error = False

    @Slot(object, int, float)
    def _on_figures_wanted(self, request: Any, width: int, ratio: float) -> None:
        self.runner.submit("charts", operations.chart_images, operations.ChartRequest(request, width, ratio),
                           self._images_done(request), self._on_preview_failed, interruptible=True)

    def _images_done(self, request: Any) -> Any:
        def done(images: list[Any]) -> None:
            self.window.preview.tabs.charts.show_images(request, images)
        return done

    @Slot(str)
    def _on_search_wanted(self, text: str) -> None:
        if not text:
            self.runner.invalidate("search")
            return
        self.runner.submit("search", operations.search_quotations, text,
                           self.window.preview.tabs.quotations.set_matches, self._on_preview_failed,
                           interruptible=True)

    # Compositions
    def composition(self) -> Any:
        selection = self.selection()
        if selection is None:
            return None
        tabs = self.window.preview.tabs
        options = self.window.compose.options(tabs.quotations.model.picked(), tabs.figures.model.picked())
        return operations.Composition(selection, self.window.compose.template_name(), options)

    def apply_composition(self, composition: Any) -> None:
        w = self.window
        period = composition.selection.period
        options = composition.options
        w.compose.apply(composition.template, options)
        w.preview.tabs.quotations.model.set_picks(options.quotation_ids)
        w.preview.tabs.figures.model.set_picks(options.figure_ids)
        w.selection_panel.apply(composition.selection.countries, "custom", period.start, period.end,
                                composition.selection.topic)
        self.refresh()
        self.composition_applied.emit()

    @Slot()
    def save_briefing(self) -> None:
        composition = self.composition()
        if composition is None:
            dialogs.show_error(self.window, tr("saved-error"), tr("export-no-country"))
            return
        if self.info is not None and self.info.read_only:
            dialogs.show_error(self.window, tr("saved-error"), tr("saved-read-only"))
            return
        default = self.last_preview.title if self.last_preview is not None else ""
        name = dialogs.ask_text(self.window, tr("save-title"), tr("save-prompt"),
                                composition.options.title or default)
        if name:
            self.runner.submit(None, operations.save_recipe, operations.SaveRequest(name, composition),
                               self._saved(name), self._on_saved_failed)

    def _saved(self, name: str) -> Any:
        def done(names: tuple[str, ...]) -> None:
            self._set_saved(names)
            self.window.statusBar().showMessage(tr("saved-done", name=name), 8000)
        return done

    def _set_saved(self, names: tuple[str, ...]) -> None:
        if self.info is not None:
            from dataclasses import replace

            self.info = replace(self.info, saved=tuple(names))

    def _on_saved_failed(self, exc: BaseException, details: str) -> None:
        dialogs.show_failure(self.window, tr("saved-error"), exc, details)

    @Slot()
    def show_saved(self) -> SavedDialog | None:
        if self.info is None:
            return None
        from briefer.gui.saved import SavedDialog  # loaded on first use, not with the window

        dialog = SavedDialog(self.runner, self.info.saved, self.info.read_only, self.window)
        dialog.open_requested.connect(self.load_saved)
        dialog.names_changed.connect(self._set_saved)
        self.runner.submit(None, operations.list_recipes, None, dialog.set_names, self._on_saved_failed)
        self._run_dialog(dialog)
        return dialog

    def _run_dialog(self, dialog: SavedDialog) -> None:
        dialog.open()

    @Slot(str, bool)
    def load_saved(self, name: str, refresh: bool) -> None:
        self.runner.submit(None, operations.load_recipe, operations.LoadRequest(name, refresh),
                           self.apply_composition, self._on_saved_failed)

    # Settings and language
    def remember_selection(self) -> None:
        panel = self.window.selection_panel
        if panel.countries():
            start, end = panel.period()
            self.window.settings.set_selection(list(panel.countries()), panel.preset(), start, end, panel.topic())

    def retranslate(self) -> None:
        self._update_title()
        if self.info is not None:
            names = self.window.selection_panel.country_picker.model.name_map()
            self.window.preview.tabs.events.model.set_country_names(names)
        if self.last_preview is not None:
            self.window.preview.show_preview(self.last_preview)
        elif self.info is not None and self.selection() is None:
            self.window.preview.show_message(tr("preview-choose"))
