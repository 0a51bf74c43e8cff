"""Briefing templates: TOML files in the project's `templates/` folder and the user's own folder.

Contract: `load_templates()` returns every valid template by name (a user's template replaces a
built-in one of the same name); `get_template(name)` returns one or raises SelectionError; an
invalid file raises SelectionError naming the file, the key and, where known, the line (in
`get_template`, only when the template asked for is not found among the valid ones).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from platformdirs import user_config_path

from briefer.core.errors import SelectionError
from briefer.core.messages import Message, msg

BUILTIN_DIR = Path(__file__).resolve().parents[2] / "templates"
SECTIONS = (
    "cover", "contents", "key-messages",
    "outlook", "risk-matrix",  # cite5: the analyst's outlook and risk matrix
    "key-figures", "charts", "quotations",
    "source-figures", "chronology", "references", "incidents", "data-note",
    # depth5
    "situation-header", "flash-summary", "flash-map", "regions", "country-table", "border-areas", "cross-border-actors",
)
CHARTS = ("map", "timeline", "event-types", "admin1", "actors", "country-comparison")
REPORT_NUMBERS = ("none", "iso-week")
MAP_FRAMES = ("countries", "events")


@dataclass(frozen=True)
class Template:
    name: str
    description_en: str
    description_fr: str
    paper: Literal["a4", "letter"]
    sections: tuple[str, ...]
    charts: tuple[str, ...]
    quotations: int
    figures: int
    incidents: int
    top_regions: int
    top_actors: int
    path: Path
    # depth5: comparison periods, surge flags, header block, map frame, border distance
    previous_days: int = 0
    baseline_weeks: int = 52
    surge_percent: int = 100
    surge_minimum: int = 5
    report_number: str = "none"
    kind_en: str = ""
    kind_fr: str = ""
    map_frame: str = "countries"
    context_days: int = 30
    border_km: int = 50
    citation_style: str = "numbered"  # cite5: "numbered", "author-date" or the path of a .csl file
    notes: Literal["footnotes", "endnotes", "none"] = "none"  # cite5: where numbered notes go

    def description(self, lang: str = "en") -> str:
        return self.description_fr if lang == "fr" and self.description_fr else self.description_en

    def kind(self, lang: str = "en") -> str:
        """The report kind printed in the header block ("" when the template names none)."""
        return self.kind_fr if lang == "fr" and self.kind_fr else self.kind_en


def user_template_dir() -> Path:
    return user_config_path("briefer") / "templates"


def load_templates(extra_dirs: tuple[Path, ...] = (), problems: list[str] | None = None) -> dict[str, Template]:
    """Every template, built-in first, then the user's folder, then `extra_dirs`.

    An invalid file raises SelectionError; when `problems` is given, its message is appended there
    instead and the file is skipped (the app lists the valid templates and says what is wrong).
    """
    found: dict[str, Template] = {}
    for folder in (BUILTIN_DIR, user_template_dir(), *extra_dirs):
        for path in sorted(folder.glob("*.toml")) if folder.is_dir() else []:
            try:
                template = _parsed(path, path.stat().st_mtime_ns)
            except SelectionError as exc:
                if problems is None:
                    raise
                problems.append(exc.args[0])
                continue
            found[template.name] = template
    return found


def get_template(name: str, extra_dirs: tuple[Path, ...] = ()) -> Template:
    """The template `name`; an invalid file elsewhere in the folders does not stand in the way, but
    when `name` is not found, the invalid files are named (one of them may be the one meant)."""
    problems: list[str] = []
    templates = load_templates(extra_dirs, problems)
    if name not in templates:
        error: Message = msg("tpl-unknown", name=name, known=", ".join(sorted(templates)))
        for problem in problems:
            error = msg("tpl-joined", first=error, rest=msg("tpl-left-out", problem=problem))
        raise SelectionError(error)
    return templates[name]


@lru_cache(maxsize=64)
def _parsed(path: Path, mtime_ns: int) -> Template:
    """`parse_template`, read again only when the file changes (the app asks at every preview)."""
    del mtime_ns  # part of the cache key only
    return parse_template(path)


def parse_template(path: Path) -> Template:
    """Read and validate one template file."""
    text = path.read_text(encoding="utf-8")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise SelectionError.of("tpl-not-toml", path=path, reason=exc) from exc
    return Template(
        name=_text(path, text, data, "name"),
        description_en=_text(path, text, data, "description_en"),
        description_fr=str(data.get("description_fr", "")),
        paper="letter" if _choice(path, text, data, "paper", ("a4", "letter"), "a4") == "letter" else "a4",
        sections=_names(path, text, data, "sections", SECTIONS, SECTIONS[:11]),
        charts=_names(path, text, data, "charts", CHARTS, CHARTS[:5]),
        quotations=_count(path, text, data, "quotations", 8),
        figures=_count(path, text, data, "figures", 10),
        incidents=_count(path, text, data, "incidents", 15),
        top_regions=_count(path, text, data, "top_regions", 10),
        top_actors=_count(path, text, data, "top_actors", 8),
        path=path,
        citation_style=_citation_style(path, text, data),
        notes=_notes(path, text, data),
        **_depth_keys(path, text, data),
    )


def _depth_keys(path: Path, text: str, data: dict[str, Any]) -> dict[str, Any]:
    """The keys of trends and of the update, flash and regional templates (all optional)."""
    return {
        "previous_days": _count(path, text, data, "previous_days", 0),
        "baseline_weeks": _count(path, text, data, "baseline_weeks", 52),
        "surge_percent": _count(path, text, data, "surge_percent", 100),
        "surge_minimum": _count(path, text, data, "surge_minimum", 5),
        "report_number": _choice(path, text, data, "report_number", REPORT_NUMBERS, "none"),
        "kind_en": _optional_text(path, text, data, "kind_en"),
        "kind_fr": _optional_text(path, text, data, "kind_fr"),
        "map_frame": _choice(path, text, data, "map_frame", MAP_FRAMES, "countries"),
        "context_days": _count(path, text, data, "context_days", 30),
        "border_km": _count(path, text, data, "border_km", 50),
    }


def _optional_text(path: Path, text: str, data: dict[str, Any], key: str) -> str:
    value = data.get(key, "")
    if not isinstance(value, str):
        raise SelectionError.of("tpl-quoted-text", where=_where(path, text, key))
    return value


def _citation_style(path: Path, text: str, data: dict[str, Any]) -> str:
    """cite5: "numbered", "author-date" or a .csl file (relative to the template's folder)."""
    value = data.get("citation_style", "numbered")
    if not isinstance(value, str) or not (value in ("numbered", "author-date") or value.endswith(".csl")):
        raise SelectionError.of("tpl-citation-style", where=_where(path, text, "citation_style"))
    if value.endswith(".csl"):
        csl = (path.parent / value).expanduser()
        if not csl.is_file():
            raise SelectionError.of("tpl-no-csl", where=_where(path, text, "citation_style"), csl=csl)
        return str(csl)
    return value


def _notes(path: Path, text: str, data: dict[str, Any]) -> Literal["footnotes", "endnotes", "none"]:
    value = _choice(path, text, data, "notes", ("footnotes", "endnotes", "none"), "none")
    return "footnotes" if value == "footnotes" else "endnotes" if value == "endnotes" else "none"


def _where(path: Path, text: str, key: str) -> Message:
    for number, line in enumerate(text.splitlines(), 1):
        if line.split("=")[0].strip() == key:
            return msg("where-key-line", path=path, line=number, key=key)
    return msg("where-key", path=path, key=key)


def _text(path: Path, text: str, data: dict[str, Any], key: str) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value.strip():
        raise SelectionError.of("tpl-text", where=_where(path, text, key))
    return value


def _choice(path: Path, text: str, data: dict[str, Any], key: str, options: tuple[str, ...], default: str) -> str:
    value = data.get(key, default)
    if value not in options:
        raise SelectionError.of("tpl-choice", where=_where(path, text, key), value=value, options=", ".join(options))
    return str(value)


def _names(path: Path, text: str, data: dict[str, Any], key: str, known: tuple[str, ...],
           default: tuple[str, ...]) -> tuple[str, ...]:
    value = data.get(key, list(default))
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise SelectionError.of("tpl-names", where=_where(path, text, key))
    unknown = [v for v in value if v not in known]
    if unknown:
        raise SelectionError.of("tpl-unknown-name", where=_where(path, text, key), name=unknown[0], known=", ".join(known))
    return tuple(value)


def _count(path: Path, text: str, data: dict[str, Any], key: str, default: int) -> int:
    value = data.get(key, default)
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= 500:
        raise SelectionError.of("tpl-count", where=_where(path, text, key))
    return value
