"""Briefing templates: TOML files in the project's `templates/` folder and the user's own folder.

Contract: `load_templates()` returns every valid template by name (a user's template replaces a
built-in one of the same name); `get_template(name)` returns one or raises SelectionError; an
invalid file raises SelectionError naming the file, the key and, where known, the line.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from platformdirs import user_config_path

from briefer.core.errors import SelectionError

BUILTIN_DIR = Path(__file__).resolve().parents[2] / "templates"
SECTIONS = (
    "cover", "contents", "key-messages",
    "outlook", "risk-matrix",  # cite5: the analyst's outlook and risk matrix
    "key-figures", "charts", "quotations",
    "source-figures", "chronology", "references", "incidents", "data-note",
)
CHARTS = ("map", "timeline", "event-types", "admin1", "actors")


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
    citation_style: str = "numbered"  # cite5: "numbered", "author-date" or the path of a .csl file
    notes: Literal["footnotes", "endnotes", "none"] = "none"  # cite5: where numbered notes go

    def description(self, lang: str = "en") -> str:
        return self.description_fr if lang == "fr" and self.description_fr else self.description_en


def user_template_dir() -> Path:
    return user_config_path("briefer") / "templates"


def load_templates(extra_dirs: tuple[Path, ...] = ()) -> dict[str, Template]:
    """Every template, built-in first, then the user's folder, then `extra_dirs`."""
    found: dict[str, Template] = {}
    for folder in (BUILTIN_DIR, user_template_dir(), *extra_dirs):
        for path in sorted(folder.glob("*.toml")) if folder.is_dir() else []:
            template = parse_template(path)
            found[template.name] = template
    return found


def get_template(name: str, extra_dirs: tuple[Path, ...] = ()) -> Template:
    templates = load_templates(extra_dirs)
    if name not in templates:
        raise SelectionError(f"unknown template {name!r}; known templates: {', '.join(sorted(templates))}")
    return templates[name]


def parse_template(path: Path) -> Template:
    """Read and validate one template file."""
    text = path.read_text(encoding="utf-8")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise SelectionError(f"{path}: not valid TOML ({exc})") from exc
    return Template(
        name=_text(path, text, data, "name"),
        description_en=_text(path, text, data, "description_en"),
        description_fr=str(data.get("description_fr", "")),
        paper="letter" if _choice(path, text, data, "paper", ("a4", "letter"), "a4") == "letter" else "a4",
        sections=_names(path, text, data, "sections", SECTIONS),
        charts=_names(path, text, data, "charts", CHARTS),
        quotations=_count(path, text, data, "quotations", 8),
        figures=_count(path, text, data, "figures", 10),
        incidents=_count(path, text, data, "incidents", 15),
        top_regions=_count(path, text, data, "top_regions", 10),
        top_actors=_count(path, text, data, "top_actors", 8),
        path=path,
        citation_style=_citation_style(path, text, data),
        notes=_notes(path, text, data),
    )


def _citation_style(path: Path, text: str, data: dict[str, Any]) -> str:
    """cite5: "numbered", "author-date" or a .csl file (relative to the template's folder)."""
    value = data.get("citation_style", "numbered")
    if not isinstance(value, str) or not (value in ("numbered", "author-date") or value.endswith(".csl")):
        raise SelectionError(f"{_where(path, text, 'citation_style')}: use \"numbered\", \"author-date\" "
                             "or the path of a .csl file")
    if value.endswith(".csl"):
        csl = (path.parent / value).expanduser()
        if not csl.is_file():
            raise SelectionError(f"{_where(path, text, 'citation_style')}: no such CSL file {csl}")
        return str(csl)
    return value


def _notes(path: Path, text: str, data: dict[str, Any]) -> Literal["footnotes", "endnotes", "none"]:
    value = _choice(path, text, data, "notes", ("footnotes", "endnotes", "none"), "none")
    return "footnotes" if value == "footnotes" else "endnotes" if value == "endnotes" else "none"


def _where(path: Path, text: str, key: str) -> str:
    for number, line in enumerate(text.splitlines(), 1):
        if line.split("=")[0].strip() == key:
            return f"{path}, line {number}, key {key!r}"
    return f"{path}, key {key!r}"


def _text(path: Path, text: str, data: dict[str, Any], key: str) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value.strip():
        raise SelectionError(f"{_where(path, text, key)}: a non-empty text is required")
    return value


def _choice(path: Path, text: str, data: dict[str, Any], key: str, options: tuple[str, ...], default: str) -> str:
    value = data.get(key, default)
    if value not in options:
        raise SelectionError(f"{_where(path, text, key)}: {value!r} is not one of {', '.join(options)}")
    return str(value)


def _names(path: Path, text: str, data: dict[str, Any], key: str, known: tuple[str, ...]) -> tuple[str, ...]:
    value = data.get(key, list(known))
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise SelectionError(f"{_where(path, text, key)}: a list of names is required")
    unknown = [v for v in value if v not in known]
    if unknown:
        raise SelectionError(f"{_where(path, text, key)}: unknown {unknown[0]!r}; known: {', '.join(known)}")
    return tuple(value)


def _count(path: Path, text: str, data: dict[str, Any], key: str, default: int) -> int:
    value = data.get(key, default)
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= 500:
        raise SelectionError(f"{_where(path, text, key)}: a whole number from 0 to 500 is required")
    return value
