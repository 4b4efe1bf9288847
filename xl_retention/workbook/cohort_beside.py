"""What the user set on columns of their own right of the Cohorts tables, kept when the sheet grows (H291 task 1).

Growing the Cohorts sheet writes the template's sheet for the new months (:func:`~.cohort_sheet.grow_cohorts`); the
user's cells beside the tables are put back at their new places with their styles (number format, font, fill), but the
sheet's own markup of those columns was the template's: a column of the user's lost its width, and a conditional
format or data validation over it stopped the growing. Here each is carried to the grown sheet, moved as the cells
move (rows by the tables' row map, columns from ``first`` on ``by`` to the right, :mod:`.inserted_columns`):
:func:`carried_widths` the ``<col>`` widths right of the tables, :func:`carried_rules` the conditional formats and
validations that lie wholly right of them (their formulas' references moved too).
"""

from __future__ import annotations

import re
from html import unescape

from openpyxl.utils import column_index_from_string

from . import inplace as ip
from .inserted_columns import moved_formula, moved_range

__all__ = ["carried_rules", "carried_widths", "right_of"]

_COLS = re.compile(rb"<((?:\w+:)?)cols>(.*?)</(?:\w+:)?cols>", re.S)
_COL = re.compile(rb"<(?:\w+:)?col\b([^>]*?)/?>")
_EXT = re.compile(rb"<(?:\w+:)?extLst\b")
_CF = re.compile(rb"<(\w+:)?conditionalFormatting\b[^>]*>.*?</\1?conditionalFormatting\s*>", re.S)
_DVS = re.compile(rb"<(\w+:)?dataValidations\b([^>]*?)(?:/>|>(.*?)</\1?dataValidations\s*>)", re.S)
_DV = re.compile(rb"<(\w+:)?dataValidation\b[^>]*?(?:/>|>.*?</\1?dataValidation\s*>)", re.S)
_SQREF = re.compile(rb'(\ssqref=")([^"]*)(")')
_FORMULAS = re.compile(rb"(<(?:\w+:)?(?:formula|formula1|formula2)>)([^<]*)(</)")
_PRIORITY = re.compile(rb'(<(?:\w+:)?cfRule\b[^>]*?\spriority=")([0-9]+)(")')
#: what follows the conditional formats in a worksheet part (the schema's order), and what follows the validations
_AFTER_CF = rb"(?:dataValidations|hyperlinks|printOptions|pageMargins|pageSetup|headerFooter|rowBreaks|colBreaks|"
_AFTER_DV = rb"(?:hyperlinks|printOptions|pageMargins|pageSetup|headerFooter|rowBreaks|colBreaks|"
_LATER = rb"customProperties|cellWatches|ignoredErrors|smartTags|drawing|legacyDrawing|legacyDrawingHF|picture|"
_LATER += rb"oleObjects|controls|webPublishItems|tableParts|extLst)\b"


def _before(tail: bytes, after: bytes) -> int:
    found = re.search(rb"<(?:\w+:)?" + after + _LATER + rb"|</(?:\w+:)?worksheet\s*>", tail)
    return found.start() if found else len(tail)


def _outside_ext(tail: bytes) -> bytes:
    found = _EXT.search(tail)
    return tail if found is None else tail[: found.start()]


def right_of(sqref: bytes, widest: int) -> bool:
    """Whether every range of ``sqref`` (``O4:O9 Q2``) lies right of column ``widest`` (1 = A)."""
    for area in sqref.decode().replace("$", "").split():
        for corner in area.split(":"):
            letters = corner.rstrip("0123456789")
            if not letters or column_index_from_string(letters.upper()) <= widest:
                return False
    return True


def _moved_sqref(sqref: bytes, title: str, rows: dict[int, int], first: int, by: int) -> bytes:
    return " ".join(moved_range(area, title, rows, first, by) for area in sqref.decode().split()).encode()


def _moved_rule(element: bytes, title: str, rows: dict[int, int], first: int, by: int) -> bytes:
    """A conditional format or validation with its ranges and its formulas' references moved."""
    element = _SQREF.sub(lambda m: m[1] + _moved_sqref(m[2], title, rows, first, by) + m[3], element, count=1)

    def formula(match: re.Match[bytes]) -> bytes:
        try:
            text = moved_formula("=" + unescape(match[2].decode()), title, rows, first, by)[1:]
        except ValueError as error:
            where = _SQREF.search(element)[2].decode()
            raise ip.LayoutError(f"{title}: the rule of yours over {where}: {error}; nothing was changed") from None
        return match[1] + ip.escape(text).replace('"', "&quot;").encode() + match[3]

    return _FORMULAS.sub(formula, element)


