"""Entry point of `briefer-gui` and `python main.py [--store PATH]`: the desktop application."""

from __future__ import annotations

from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    from briefer.gui.app import main as run

    return run(argv)
