"""briefer: offline security briefings (PDF) from a local conflict-data store."""

__version__ = "0.1.0"
