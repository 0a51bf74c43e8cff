"""`briefer import`: the summary line, --dry-run, new stores, and user errors that change nothing."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from briefer.cli import main
from tests.core.importers.conftest import acled_row, digest, write_csv

ROOT = Path(__file__).resolve().parents[3]
SUMMARY = "added {}, updated {}, unchanged {}, rejected {}"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_import_into_a_new_store_then_again(capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    csv_file = write_csv(tmp_path / "a.csv", [acled_row("MLI1"), acled_row("MLI2")])
    store = tmp_path / "new.db"
    code, out, err = run(capsys, "import", "acled", str(csv_file), "--store", str(store),
                         "--dataset-accessed", "2021-02-16")
    assert (code, err) == (0, "")
    assert out.splitlines()[-1] == SUMMARY.format(2, 0, 0, 0)
    assert f"created a new store at {store}" in out
    code, out, _ = run(capsys, "import", "acled", str(csv_file), "--store", str(store))
    assert code == 0 and out.splitlines()[-1] == SUMMARY.format(0, 0, 2, 0)
    code, out, _ = run(capsys, "countries", "--store", str(store))
    assert out.splitlines()[0].startswith("MLI") and "2 events" in out.splitlines()[0]


def test_dry_run_writes_nothing(capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    csv_file = write_csv(tmp_path / "a.csv", [acled_row("MLI1")])
    store = tmp_path / "dry.db"
    code, out, _ = run(capsys, "import", "acled", str(csv_file), "--store", str(store), "--dry-run")
    assert code == 0 and out.splitlines()[-1] == SUMMARY.format(1, 0, 0, 0)
    assert "nothing was written" in out and not store.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.csv"]
    run(capsys, "import", "acled", str(csv_file), "--store", str(store))
    before = digest(store)
    more = write_csv(tmp_path / "b.csv", [acled_row("MLI2", date="11 December 2020")])
    code, out, _ = run(capsys, "import", "acled", str(more), "--store", str(store), "--dry-run")
    assert code == 0 and out.splitlines()[-1] == SUMMARY.format(1, 0, 0, 0)
    assert digest(store) == before


def test_bad_rows_exit_2_name_line_and_column_and_change_nothing(capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    store = tmp_path / "s.db"
    run(capsys, "import", "acled", str(write_csv(tmp_path / "a.csv", [acled_row("MLI1")])), "--store", str(store))
    before = digest(store)
    bad = write_csv(tmp_path / "bad.csv", [acled_row("MLI2", date="2020-12-11"), acled_row("MLI3", date="2020-02-30")])
    code, out, err = run(capsys, "import", "acled", str(bad), "--store", str(store))
    assert code == 2
    assert f"{bad}, line 3, column event_date: '2020-02-30' is not a date" in err
    assert "Traceback" not in err and out.splitlines()[-1] == SUMMARY.format(0, 0, 0, 1)
    assert digest(store) == before
    code, out, _ = run(capsys, "import", "acled", str(bad), "--store", str(store), "--accept-bad-rows")
    assert code == 0 and out.splitlines()[-1] == SUMMARY.format(1, 0, 0, 1)


def test_a_refused_file_creates_no_store(capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bad = write_csv(tmp_path / "bad.csv", [acled_row("MLI2", country="Wakanda")])
    code, _, err = run(capsys, "import", "acled", str(bad), "--store", str(tmp_path / "new.db"))
    assert code == 2 and "line 2, column country: unknown country 'Wakanda'" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.csv"]


@pytest.mark.parametrize("content, message", [
    (None, "no such file"),
    ("name,age\nAmadou,31\n", "no header line found"),
    ("event_id_cnty,event_date,country\nMLI1,2020-12-10,Mali\n", "line 1, column event_type: no column 'event_type', which every ACLED file has"),
])
def test_unusable_files_exit_2_with_one_clear_message(capsys, tmp_path: Path, content, message) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "in.csv"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    store = tmp_path / "s.db"
    run(capsys, "import", "acled", str(write_csv(tmp_path / "a.csv", [acled_row("MLI1")])), "--store", str(store))
    before = digest(store)
    code, _, err = run(capsys, "import", "acled", str(path), "--store", str(store))
    assert code == 2 and message in err and str(path) in err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert digest(store) == before


def test_real_process_prints_the_summary_last(tmp_path: Path) -> None:
    csv_file = write_csv(tmp_path / "a.csv", [acled_row("MLI1")], encoding="cp1252", delimiter=";", newline="\r\n")
    result = subprocess.run([sys.executable, "-m", "briefer", "import", "acled", str(csv_file), "--store",
                             str(tmp_path / "p.db")], check=False, capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == SUMMARY.format(1, 0, 0, 0)
