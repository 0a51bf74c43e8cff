"""The analyst's input from text: risks typed as "threat;likelihood;impact" and a TOML file.

Contract: `parse_risk(text)` returns a Risk or raises ValidationError saying what to type;
`read_analyst_file(path)` reads a TOML file with the optional keys `outlook` (text), `trend`
("deteriorated", "unchanged" or "improved"), `messages` (list of texts) and `[[risks]]` tables
(`threat`, `likelihood`, `impact`), and raises ValidationError naming the file, the key and,
where known, the line.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from briefer.core.domain import TRENDS, Risk
from briefer.core.errors import ValidationError

RISK_FORMAT = '"threat;likelihood;impact" with likelihood and impact from 1 to 5, e.g. "Ambush on the Gao road;4;5"'


@dataclass(frozen=True)
class AnalystInput:
    outlook: str = ""
    trend: str = ""
    messages: tuple[str, ...] = ()
    risks: tuple[Risk, ...] = ()


def parse_risk(text: str) -> Risk:
    """"Ambush on the Gao road;4;5" -> Risk (see module contract)."""
    parts = [p.strip() for p in text.rsplit(";", 2)]
    if len(parts) != 3 or not all(p.isdigit() for p in parts[1:]):
        raise ValidationError(f"cannot read the risk {text!r}: write {RISK_FORMAT}")
    return _risk(parts[0], int(parts[1]), int(parts[2]), f"the risk {text!r}")


def _risk(threat: object, likelihood: object, impact: object, where: str) -> Risk:
    if not isinstance(threat, str) or not isinstance(likelihood, int) or not isinstance(impact, int):
        raise ValidationError(f"{where}: a risk needs a threat (text), a likelihood and an impact "
                              "(whole numbers from 1 to 5)")
    try:
        return Risk(threat.strip(), likelihood, impact)
    except ValueError as exc:
        raise ValidationError(f"{where}: {exc}") from exc


def check_trend(value: str, where: str = "overall trend") -> str:
    if value not in ("", *TRENDS):
        raise ValidationError(f"{where}: {value!r} is not one of {', '.join(TRENDS)}")
    return value


def read_analyst_file(path: Path) -> AnalystInput:
    """Read an analyst-input TOML file (see module contract)."""
    try:
        text = path.read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except OSError as exc:
        raise ValidationError(f"{path}: cannot read the file ({exc.strerror or exc})") from exc
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ValidationError(f"{path}: not valid TOML ({exc})") from exc
    unknown = sorted(set(data) - {"outlook", "trend", "messages", "risks"})
    if unknown:
        raise ValidationError(f"{_where(path, text, unknown[0])}: unknown key; use outlook, trend, messages, risks")
    outlook, trend, messages = data.get("outlook", ""), data.get("trend", ""), data.get("messages", [])
    if not isinstance(outlook, str):
        raise ValidationError(f"{_where(path, text, 'outlook')}: a text is required")
    if not isinstance(messages, list) or not all(isinstance(m, str) for m in messages):
        raise ValidationError(f"{_where(path, text, 'messages')}: a list of texts is required")
    check_trend(str(trend), _where(path, text, "trend"))
    return AnalystInput(outlook.strip(), str(trend), tuple(m.strip() for m in messages if m.strip()),
                        _risks(path, text, data.get("risks", [])))


def _risks(path: Path, text: str, rows: Any) -> tuple[Risk, ...]:
    if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
        raise ValidationError(f"{_where(path, text, 'risks')}: use [[risks]] tables with threat, likelihood, impact")
    return tuple(_risk(r.get("threat"), r.get("likelihood"), r.get("impact"), f"{path}, risk {n}")
                 for n, r in enumerate(rows, 1))


def _where(path: Path, text: str, key: str) -> str:
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if stripped.split("=")[0].strip() == key or stripped in (f"[[{key}]]", f"[{key}]"):
            return f"{path}, line {number}, key {key!r}"
    return f"{path}, key {key!r}"
