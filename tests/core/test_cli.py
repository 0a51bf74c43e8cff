"""Every command of the CLI and every user-error path: exit 2, one clear line, no file left."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from briefer.cli import main, parser

ROOT = Path(__file__).resolve().parents[2]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:  # argparse errors
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def build_args(store: Path, out: Path, *extra: str) -> list[str]:
    return ["build", "--store", str(store), "--country", "Mali", "--from", "2023-06-01", "--to", "2023-12-31",
            "--topic", "peacekeeping", "--date", "2024-01-08", "--out", str(out), *extra]


def test_build_writes_pdf_and_prints_its_path(capsys, demo_store_path: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "brief.pdf"
    code, stdout, err = run(capsys, *build_args(demo_store_path, out, "--country", "BF", "--lang", "fr",
                                                "--marking", "amber+strict", "--author", "A. Diallo"))
    assert (code, err) == (0, "")
    assert stdout.strip() == str(out)
    reader = PdfReader(out)
    assert reader.metadata.author.startswith("A. Diallo")
    assert "TLP:AMBER+STRICT" in reader.pages[0].extract_text()


@pytest.mark.parametrize("change, message", [
    (("--country", "Atlantis"), "unknown country 'Atlantis'"),
    (("--topic", "weather"), "unknown topic 'weather'"),
    (("--from", "2024-01-01"), "is after --to"),
    (("--template", "nope"), "unknown template 'nope'"),
    (("--from", "2023-13-01"), "invalid date '2023-13-01'"),
    (("--marking", "TLP:PURPLE"), "unknown marking"),
])
def test_user_errors_exit_2_with_one_line(capsys, demo_store_path: Path, tmp_path: Path, change, message) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "brief.pdf"
    args = build_args(demo_store_path, out)
    flag, value = change
    if flag in args:
        args[args.index(flag) + 1] = value
    else:
        args += [flag, value]
    code, _, err = run(capsys, *args)
    assert code == 2
    assert message in err
    assert "Traceback" not in err
    assert not out.exists()
    assert list(tmp_path.iterdir()) == []


def test_missing_store(capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code, _, err = run(capsys, *build_args(tmp_path / "absent.db", tmp_path / "b.pdf"))
    assert code == 2 and "no such store" in err and err.count("\n") == 1


def test_not_a_store(capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bogus = tmp_path / "bogus.db"
    bogus.write_text("not sqlite")
    code, _, err = run(capsys, *build_args(bogus, tmp_path / "b.pdf"))
    assert code == 2 and "not a briefer store" in err


def test_unwritable_output(capsys, demo_store_path: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "no" / "such" / "folder" / "b.pdf"
    code, _, err = run(capsys, *build_args(demo_store_path, out))
    assert code == 2 and "b.pdf" in err
    assert not (tmp_path / "no").exists()


def test_demo_store_refuses_to_overwrite(capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "d.db"
    assert run(capsys, "demo-store", str(path))[0] == 0
    code, _, err = run(capsys, "demo-store", str(path))
    assert code == 2 and "already exists" in err
    assert run(capsys, "demo-store", str(path), "--force")[0] == 0


def test_listing_commands(capsys, demo_store_path: Path) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(capsys, "countries", "--store", str(demo_store_path))
    assert code == 0 and out.splitlines()[0].split()[0] in {"BFA", "MLI", "NGA", "NER"}
    assert "Côte d’Ivoire" in out
    code, out, _ = run(capsys, "topics", "--store", str(demo_store_path))
    assert code == 0 and "peacekeeping" in out and "Maintien de la paix" in out
    code, out, _ = run(capsys, "templates", "--store", str(demo_store_path))
    assert code == 0 and out.startswith("country-brief")


def test_default_store_is_created_in_user_data_folder(capsys, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from briefer.core.pipeline import default_store_path

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert not default_store_path().exists()
    code, out, _ = run(capsys, "topics")
    assert code == 0 and "armed-conflict" in out
    assert default_store_path().exists()


def test_every_command_is_documented_in_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = parser()._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    for name in commands:
        assert f"briefer {name}" in readme, name


def test_python_dash_m_runs_as_a_real_process(demo_store_path: Path, tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "briefer", "build", *build_args(demo_store_path, tmp_path / "x.pdf")[1:],
                             "--country", "Narnia"], capture_output=True, text=True, cwd=ROOT, check=False)
    assert result.returncode == 2
    assert result.stderr.strip() == "briefer: error: unknown country 'Narnia'; see `briefer countries`"
