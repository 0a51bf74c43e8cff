"""cite5: what the analyst-input dialog needs from the core (a risk and the overall trends).

Contract: pure data, no store; safe to use on the GUI thread.
"""

from __future__ import annotations

from briefer.core.domain import TRENDS, Risk

__all__ = ["TRENDS", "Risk"]
