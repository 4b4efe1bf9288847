"""How ``xl-retention sql`` (:mod:`.sql`) compares two ids or two segment values for "typed two ways": as
``xl-retention import`` folds them (:func:`~xl_retention.reading.lookalike_ids.folded`: Python's ``casefold``), not
as the database's ``LOWER`` does. ``LOWER`` follows the text's collation: PostgreSQL's under ``COLLATE "C"`` (which
the SQL gives the segment, to order segments by code point) or in a database of the C locale lowers A-Z only, so
``Österreich`` and ``österreich`` were two segments there, silently; and no database's ``LOWER`` folds ``ß`` to
``ss`` as ``casefold`` does (``Straße`` and ``STRASSE``). Here every character whose case folding differs from it is
mapped by ``TRANSLATE`` (one character) or ``REPLACE`` (several: ``ß``, those of :data:`SEVERAL`), from Python's
own tables, before ``LOWER``,
which then meets ASCII letters only. Folded where they differ at all: the distinct values.
"""

from __future__ import annotations

import sys
from functools import cache

import ibis
import ibis.expr.types as ir

from ..reading.lookalike_ids import _APOSTROPHES, _HYPHENS

__all__ = ["NO_CASEFOLD", "SEVERAL", "casefolded", "folded"]

#: Dialects whose SQL folds with ``LOWER`` only: SQLite (its parser's stack of 100 levels cannot take the ``REPLACE``
#: chain: "parser stack overflow"; its ``LOWER`` folds A-Z only, as the header's "ids compared as written" says).
NO_CASEFOLD = frozenset({"sqlite"})


#: The characters folded to several that are mapped (by a chain of ``REPLACE``: ``ß`` is ``ss``, ``ẞ`` too; Turkish
#: ``İ``; the ligatures of text copied from a PDF, ``ﬁ`` is ``fi``): each ``REPLACE`` nests the expression once more,
#: and sqlglot's parser (and Python's recursion limit) takes few; the other 90 (polytonic Greek with a subscript iota,
#: Armenian ligatures, letters with a combining mark: ``ǰ``) are left as they are.
SEVERAL = "\u00df\u1e9e\u0130\u0149\ufb00\ufb01\ufb02\ufb03\ufb04\ufb05\ufb06"


#: Characters per ``TRANSLATE``: its literals stay under Oracle's 4,000 bytes (ORA-01704), at 4 bytes a character.
_CHUNK = 900


@cache
def _foldings() -> tuple[str, str, tuple[tuple[str, str], ...]]:
    """Python's case folding of the characters outside ASCII that it changes: those folded to one character (the
    ``from`` and ``to`` of a ``TRANSLATE``) and those of :data:`SEVERAL`, folded to several (``ß``: ``ss``); a pass
    over Unicode, once."""
    one_from, one_to, several = [], [], []
    for point in range(0x80, sys.maxunicode + 1):
        c = chr(point)
        f = c.casefold()
        if f == c:
            continue
        if len(f) == 1:
            one_from.append(c)
            one_to.append(f)
        elif c in SEVERAL:
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
    each such character mapped first (``TRANSLATE``s of 1,400 characters cost a database about 0.3 ms a value).

    >>> sql = str(ibis.to_sql(ibis.table({"s": "string"}, name="t").s.pipe(casefolded).name("f"), dialect="duckdb"))
    >>> sql.split()[:6], "TRANSLATE(" in sql, "'ß', 'ss'" in sql
    (['SELECT', 'LOWER(', 'CASE', 'WHEN', 'REGEXP_MATCHES(', '"t0"."s",'], True, True)
    """
    one_from, one_to, several = _foldings()
    mapped = text
    for c, f in several:
        mapped = mapped.replace(c, f)
    for start in range(0, len(one_from), _CHUNK):  # literals under Oracle's 4,000 bytes
        mapped = mapped.translate(one_from[start : start + _CHUNK], one_to[start : start + _CHUNK])
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
