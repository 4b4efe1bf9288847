"""Defined names and sheet-qualified references as corners of the range operator: ``Start:INDIRECT("A"&B1)``,
``Start:Finish``, ``Start:A4``, ``Whole:OFFSET(..)``, ``S!A1:INDIRECT("A"&B1)`` on sheet S.

Excel's ``:`` takes any two references and gives the smallest range holding both; a name of a range is a
reference. formualizer 0.13 does not resolve a name there (``Start:Finish`` could not be computed; with a call on
the other side COUNT gave 0, SUM #VALUE!, ROWS #N/A), and it answers #REF! (COUNT 0) where one corner names its
sheet and the other does not, though both are on the formula's sheet (``S!$A$1:INDIRECT("A3")``,
``A1:INDEX(S!A:A,3)``). :func:`named_corners` writes each name beside ``:`` as its reference, a whole column or row
as its explicit cells (``$A$1:$A$1048576``, which the engine joins with a computed corner), and, where a corner is a
call, the formula's own sheet's references without the sheet (the same cells), so that both corners are alike.
A name before ``:`` and a sheet-qualified corner (``Start:S!A4``) is the name where no sheet is called Start
(else Excel reads a 3-D reference): written with the sheet both corners are on (``$A$1:A4`` on sheet S).
"""

from __future__ import annotations

import re

from ..sheet_names import NAME, SHEET, is_bare
from .sheet_corners import same_sheet_corners
from .text_literals import LITERALS as _LITERAL

__all__ = ["named_corners"]

_WORD = NAME
#: an operand just before ``:`` (a name, maybe sheet-qualified; cells and columns look alike and are not names)
_LEFT = re.compile(r"(?<![\w.$!'\]\\])((?:" + SHEET + r"!)?" + _WORD + r")(?=\s*:)")
#: an operand just after ``:``
_RIGHT = re.compile(r"(?<=:)(\s*)((?:" + SHEET + r"!)?" + _WORD + r")(?![\w.(!$'\[])")
#: a range operator with a call as a corner: ``A1:INDEX(``, ``):A3``
_CALL_CORNER = re.compile(r"[\w$.')\]]\s*:\s*(?:_xlfn\.)?[A-Za-z_][\w.]*\(|\)\s*:")
#: an INDIRECT whose text names a sheet: INDIRECT("S!A"&B1)
_SHEET_TEXT = re.compile(r'(?i)(?<![\w.])INDIRECT\(\s*"[^"]*!')
_CELL = re.compile(r"\$?[A-Za-z]{1,3}\$?\d+")
_TARGET = re.compile(r"(?:(?P<sheet>" + SHEET + r")!)?(?P<area>[$A-Za-z0-9:]+)")
_WHOLE_COLUMNS = re.compile(r"(\$?)([A-Za-z]{1,3}):(\$?)([A-Za-z]{1,3})")
_WHOLE_ROWS = re.compile(r"(\$?)(\d+):(\$?)(\d+)")


def named_corners(
    text: str, sheet: str, names: dict[str, str] | None, sheets: frozenset[str] | set[str] | None = None
) -> str:
    """``text`` (a formula) with the names beside ``:`` written as their references and, where a corner of ``:``
    is a call, references to ``sheet`` without their sheet; ``text`` itself when nothing changes. ``names``: the
    defined names of one range visible here (lower case, also sheet-qualified) -> their reference. ``sheets``: the
    workbook's sheets (lower case): a name beside ``:`` and a sheet-qualified corner (``Start:S!A4``) is that name
    only when no sheet has its name (else ``Jan:Mar!B2`` is a 3-D reference); None leaves such a corner as it is.

    >>> names = {"start": "S!$A$1", "finish": "S!$A$3", "whole": "S!$A:$A", "far": "T!$B$2"}
    >>> named_corners('=SUM(Start:INDIRECT("A"&B1))', "S", names)
    '=SUM($A$1:INDIRECT("A"&B1))'
    >>> named_corners("=SUM(Start:Finish)+SUM(Whole:OFFSET(A1,2,0))", "S", names)
    '=SUM($A$1:$A$3)+SUM($A$1:$A$1048576:OFFSET(A1,2,0))'
    >>> named_corners("=COUNT(S!A1:INDEX(A:A,3))", "S", names), named_corners("=SUM(Far:T!B5)", "S", names)
    ('=COUNT(A1:INDEX(A:A,3))', '=SUM(Far:T!B5)')
    >>> named_corners("=SUM(Far:INDEX(T!B:B,4))", "S", names), named_corners("=SUM(A1:A3)", "S", names)
    ('=SUM(T!$B$2:INDEX(T!B:B,4))', '=SUM(A1:A3)')
    """
    if ":" not in text:
        return text
    text = same_sheet_corners(text, sheet=sheet, sheets=sheets)  # Cohorts!B2:Cohorts!B7, A1:Cohorts!B7 on Cohorts
    masked = _LITERAL.sub(lambda m: '"' + "_" * (len(m.group(0)) - 2) + '"', text)
    if _SHEET_TEXT.search(text) is not None:  # INDIRECT("S!A"&B1): a corner naming its sheet, so every one does
        return _qualified_corners(text, masked, sheet, names or {})
    own = sheet.lower()
    edits: list[tuple[int, int, str]] = []
    if names:
        for match in _LEFT.finditer(masked):
            after = masked[match.end() :]
            qualified = re.match(r"(\s*:\s*)(" + SHEET + r")!", after)
            if qualified is not None:  # Jan:Mar!B2 (3-D) or Start:S!A4 (a name, where no sheet is called Start)
                corner = _beside_sheet(match.group(1), qualified.group(2), names, own, sheets)
                if corner is not None:
                    edits.append((match.start(1), match.end() + qualified.end(), corner + qualified.group(1)))
                continue
            written = _written(match.group(1), names, own)
            if written is not None:
                edits.append((match.start(1), match.end(1), written))
        for match in _RIGHT.finditer(masked):
            written = _written(match.group(2), names, own)
            if written is not None:
                edits.append((match.start(2), match.end(2), written))
    if _CALL_CORNER.search(masked) is not None:  # S!A1:INDIRECT(..): the own sheet's references without it
        taken = [(start, end) for start, end, _ in edits]
        quoted = "'" + sheet.replace("'", "''") + "'!"
        for prefix in {quoted, sheet + "!"} if is_bare(sheet) else {quoted}:
            for found in re.finditer(r"(?<![\w.$!'\]\\])" + re.escape(prefix), masked, re.IGNORECASE):
                if not any(start <= found.start() < end for start, end in taken):
                    edits.append((found.start(), found.end(), ""))
    if not edits:
        return text
    out, last = [], 0
    for start, end, new in sorted(edits):
        if start < last:
            continue
        out.append(text[last:start])
        out.append(new)
        last = end
    out.append(text[last:])
    return "".join(out)


