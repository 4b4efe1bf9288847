"""How ``xl-retention sql`` (:mod:`.sql`) compares two ids or two segment values for "typed two ways": as
``xl-retention import`` folds them (:func:`~xl_retention.reading.lookalike_ids.folded`: Python's ``casefold``), not
as the database's ``LOWER`` does. ``LOWER`` follows the text's collation: PostgreSQL's under ``COLLATE "C"`` (which
the SQL gives the segment, to order segments by code point) or in a database of the C locale lowers A-Z only, so
``Österreich`` and ``österreich`` were two segments there, silently; and no database's ``LOWER`` folds ``ß`` to
``ss`` as ``casefold`` does (``Straße`` and ``STRASSE``). Here every character whose case folding differs from it is
mapped by ``TRANSLATE`` (one character) or ``REPLACE`` (several: ``ß``), from Python's own tables, before ``LOWER``,
which then meets ASCII letters only. Folded where they differ at all: the distinct values.
"""

from __future__ import annotations

import sys
from functools import cache

import ibis
import ibis.expr.types as ir

from ..reading.lookalike_ids import _APOSTROPHES, _HYPHENS

__all__ = ["NO_CASEFOLD", "casefolded", "folded"]

#: Dialects whose SQL folds with ``LOWER`` only: SQLite (its parser's stack of 100 levels cannot take the ``REPLACE``
#: chain: "parser stack overflow"; its ``LOWER`` folds A-Z only, as the header's "ids compared as written" says).
NO_CASEFOLD = frozenset({"sqlite"})


#: Greek Extended (polytonic Greek), whose letters folded to several characters (``ᾳ``: ``ἀι``, 70 of them) are left
#: out of the ``REPLACE`` chain: a chain of 100 is too deep for sqlglot's parser; its other letters are folded.
_GREEK_EXTENDED = range(0x1F00, 0x2000)


@cache
def _foldings() -> tuple[str, str, tuple[tuple[str, str], ...]]:
    """Python's case folding of the characters outside ASCII that it changes: those folded to one character (the
    ``from`` and ``to`` of a ``TRANSLATE``) and those folded to several (``ß``: ``ss``; the ligatures ``ﬁ``, ``ﬂ``
    of text copied from a PDF; not :data:`_GREEK_EXTENDED`'s); a pass over Unicode, once."""
    one_from, one_to, several = [], [], []
    for point in range(0x80, sys.maxunicode + 1):
        c = chr(point)
        f = c.casefold()
        if f == c:
            continue
        if len(f) == 1:
            one_from.append(c)
            one_to.append(f)
        elif point not in _GREEK_EXTENDED:
            several.append((c, f))
    return "".join(one_from), "".join(one_to), tuple(several)


def _bracketed(chars: str) -> str:
    """``chars`` (sorted, none ASCII) as a regular expression's bracket ranges of the characters themselves."""
    ranges: list[list[int]] = []
    for c in map(ord, chars):
        if ranges and c == ranges[-1][1] + 1:
            ranges[-1][1] = c
        else:
            ranges.append([c, c])
    return "".join(chr(a) if a == b else f"{chr(a)}-{chr(b)}" for a, b in ranges)


def casefolded(text: ir.StringValue) -> ir.StringValue:
    """``text`` case folded as Python's ``str.casefold`` folds it, whatever the database's collation: ``LOWER``
    where it holds no character outside ASCII that case folding changes (a bracket expression tells, fast); else
    each such character mapped first (a ``TRANSLATE`` of 1,400 characters costs a database about 0.3 ms a value).

    >>> sql = str(ibis.to_sql(ibis.table({"s": "string"}, name="t").s.pipe(casefolded).name("f"), dialect="duckdb"))
    >>> sql.split()[:6], "TRANSLATE(" in sql, "'ß', 'ss'" in sql
    (['SELECT', 'LOWER(', 'CASE', 'WHEN', 'REGEXP_MATCHES(', '"t0"."s",'], True, True)
    """
    one_from, one_to, several = _foldings()
    mapped = text
    for c, f in several:
        mapped = mapped.replace(c, f)
    mapped = mapped.translate(one_from, one_to)
    changed = "".join(sorted(set(one_from) | {c for c, _ in several}))
    return text.re_search(f"[{_bracketed(changed)}]").ifelse(mapped, text).lower()


def folded(label: ir.StringValue, regex: bool = True, casefold: bool = True) -> ir.StringValue:
    """:func:`~xl_retention.reading.lookalike_ids.folded` in SQL: case folded (:func:`casefolded`) unless a machine's
    code (no space; a digit or an underscore), curly apostrophes and Unicode hyphens as ``'`` and ``-``, runs of
    spaces as one. ``regex``: the dialect has regular expressions (MySQL's and SQL Server's SQL in Ibis has none, nor
    MySQL's a ``TRANSLATE``: ``LOWER``, characters replaced one by one, runs of up to 16 spaces); ``casefold``: not
    :data:`NO_CASEFOLD`'s (``LOWER``)."""
    if regex:
        machine = label.re_search(r"^\S*[0-9_]\S*$")
        text = machine.ifelse(label, casefolded(label) if casefold else label.lower())
        text = text.re_replace(f"[{_APOSTROPHES}]", "'").re_replace(f"[{_HYPHENS}]", "-")
        return text.re_replace(r"\s+", " ")
    machine = ~(label.find(" ") >= 0) & ibis.or_(*[label.find(c) >= 0 for c in "0123456789_"])
    text = machine.ifelse(label, label.lower())
    for chars, one in ((_APOSTROPHES, "'"), (_HYPHENS, "-"), ("\t", " ")):
        for c in chars:
            text = text.replace(c, one)
    for _ in range(4):
        text = text.replace("  ", " ")
    return text
