"""The message catalogue: both languages for every key, English unchanged, French typography,
and no user-facing message left written inline in the core outside the catalogue."""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

import pytest

from briefer.core.errors import ImportFileError, SelectionError, StoreError
from briefer.core.importers.report import RowError
from briefer.core.message_texts import CATALOGUE
from briefer.core.messages import NBSP, localise, msg, placeholders

CORE = Path(__file__).resolve().parents[2] / "briefer" / "core"
OPERATIONS = CORE.parent / "gui" / "operations"  # the app's one door into the core
ERRORS = {"BrieferError", "StoreError", "NotAStoreError", "NewerStoreError", "SelectionError", "OutputError",
          "ValidationError", "ImportFileError", "ImportCancelled", "FontError", "RowProblem", "EntryProblem", "_Bad"}

# Raise sites still written inline, per file (see the README's Development section). The counts are
# exact, so a new inline message anywhere fails this test. None is left.
NOT_YET: dict[str, int] = {}


def test_each_key_is_written_once() -> None:
    from briefer.core.message_texts_more import MORE

    tree = ast.parse((CORE / "message_texts.py").read_text(encoding="utf-8"))
    written = [k.value for d in ast.walk(tree) if isinstance(d, ast.Dict) for k in d.keys if isinstance(k, ast.Constant)]
    assert len(written) == len(set(written)) and not set(written) & set(MORE)


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_every_key_has_both_languages_with_the_same_fields(key: str) -> None:
    english, french = CATALOGUE[key]
    assert english.strip() and french.strip()
    assert placeholders(english) == placeholders(french)
    assert "'" not in french.replace("{", "").replace("}", "") or "!r" not in french  # French quotes with « »


def test_english_stays_the_text_and_french_is_typeset() -> None:
    error = SelectionError.of("sel-unknown-topic", slug="bandits", known="conflict, peacekeeping")
    assert str(error) == "unknown topic 'bandits'; known topics: conflict, peacekeeping"
    assert error.text("en") == str(error)
    assert error.text("fr") == f"thème inconnu «{NBSP}bandits{NBSP}»{NBSP}; thèmes connus{NBSP}: conflict, peacekeeping"


def test_fields_are_never_retypeset_and_nested_messages_follow_the_language() -> None:
    error = StoreError.of("store-no-folder", path=r"C:\data\a.db", folder="D: ?")
    assert error.text("fr") == f"C:\\data\\a.db{NBSP}: le dossier D: ? n’existe pas."
    hint = msg("sel-did-you-mean", names=("Mali", "Niger"))
    error = SelectionError.of("sel-unknown-country", name="Mli", hint=hint)
    assert "(did you mean Mali or Niger?)" in str(error)
    assert f"(vouliez-vous dire Mali ou Niger{NBSP}?)" in error.text("fr")


def test_import_errors_say_where_in_both_languages() -> None:
    reason = msg("row-not-date", shown=msg("row-quoted", value="31/02/2023"), accepted="2023-06-01")
    error = ImportFileError("a.csv", reason, line=4, column="event_date")
    assert str(error) == "a.csv, line 4, column event_date: '31/02/2023' is not a date; write it as 2023-06-01"
    french = error.text("fr")
    assert french.startswith(f"a.csv, ligne 4, colonne event_date{NBSP}: «{NBSP}31/02/2023{NBSP}» n’est pas")
    row = RowError("a.csv", 4, "event_date", reason)
    assert str(row) == str(error) and row.text("fr") == french


def test_plain_values_and_unconverted_messages_stay_as_written() -> None:
    assert localise("plain", "fr") == "plain"
    assert SelectionError("not in the catalogue").text("fr") == "not in the catalogue"
    assert localise(msg("imp-empty"), "fr") == "le fichier est vide."


def test_messages_survive_pickling() -> None:
    import pickle

    error = pickle.loads(pickle.dumps(msg("store-missing", path="x.db")))
    assert error.text("fr").startswith("x.db")


def _inline_messages(tree: ast.AST) -> int:
    """Raise sites of a BrieferError (or row problem) whose message is a literal or an f-string."""
    count = 0
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ERRORS):
            continue
        if any(isinstance(a, ast.JoinedStr) or (isinstance(a, ast.Constant) and isinstance(a.value, str)
                                               and " " in a.value) for a in node.args):
            count += 1
    return count


def test_no_user_message_is_written_inline_outside_the_catalogue() -> None:
    found = Counter()
    for path in CORE.rglob("*.py"):
        count = _inline_messages(ast.parse(path.read_text(encoding="utf-8")))
        if count:
            found[path.relative_to(CORE).as_posix()] = count
    assert dict(found) == NOT_YET
    for path in [*CORE.parent.glob("cli*.py"), *OPERATIONS.glob("*.py")]:  # the CLI's and the app's own errors, too
        assert _inline_messages(ast.parse(path.read_text(encoding="utf-8"))) == 0, path.name


def test_the_catalogue_has_no_unused_keys() -> None:
    users = [*CORE.rglob("*.py"), *CORE.parent.glob("cli*.py"), *OPERATIONS.glob("*.py")]  # core, CLI, app
    source = "\n".join(p.read_text(encoding="utf-8") for p in users if not p.name.startswith("message_texts"))
    unused = [key for key in CATALOGUE if f'"{key}"' not in source]
    assert unused == []