def _qualified_corners(text: str, masked: str, sheet: str, names: dict[str, str]) -> str:
    """``text`` where an INDIRECT's text names a sheet: each name beside ``:`` as its reference with its sheet, and
    each cell beside ``:`` and a call with the formula's sheet (``A1:INDIRECT("S!A3")``: ``'S'!A1:INDIRECT(..)``).

    >>> _qualified_corners('=SUM(Start:INDIRECT("S!A3"))', '=SUM(Start:INDIRECT("___"))', "S", {"start": "S!$A$1"})
    '=SUM(S!$A$1:INDIRECT("S!A3"))'
    """
    prefix = "'" + sheet.replace("'", "''") + "'!"
    edits: list[tuple[int, int, str]] = []
    for match in _LEFT.finditer(masked):
        if re.match(r"\s*:\s*" + SHEET + r"!", masked[match.end() :]):
            continue
        target = names.get(match.group(1).lower())
        if target is not None:
            edits.append((match.start(1), match.end(1), target))
        elif _CELL.fullmatch(match.group(1)) and re.match(
            r"\s*:\s*(?:_xlfn\.)?[A-Za-z_][\w.]*\(", masked[match.end() :]
        ):
            edits.append((match.start(1), match.start(1), prefix))
    for match in _RIGHT.finditer(masked):
        target = names.get(match.group(2).lower())
        if target is not None:
            edits.append((match.start(2), match.end(2), target))
        elif _CELL.fullmatch(match.group(2)) and masked[: match.start(2)].rstrip().endswith("):"):
            edits.append((match.start(2), match.start(2), prefix))
    out, last = [], 0
    for start, end, new in sorted(edits):
        out.append(text[last:start])
        out.append(new)
        last = end
    out.append(text[last:])
    return "".join(out)


def _beside_sheet(
    operand: str, other: str, names: dict[str, str], own: str, sheets: frozenset[str] | set[str] | None
) -> str | None:
    """The name ``operand`` before ``:`` and a corner on the sheet ``other`` (``Start:S!A4``) as one reference's first
    corner, written with the sheet both are on (``$A$1`` on the formula's own sheet, else ``T!$A$1``), the other
    corner to follow without its sheet; None when it may be a 3-D reference (a sheet has the name, or the sheets
    are not known) or the name is on another sheet than ``other`` (left as it is).

    >>> _beside_sheet("Start", "S", {"start": "S!$A$1"}, "s", frozenset({"s"}))
    '$A$1'
    >>> _beside_sheet("Start", "'T'", {"start": "T!$A$1"}, "s", {"s", "t"})
    'T!$A$1'
    >>> _beside_sheet("Jan", "Mar", {"jan": "S!$A$1"}, "s", {"jan", "mar"}) is None  # Jan:Mar!B2: 3-D
    True
    """
    if sheets is None or ("!" not in operand and operand.lower() in sheets):
        return None
    target = _TARGET.fullmatch(names.get(operand.lower(), ""))
    if target is None:
        return None
    title = _title(target.group("sheet")) if target.group("sheet") else own
    if title.lower() != _title(other).lower():
        return None
    written = _written(operand, names, own)
    if written is None:
        return None
    return written if "!" in written or title.lower() == own else f"{other}!{written}"


def _title(sheet: str) -> str:
    return sheet[1:-1].replace("''", "'") if sheet.startswith("'") else sheet


def _written(operand: str, names: dict[str, str], own: str) -> str | None:
    """A name's reference as a corner of ``:`` (None when ``operand`` is no name of one range)."""
    target = names.get(operand.lower())
    if target is None:
        return None
    match = _TARGET.fullmatch(target)
    if match is None or ":" in match.group("area") and match.group("area").count(":") > 1:
        return None
    area = match.group("area")
    columns, rows = _WHOLE_COLUMNS.fullmatch(area), _WHOLE_ROWS.fullmatch(area)
    if columns is not None:  # $A:$A beside a computed corner: the engine joins only cells
        area = f"{columns.group(1)}{columns.group(2)}$1:{columns.group(3)}{columns.group(4)}$1048576"
    elif rows is not None:
        area = f"$A{rows.group(1)}{rows.group(2)}:$XFD{rows.group(3)}{rows.group(4)}"
    sheet = match.group("sheet")
    if sheet is None:
        return area
    return area if _title(sheet).lower() == own else f"{sheet}!{area}"
