"""One exception family. Every message is written for the user: it names what is wrong and what to do.

A `BrieferError` is a user's mistake or an unusable input; the CLI turns it into one line on stderr
and exit status 2, the GUI into a dialog. Anything else is a bug and may show a traceback.
"""

from __future__ import annotations


class BrieferError(Exception):
    """Base of every error a user can act on."""


class StoreError(BrieferError):
    """The store file is missing, unreadable, not a briefer store, or from a newer version."""


class NotAStoreError(StoreError):
    """The file exists but is not a briefer store (or is corrupt)."""


class NewerStoreError(StoreError):
    """The store was written by a newer version of briefer; opening it could damage it."""


class SelectionError(BrieferError):
    """A country, topic, period or template that does not exist or does not make sense."""


class OutputError(BrieferError):
    """The output file cannot be written (folder missing, no permission, disk full)."""


class ValidationError(BrieferError):
    """Input data that breaks a rule of the store (e.g. a quotation not found in its source)."""
