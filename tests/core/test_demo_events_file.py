"""The demo store's synthetic events kept as text (`resources/demo/synthetic-events.json`): the
committed file is exactly what the generator makes, it reads back to the generator's records, it
says it is synthetic, and a damaged file is refused with its name."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefer.core.demo import events_file
from briefer.core.demo.synth import EVENT_KEYS, generate_rows


@pytest.fixture(scope="module")
def generated() -> list[tuple[object, ...]]:
    return list(generate_rows())


def test_the_committed_file_is_the_generators_output(generated: list[tuple[object, ...]]) -> None:
    committed = events_file.PATH.read_text(encoding="utf-8")
    assert committed == events_file.render(generated), "run `make demo-data` after changing the generator"


def test_it_reads_back_to_the_generators_records(generated: list[tuple[object, ...]]) -> None:
    keys, rows = events_file.read_rows()
    assert sorted(keys) == sorted(EVENT_KEYS) and len(rows) == len(generated) > 14_000
    order = [keys.index(k) for k in EVENT_KEYS]
    assert [tuple(r[i] for i in order) for r in rows] == generated


def test_it_says_it_is_synthetic_everywhere() -> None:
    data = json.loads(events_file.PATH.read_text(encoding="utf-8"))
    assert data["about"].startswith("SYNTHETIC") and "not real" in data["about"]
    assert data["constant"] == {"source": "briefer synthetic demo data (not real events)"}
    notes = data["columns"].index("notes")
    assert all(row[notes].startswith("[SYNTHETIC] ") for row in data["events"])


def test_one_event_per_line_so_a_diff_shows_events() -> None:
    lines = events_file.PATH.read_text(encoding="utf-8").splitlines()
    events = [line for line in lines if line.startswith('["SYN-')]
    assert len(events) == len(json.loads("\n".join(lines))["events"])


def _write(tmp_path: Path, data: dict[str, object]) -> Path:
    path = tmp_path / "events.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_a_file_with_other_columns_is_refused_with_its_name(tmp_path: Path) -> None:
    path = _write(tmp_path, {"columns": ["external_id", "when"], "constant": {}, "events": []})
    with pytest.raises(ValueError, match=r"events\.json: its columns are not"):
        events_file.read_rows(path)


def test_a_short_record_is_refused_with_its_number(tmp_path: Path) -> None:
    columns = [k for k in EVENT_KEYS if k != "source"]
    full = ["x"] * len(columns)
    path = _write(tmp_path, {"columns": columns, "constant": {"source": "s"}, "events": [full, full[:-1]]})
    with pytest.raises(ValueError, match=rf"events\.json: event 2 has {len(columns) - 1} values, not {len(columns)}"):
        events_file.read_rows(path)
