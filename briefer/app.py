"""Entry point of `briefer-gui` and `python main.py`.

Until the desktop application lands, this builds the demo briefing (Mali, 1 June – 31 December
2023, peacekeeping) from the user's store — the demo store on first run — and prints its path.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Sequence
from pathlib import Path

from platformdirs import user_documents_path

from briefer.core.domain import BriefingOptions
from briefer.core.errors import BrieferError


def main(argv: Sequence[str] | None = None) -> int:
    from briefer.core.pipeline import BuildRequest, build_pdf

    args = argparse.ArgumentParser(prog="briefer-gui").parse_known_args(argv)[1]
    store = Path(args[args.index("--store") + 1]) if "--store" in args else None
    out = user_documents_path() / "briefer" / "mali-peacekeeping-2023-06-01_2023-12-31.pdf"
    request = BuildRequest(
        countries=("MLI",), start=dt.date(2023, 6, 1), end=dt.date(2023, 12, 31), topic="peacekeeping",
        out=out, store=store, options=BriefingOptions(issued=dt.date(2024, 1, 8)),
    )
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        print(build_pdf(request))
    except (BrieferError, OSError) as exc:
        print(f"briefer: error: {exc}", file=sys.stderr)
        return 2
    return 0
