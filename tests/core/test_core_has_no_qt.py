"""The core never imports Qt: every briefer.core module is imported in a clean interpreter."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import briefer.core

ROOT = Path(__file__).resolve().parents[2]


def core_modules() -> list[str]:
    return sorted(m.name for m in pkgutil.walk_packages(briefer.core.__path__, "briefer.core."))


def test_core_modules_are_found() -> None:
    names = core_modules()
    assert {"briefer.core.store.db", "briefer.core.analysis", "briefer.core.assemble", "briefer.core.pdf"} <= set(names)


def test_importing_every_core_module_loads_no_pyside6() -> None:
    code = (
        "import importlib, sys\n"
        f"for name in {core_modules()!r}: importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'matplotlib.pyplot')))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert result.stdout.strip() == ""
