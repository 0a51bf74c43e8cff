"""A small on-disk cache of rendered chart SVG, so a rebuild skips matplotlib altogether.

Contract: `get(key_parts)` returns the bytes stored for the same inputs by the same renderer
code, or None; `put(key_parts, data)` stores them atomically. Keys hash the inputs together with
the source of the charts package, so any change to the renderer invalidates old entries. The
cache lives in the user cache folder, keeps at most `MAX_ENTRIES` files (oldest dropped), and any
I/O problem silently disables it: a cache must never break a build.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from functools import cache
from pathlib import Path

MAX_ENTRIES = 400


@cache
def _renderer_version() -> str:
    digest = hashlib.sha256()
    for source in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(source.read_bytes())
    return digest.hexdigest()[:16]


def folder() -> Path:
    from platformdirs import user_cache_path

    return user_cache_path("briefer", appauthor=False) / "charts"


def _path(key_parts: tuple[object, ...]) -> Path:
    key = hashlib.sha256(repr((_renderer_version(), *key_parts)).encode("utf-8")).hexdigest()
    return folder() / f"{key}.svg"


def get(key_parts: tuple[object, ...]) -> bytes | None:
    if os.environ.get("BRIEFER_NO_CHART_CACHE"):
        return None
    try:
        return _path(key_parts).read_bytes()
    except OSError:
        return None


def put(key_parts: tuple[object, ...], data: bytes) -> None:
    if os.environ.get("BRIEFER_NO_CHART_CACHE"):
        return
    try:
        target = _path(key_parts)
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temp, target)
        _prune(target.parent)
    except OSError:
        return


def _prune(where: Path) -> None:
    entries = sorted(where.glob("*.svg"), key=lambda p: p.stat().st_mtime)
    for old in entries[: max(0, len(entries) - MAX_ENTRIES)]:
        old.unlink(missing_ok=True)
