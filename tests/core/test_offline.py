"""Nothing reaches the network at run time: a full build runs under an audit hook that aborts on
any socket connection or name lookup."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

GUARD = """
import sys
def guard(event, args):
    if event in ("socket.connect", "socket.getaddrinfo", "socket.gethostbyname", "urllib.Request",
                 "http.client.connect", "socket.sendto"):
        sys.stderr.write(f"NETWORK ACCESS: {event} {args!r}\\n")
        import os; os._exit(97)
sys.addaudithook(guard)
from briefer.cli import main
raise SystemExit(main(sys.argv[1:]))
"""


def test_demo_store_and_build_never_touch_the_network(tmp_path: Path) -> None:
    store = tmp_path / "demo.db"
    for argv in (["demo-store", str(store)],
                 ["build", "--store", str(store), "--country", "Mali", "--country", "Niger", "--from", "2023-06-01",
                  "--to", "2023-12-31", "--topic", "peacekeeping", "--lang", "fr", "--out", str(tmp_path / "b.pdf")]):
        result = subprocess.run([sys.executable, "-c", GUARD, *argv], capture_output=True, text=True, cwd=ROOT,
                                check=False)
        assert "NETWORK ACCESS" not in result.stderr
        assert result.returncode == 0, result.stderr
    assert (tmp_path / "b.pdf").stat().st_size > 10_000


def test_the_guard_does_catch_a_connection() -> None:
    code = GUARD.replace("from briefer.cli import main\nraise SystemExit(main(sys.argv[1:]))",
                         "import socket\nsocket.create_connection(('127.0.0.1', 9))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 97 and "NETWORK ACCESS" in result.stderr
