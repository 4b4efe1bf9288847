"""Where a refusal tells how to split the tables by a column (``segment``), in the words of the caller: the import's
``--segment`` on the command line, ``segment=`` of :func:`xl_retention.workbook.importer.load_tables` and of
:mod:`xl_retention.relational`'s functions, and, for :mod:`xl_retention.tables`' functions (no ``segment=``: H375's
finding 02), the rows of one segment kept, or the :mod:`xl_retention.relational` function's ``segment=``.
"""

from __future__ import annotations

import shlex
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from .errors import said_as

__all__ = ["keyword_caller", "segment_keyword", "segment_said", "tables_call"]

#: the table function of :mod:`xl_retention.tables` reading its input (its counterpart's name in
#: :mod:`xl_retention.relational`), None outside one (or where a caller splits the rows itself); "" inside
#: :func:`segment_keyword`
_TABLES_CALL: ContextVar[str | None] = ContextVar("xl_retention_tables_call", default=None)


@contextmanager
def tables_call(function: str) -> Iterator[None]:
    """The refusals made in the block are worded for a caller of :mod:`xl_retention.tables`' ``function``, which
    takes no ``segment=`` (:func:`segment_said`); an outer call's name is kept (subscription_tables reading its
    intervals with snapshots_from_intervals)."""
    outer = _TABLES_CALL.get()
    token = _TABLES_CALL.set(function if outer is None else outer)
    try:
        yield
    finally:
        _TABLES_CALL.reset(token)


@contextmanager
def segment_keyword() -> Iterator[None]:
    """The refusals made in the block are worded for a caller that takes ``segment=``
    (:func:`xl_retention.workbook.importer.load_tables`), whatever table functions it calls."""
    token = _TABLES_CALL.set("")
    try:
        yield
    finally:
        _TABLES_CALL.reset(token)


def keyword_caller() -> bool:
    """Whether the caller takes ``segment=`` itself (inside :func:`segment_keyword`)."""
    return _TABLES_CALL.get() == ""


def segment_said(value: str, lifted: bool = False) -> str:
    """How to split the tables by ``value`` (``COLUMN`` or ``COLUMN=VALUE``), as the caller gives it: the import's
    option on the command line (:func:`~.errors.command_line`), quoted to be pasted as it is, else the keyword of the
    Python calls (``workbook.importer.load_tables``, ``relational.order_tables``, ...: ``segment=``). A caller of
    :mod:`xl_retention.tables`' functions (:func:`tables_call`), which take no ``segment=``, is told to keep that
    segment's rows (or, ``lifted``: a refusal the segment's column lifts whatever rows are kept, to read them with
    ``options=ReadOptions(segment=COLUMN)``), or the :mod:`xl_retention.relational` function's ``segment=``.

    >>> from .errors import command_line
    >>> segment_said("currency=EUR")
    "segment='currency=EUR'"
    >>> with command_line():
    ...     segment_said("Plan Currency=EUR")
    "--segment 'Plan Currency=EUR'"
    >>> with tables_call("order_tables"):
    ...     segment_said("currency=EUR")
    "df[df['currency'] == 'EUR'], or xl_retention.relational.order_tables(df, segment='currency=EUR')"
    """
    python = f"segment={value!r}"
    function = _TABLES_CALL.get()
    if function:
        column, sep, wanted = value.partition("=")
        relational = f"xl_retention.relational.{function}(df, segment={value!r})"
        if sep and not lifted:
            python = f"df[df[{column!r}] == {wanted!r}], or {relational}"
        else:
            python = f"options=ReadOptions(segment={column!r}), or {relational}"
    return said_as("--segment " + shlex.quote(value), python)
