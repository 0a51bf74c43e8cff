"""The demo store's synthetic events as a readable text file, `resources/demo/synthetic-events.json`.

The events are made by the generator (`briefer.core.demo.synth`, calibrated by `synthetic.toml`
and placed with `geography.json`) and kept as text so that building the demo store reads them
instead of generating them again (about a quarter of the build's time). The file says what it
is: an `about` text (SYNTHETIC, not real events), the generator's seed, its `columns` (the events
table's names, `EVENT_KEYS` order without the columns of `constant`), the `constant` values of
every record and one JSON array per event on its own line, so that a diff shows events.

Contract:
- `render(rows)` gives the file's text for generator rows (`EVENT_KEYS` order); the same rows give
  the same text, byte for byte; `python -m briefer.core.demo.events_file` (`make demo-data`)
  rewrites the file from the generator and a test checks the committed file is exactly that;
- `read_rows(path)` gives the records back as (keys, tuples), or raises ValueError naming the
  file when it is not such a file (other columns, a short record).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from briefer.core.demo.synth import EVENT_KEYS, SEED, generate_rows

PATH = Path(__file__).resolve().parents[3] / "resources" / "demo" / "synthetic-events.json"
ABOUT = ("SYNTHETIC events for the briefer demo store: every event here is invented (not real "
         "data). Made by briefer/core/demo/synth.py from synthetic.toml and geography.json; "
         "regenerate with `make demo-data`, never edit by hand.")


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def render(rows: Iterable[Sequence[object]]) -> str:
    """The file's text for generator rows (see the module's contract)."""
    rows = [tuple(r) for r in rows]
    constant = {k: rows[0][i] for i, k in enumerate(EVENT_KEYS)
                if rows and all(r[i] == rows[0][i] for r in rows)}
    kept = [i for i, k in enumerate(EVENT_KEYS) if k not in constant]
    lines = ",\n".join(_dump([r[i] for i in kept]) for r in rows)
    return (f'{{"about": {_dump(ABOUT)},\n"seed": {SEED},\n'
            f'"columns": {_dump([EVENT_KEYS[i] for i in kept])},\n"constant": {_dump(constant)},\n'
            f'"events": [\n{lines}\n]}}\n')


def read_rows(path: Path = PATH) -> tuple[tuple[str, ...], list[tuple[object, ...]]]:
    """The file's keys (its columns, then the constant ones) and its records as tuples in that
    order: what `writes.event_rows` takes (see the module's contract)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    columns, constant = tuple(data["columns"]), dict(data["constant"])
    keys = (*columns, *constant)
    if sorted(keys) != sorted(EVENT_KEYS):
        raise ValueError(f"{path}: its columns are not the demo events' {', '.join(EVENT_KEYS)}")
    tail, width = tuple(constant.values()), len(columns)
    rows = [tuple(record) + tail for record in data["events"]]
    short = next((n for n, row in enumerate(rows, start=1) if len(row) != len(keys)), None)
    if short is not None:
        raise ValueError(f"{path}: event {short} has {len(rows[short - 1]) - len(tail)} values, not {width}")
    return keys, rows


def main() -> None:
    """Rewrite the file from the generator (`make demo-data`)."""
    PATH.write_text(render(generate_rows()), encoding="utf-8")
    print(f"wrote {PATH}", file=sys.stderr)


if __name__ == "__main__":
    main()
