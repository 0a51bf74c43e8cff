"""Shared fixtures: real store files built once per session, and the path to ../shared."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def demo_store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo store, built once; tests must not modify it (copy it with `writable_demo`)."""
    from briefer.core.demo.build import build_demo_store

    return build_demo_store(tmp_path_factory.mktemp("demo") / "demo.db")


@pytest.fixture()
def demo_store(demo_store_path: Path) -> Iterator[Store]:  # noqa: F821
    from briefer.core.store.db import open_store

    with open_store(demo_store_path, read_only=True) as store:
        yield store


@pytest.fixture()
def fresh_store(tmp_path: Path) -> Iterator[Store]:  # noqa: F821
    """An empty store with the reference data (countries, aliases, topics, admin1)."""
    from briefer.core.demo.build import load_reference_data
    from briefer.core.store.db import open_store

    with open_store(tmp_path / "fresh.db", create=True) as store:
        with store.db.atomic():
            load_reference_data(store)
        yield store


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep tests away from the real user data and config folders."""
    home = tmp_path_factory.getbasetemp() / "home"
    for var, sub in (("XDG_DATA_HOME", "data"), ("XDG_CONFIG_HOME", "config"), ("XDG_CACHE_HOME", "cache"),
                     ("XDG_DOCUMENTS_DIR", "docs")):
        monkeypatch.setenv(var, str(home / sub))
