"""The desktop application (PySide6).

Modules: `app` (start), `main_window` (layout, menus), `controller` (what the window does),
`tasks` (the one worker thread), `operations/` (the only door into briefer.core), `models`,
`event_model` and `list_models` (Qt models), `selection_panel`, `country_picker`, `preview`,
`charts_view`, `tables_view`, `compose`, `export` (progress, viewer), `saved`, `store_menu`,
`preferences`, `dialogs`, `settings`, `i18n` and `strings`, `style`, `widgets`, `qtcompat`;
the Import menu: `import_menu`, `import_wizard`, `import_pages`, `import_kinds`, `import_report`,
`import_log` (texts in `strings_import`); the Library menu: `library_menu` (its windows, `library`
and `curation`, and every other dialog load on first use: the main window appears without them).

Importing the package protects CPython 3.11 from a PySide6 6.12.0 reference-counting defect
(see `qtcompat`).
"""

from briefer.gui.qtcompat import protect_singletons

protect_singletons()
