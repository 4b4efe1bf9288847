"""Notes the reading makes on a guess it had to take (amounts read as cents), for the import to print.

Reading a file is a chain of pure functions with no channel back to the command; a rule that reads the data one way
where it cannot be sure (a Stripe API export's whole amounts are cents: ``4900`` is 49.00, and so ``49`` is 0.49)
says so with :func:`note`. :func:`collected` gathers the notes made while its block runs (the import prints them
beside its own); outside such a block (a Python caller of ``tables.*``, ``relational.*`` or ``read_table``) a note
is a :class:`ReadingNoteWarning`, the import's options in it worded as the Python arguments
(:func:`python_wording`): the guess must reach every caller, as a wrong one changes the numbers.

>>> with collected() as found:
...     note("subs.csv: read in cents")
...     note("subs.csv: read in cents")  # said once
>>> found
['subs.csv: read in cents']
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from ..errors import ReadingNoteWarning, user_stacklevel

__all__ = ["ReadingNoteWarning", "collected", "collecting", "note", "python_wording", "relayed"]

_NOTES: ContextVar[list[str] | None] = ContextVar("xl_retention_reading_notes", default=None)


#: The import's options as a Python caller gives them (``tables.*``/``relational.*``: ``options=ReadOptions(...)``,
#: ``columns=``, ``segment=``, ``through=``, ``existing_at_start=``).
_VALUES = {  # what an option's value looks like (else the word after it is the sentence's: "as --timezone asks")
    "amounts": r"units|cents",
    "timezone": r"ZONE|[A-Z][A-Za-z_]+(?:/[A-Za-z0-9_+-]+)+|[A-Z][A-Z0-9+-]+",  # Europe/Berlin, Etc/GMT+5, UTC, EST
    "date-format": r"%\S+",
    "encoding": r"(?:utf|cp|latin|iso|windows|mac|ascii)[\w-]*",
    "decimal": r"[,.]",
}
_OPTIONS = (
    *((re.compile(rf"--{name} ('[^']*'|{value})(?=[\s,;:)]|$)"),
       lambda m, name=name: f"options=ReadOptions({name.replace('-', '_')}={_quoted(m[1])})")
      for name, value in _VALUES.items()),
    (re.compile(r"--(amounts|timezone|date-format|encoding|decimal)\b"),
     lambda m: f"options=ReadOptions({m[1].replace('-', '_')}=...)"),
    (re.compile(r"--dayfirst\b"), lambda m: "options=ReadOptions(dayfirst=True)"),
    (re.compile(r"--monthfirst\b"), lambda m: "options=ReadOptions(dayfirst=False)"),
    (re.compile(r"--columns ([\w ]+?)=('[^']*'|[^\s,;)]+)"), lambda m: f"columns={{{m[1]!r}: {_quoted(m[2])}}}"),
    (re.compile(r"--(segment|through) ('[^']*'|[^\s,;)]+)"), lambda m: f"{m[1]}={_quoted(m[2])}"),
    (re.compile(r"--existing-at-start\b"), lambda m: "existing_at_start=True"),
)  # fmt: skip


def _quoted(value: str) -> str:
    """``value`` as a Python string literal (a placeholder in capitals, ZONE, stays a placeholder: ``'ZONE'``)."""
    return repr(value[1:-1] if value[:1] == value[-1:] == "'" and len(value) > 1 else value)


def python_wording(text: str) -> str:
    """``text`` (a note worded for the import command) with the command's options as a Python caller gives them.

    >>> python_wording("if they are whole units, import with --amounts units (or map the column)")
    "if they are whole units, import with options=ReadOptions(amounts='units') (or map the column)"
    >>> python_wording("counted in UTC months; --timezone ZONE counts them in yours")
    "counted in UTC months; options=ReadOptions(timezone='ZONE') counts them in yours"
    >>> python_wording("map it: --columns amount=Total")
    "map it: columns={'amount': 'Total'}"
    >>> python_wording("so --timezone Etc/GMT+5 cannot convert them alike; nor --timezone EST")
    "so options=ReadOptions(timezone='Etc/GMT+5') cannot convert them alike; nor options=ReadOptions(timezone='EST')"
    >>> python_wording("read as Europe/Berlin's months, as --timezone asks")
    "read as Europe/Berlin's months, as options=ReadOptions(timezone=...) asks"
    >>> python_wording("--date-format '%d.%m.%Y' reads them")
    "options=ReadOptions(date_format='%d.%m.%Y') reads them"
    """
    for pattern, python in _OPTIONS:
        text = pattern.sub(python, text)
    return text


def note(text: str) -> None:
    """Add ``text`` (one line) to the notes being collected, once; outside :func:`collected` (a Python caller),
    warn with it as a :class:`ReadingNoteWarning` in :func:`python_wording`."""
    notes = _NOTES.get()
    if notes is None:
        warnings.warn(python_wording(text), ReadingNoteWarning, stacklevel=user_stacklevel())  # the user's call
    elif text not in notes:
        notes.append(text)


def collecting() -> bool:
    """Whether notes are being collected (inside :func:`collected`: the import, which prints them), not warned.

    >>> with collected():
    ...     collecting()
    True
    >>> collecting()
    False
    """
    return _NOTES.get() is not None


@contextmanager
def collected() -> Iterator[list[str]]:
    """The notes made while the block runs, in order (a list filled as they come)."""
    notes: list[str] = []
    token = _NOTES.set(notes)
    try:
        yield notes
    finally:
        _NOTES.reset(token)


@contextmanager
def relayed() -> Iterator[None]:
    """The notes made in the block reach the caller when it ends: an outer :func:`collected` gathers them as they
    come; without one they are held and warned after the block (threads reading under ``warnings.catch_warnings()``,
    which would silence them)."""
    if _NOTES.get() is not None:
        yield
        return
    with collected() as held:
        yield
    for text in held:
        note(text)
