"""Protection against a reference-counting defect of PySide6 6.12.0 on CPython 3.11.

CPython 3.12 made `None`, `True` and `False` immortal (PEP 683), and PySide6 6.12.0 no longer
keeps their reference counts exact: on CPython 3.11 many calls take a reference away from `None`
(every void method such as `QLabel.setText`) or from `True` (every `Signal.emit`). The counts
drift down during a session until CPython aborts with "deallocating None". PySide6 6.11 is not
affected, and neither is CPython 3.12 or later.

`protect_singletons()` gives the three objects the same immortality on CPython 3.11: their counts
start 2**40 higher, far beyond any drift (CPython 3.12 does the same with a larger number). It does
nothing on 3.12+, on debug builds, or if the object layout is not the expected one. It runs when
`briefer.gui` is imported, before any widget exists.
"""

from __future__ import annotations

import ctypes
import sys

MARGIN = 1 << 40
_protected: list[bool] = []


def protect_singletons() -> bool:
    """Make None, True and False effectively immortal on CPython < 3.12; True when it did."""
    if _protected or sys.version_info >= (3, 12) or hasattr(sys, "gettotalrefcount"):
        return bool(_protected)
    fields = [ctypes.c_ssize_t.from_address(id(obj)) for obj in (None, True, False)]
    for obj, field in zip((None, True, False), fields, strict=True):
        if abs(field.value - sys.getrefcount(obj)) > 64:  # not a plain PyObject header: leave it
            return False
    for field in fields:
        field.value += MARGIN
    _protected.append(True)
    return True
