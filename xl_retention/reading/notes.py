"""Notes the reading makes on a guess it had to take (amounts read as cents), for the import to print.

Reading a file is a chain of pure functions with no channel back to the command; a rule that reads the data one way
where it cannot be sure (a Stripe API export's whole amounts are cents: ``4900`` is 49.00, and so ``49`` is 0.49)
says so with :func:`note`. :func:`collected` gathers the notes made while its block runs (the import prints them
beside its own); outside such a block a note goes nowhere.

>>> with collected() as found:
...     note("subs.csv: read in cents")
...     note("subs.csv: read in cents")  # said once
>>> found
['subs.csv: read in cents']
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

__all__ = ["collected", "note"]

_NOTES: ContextVar[list[str] | None] = ContextVar("xl_retention_reading_notes", default=None)


def note(text: str) -> None:
    """Add ``text`` (one line) to the notes being collected, once; nothing when none are."""
    notes = _NOTES.get()
    if notes is not None and text not in notes:
        notes.append(text)


@contextmanager
def collected() -> Iterator[list[str]]:
    """The notes made while the block runs, in order (a list filled as they come)."""
    notes: list[str] = []
    token = _NOTES.set(notes)
    try:
        yield notes
    finally:
        _NOTES.reset(token)