def carried_rules(
    old_tail: bytes, new_tail: bytes, title: str, widest: int, rows: dict[int, int], first: int, by: int
) -> bytes:
    """``new_tail`` (the grown sheet's markup after its rows) with the conditional formats and data validations of
    ``old_tail`` that lie wholly right of column ``widest`` (the user's own) added, moved (:func:`_moved_rule`)."""
    old = _outside_ext(old_tail)
    formats = [m[0] for m in _CF.finditer(old) if right_of(_SQREF.search(m[0])[2], widest)]
    if formats:
        top = max([int(m[2]) for m in _PRIORITY.finditer(new_tail)] + [0])
        moved = []
        for element in formats:
            element = _moved_rule(element, title, rows, first, by)
            element = _PRIORITY.sub(lambda m: m[1] + str(top + int(m[2])).encode() + m[3], element)
            moved.append(element)
        at = _before(new_tail, _AFTER_CF)
        new_tail = new_tail[:at] + b"".join(moved) + new_tail[at:]
    found = _DVS.search(old)
    checks = [m[0] for m in _DV.finditer(found[3] or b"")] if found else []
    checks = [_moved_rule(e, title, rows, first, by) for e in checks if right_of(_SQREF.search(e)[2], widest)]
    if not checks:
        return new_tail
    theirs = _DVS.search(_outside_ext(new_tail))
    if theirs is not None:
        inner = (theirs[3] or b"") + b"".join(checks)
        count = len(_DV.findall(inner))
        attrs = re.sub(rb'\scount="[0-9]*"', b"", theirs[2]) + b' count="' + str(count).encode() + b'"'
        p = theirs[1] or b""
        element = b"<" + p + b"dataValidations" + attrs + b">" + inner + b"</" + p + b"dataValidations>"
        return new_tail[: theirs.start()] + element + new_tail[theirs.end() :]
    p = found[1] or b""
    element = b"<" + p + b'dataValidations count="' + str(len(checks)).encode() + b'">' + b"".join(checks)
    element += b"</" + p + b"dataValidations>"
    at = _before(new_tail, _AFTER_DV)
    return new_tail[:at] + element + new_tail[at:]


def _entries(head: bytes) -> list[tuple[int, int, bytes]] | None:
    found = _COLS.search(head)
    if found is None:
        return []
    out = []
    for col in _COL.finditer(found[2]):
        low, high = ip.attribute(col[1], b"min"), ip.attribute(col[1], b"max")
        if low is None or high is None:
            return None  # markup not understood
        out.append((int(low), int(high), ip._without(col[1], b"min", b"max")))
    return out


def carried_widths(old_head: bytes, new_head: bytes, prefix: bytes, widest: int, last: int, by: int) -> bytes:
    """``new_head`` (the grown sheet's markup up to its rows) with the ``<col>`` widths (and hiding, style) of
    ``old_head`` right of column ``widest`` carried over, ``by`` columns right, where they fall right of the grown
    tables' ``last`` column (the template's widths stay over the tables)."""
    mine, theirs = _entries(old_head), _entries(new_head)
    if not mine or theirs is None:
        return new_head
    carried = []
    for low, high, attrs in mine:
        low, high = max(low, widest + 1) + by, high + by if high < 16384 - by else 16384
        low = max(low, last + 1)
        if low <= high:
            carried.append((low, high, attrs))
    if not carried:
        return new_head
    kept: list[tuple[int, int, bytes]] = []
    for low, high, attrs in theirs:  # the template's columns, split around the carried ones
        pieces = [(low, high)]
        for c_low, c_high, _ in carried:
            pieces = [p for a, b in pieces for p in ((a, min(b, c_low - 1)), (max(a, c_high + 1), b)) if p[0] <= p[1]]
        kept += [(a, b, attrs) for a, b in pieces]
    entries = sorted(kept + carried)
    body = b"".join(
        b"<" + prefix + b'col min="' + str(low).encode() + b'" max="' + str(high).encode() + b'"' + attrs + b"/>"
        for low, high, attrs in entries
    )
    found = _COLS.search(new_head)
    if found is not None:
        cols = b"<" + found[1] + b"cols>" + body + b"</" + found[1] + b"cols>"
        return new_head[: found.start()] + cols + new_head[found.end() :]
    data = re.search(rb"<(?:\w+:)?sheetData\b", new_head)
    if data is None:
        return new_head
    return new_head[: data.start()] + b"<" + prefix + b"cols>" + body + b"</" + prefix + b"cols>" + new_head[
        data.start() :]  # fmt: skip
