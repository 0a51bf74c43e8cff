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

from briefer.core.domain import RISK_SCALE, TRENDS, Risk
from briefer.core.errors import ValidationError
from briefer.core.messages import Message, msg


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
        raise ValidationError.of("ana-risk-unreadable", text=text)
    return _risk(parts[0], int(parts[1]), int(parts[2]), msg("ana-where-risk", text=text))


def _risk(threat: object, likelihood: object, impact: object, where: Message) -> Risk:
    """The Risk, or ValidationError saying at `where` what is wrong (the rules of `domain.Risk`)."""
    if not isinstance(threat, str) or not isinstance(likelihood, int) or not isinstance(impact, int):
        raise ValidationError.of("ana-risk-shape", where=where)
    if not threat.strip():
        raise ValidationError.of("ana-no-threat", where=where)
    for name, value in (("ana-likelihood", likelihood), ("ana-impact", impact)):
        if value not in RISK_SCALE:
            raise ValidationError.of("ana-scale", where=where, name=msg(name), threat=threat, value=value)
    return Risk(threat.strip(), likelihood, impact)


def check_trend(value: str, where: Message | None = None) -> str:
    if value not in ("", *TRENDS):
        raise ValidationError.of("tpl-choice", where=where or msg("ana-where-trend"), value=value,
                                 options=", ".join(TRENDS))
    return value


def read_analyst_file(path: Path) -> AnalystInput:
    """Read an analyst-input TOML file (see module contract)."""
    try:
        text = path.read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except OSError as exc:
        raise ValidationError.of("ana-unreadable", path=path, reason=exc.strerror or exc) from exc
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ValidationError.of("tpl-not-toml", path=path, reason=exc) from exc
    unknown = sorted(set(data) - {"outlook", "trend", "messages", "risks"})
    if unknown:
        raise ValidationError.of("ana-unknown-key", where=_where(path, text, unknown[0]))
    outlook, trend, messages = data.get("outlook", ""), data.get("trend", ""), data.get("messages", [])
    if not isinstance(outlook, str):
        raise ValidationError.of("ana-text", where=_where(path, text, "outlook"))
    if not isinstance(messages, list) or not all(isinstance(m, str) for m in messages):
        raise ValidationError.of("ana-texts", where=_where(path, text, "messages"))
    check_trend(str(trend), _where(path, text, "trend"))
    return AnalystInput(outlook.strip(), str(trend), tuple(m.strip() for m in messages if m.strip()),
                        _risks(path, text, data.get("risks", [])))


def _risks(path: Path, text: str, rows: Any) -> tuple[Risk, ...]:
    if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
        raise ValidationError.of("ana-risk-tables", where=_where(path, text, "risks"))
    return tuple(_risk(r.get("threat"), r.get("likelihood"), r.get("impact"),
                       msg("ana-where-file-risk", path=path, number=n)) for n, r in enumerate(rows, 1))


def _where(path: Path, text: str, key: str) -> Message:
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if stripped.split("=")[0].strip() == key or stripped in (f"[[{key}]]", f"[{key}]"):
            return msg("where-key-line", path=path, line=number, key=key)
    return msg("where-key", path=path, key=key)
