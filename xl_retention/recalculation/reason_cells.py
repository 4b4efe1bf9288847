"""The cell a reason's value is in: "got '8' in cell 3 of scores" becomes "got '8' in 'NPS scores'!B4".

An xl-retention function given a range names a bad value by its place in the range (:func:`xl_retention.cells.
excel_message`: ``cell k`` read row by row, or ``row i, column j``), which the user must count out. Where the error
cell's formula gives that argument as a plain range (``'NPS scores'!B$2:B$1001``, ``B2:D9``, ``B:B``) or a defined
name of one, :func:`name_the_cell` puts the cell itself in the reason; otherwise the reason stays as it is.
"""

from __future__ import annotations

import re

from openpyxl.utils import get_column_letter

from ..registry import BY_NAME
from ..sheet_names import BARE, written

__all__ = ["call_end", "name_the_cell"]

_PLACE = re.compile(r" in (?:cell (\d+)|row (\d+), column (\d+)) of (\w+)")
_RANGE = re.compile(
    r"(?:(?:'((?:[^']|'')+)'|(" + BARE + r"))!)?"
    r"(?:\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?|\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3}))"
)


def _column(letters: str) -> int:
    number = 0
    for letter in letters.upper():
        number = number * 26 + ord(letter) - 64
    return number


def call_end(text: str, start: int) -> tuple[list[str], int] | None:
    """The top-level argument texts of the call whose ``(`` ends at ``start`` and the index after its ``)`` (quotes and
    brackets kept), or None where the call is not closed."""
    depth, quoted, args, begin = 0, "", [], start
    for i in range(start, len(text)):
        ch = text[i]
        if quoted:
            quoted = "" if ch == quoted else quoted
        elif ch in "\"'":
            quoted = ch
        elif ch in "([{":
            depth += 1
        elif ch in ")]}" and depth:
            depth -= 1
        elif ch == ")":
            args.append(text[begin:i].strip())
            return args, i + 1
        elif ch == "," and not depth:
            args.append(text[begin:i].strip())
            begin = i + 1
    return None


def _arguments(formula: str, function: str) -> list[list[str]]:
    """The argument texts of every call of ``function`` in ``formula`` (top-level commas; quotes and brackets kept)."""
    calls = []
    for match in re.finditer(rf"(?i)(?<![\w.]){re.escape(function)}\(", formula):
        found = call_end(formula, match.end())
        if found is not None:
            calls.append(found[0])
    return calls


def name_the_cell(reason: str, formula: str | None, sheet: str, names: dict[str, dict[str, str]] | None = None) -> str:
    """``reason`` (``"NPS: scores must be a number, got '8' in cell 3 of scores (#VALUE!)"``) with the value's place
    in its range named as the cell, when ``formula`` (the error cell's, on ``sheet``) gives that argument as a range
    or a defined name of one (``names``: by scope, ``""`` for the workbook's) and the place is inside it. A cohort
    table's place (``survivors rise from 10 at period 0 to 12 at period 1 in cohort row 2``: row 2, columns 1 and 2
    of survivors) gets each period's cell after it (``at period 0 (Cohorts!B5)``).

    >>> name_the_cell("NPS: scores must be a number, got '8' in cell 3 of scores (#VALUE!)",
    ...               "=IF(1,NPS('NPS scores'!B$2:B$1001))", "NPS")
    "NPS: scores must be a number, got '8' in 'NPS scores'!B4 (#VALUE!)"
    >>> name_the_cell("SBG_FIT: survivors must be a number, got 'x' in row 2, column 3 of survivors (#VALUE!)",
    ...               "=INDEX(SBG_FIT(Counts),1,1)", "Fit", {"": {"Counts": "Cohorts!$B$3:$M$14"}})
    "SBG_FIT: survivors must be a number, got 'x' in Cohorts!D4 (#VALUE!)"
    >>> name_the_cell("NPS: scores must be a number, got 'x' in cell 3 of scores (#VALUE!)", "=NPS(A1:A2)", "S")
    "NPS: scores must be a number, got 'x' in cell 3 of scores (#VALUE!)"
    >>> name_the_cell("SBG_FIT: survivors rise from 10 at period 0 to 12 at period 1 in cohort row 2 (#NUM!)",
    ...               "=SBG_FIT(Counts)", "Fit", {"": {"Counts": "Cohorts!$B$4:$M$15"}})
    'SBG_FIT: survivors rise from 10 at period 0 (Cohorts!B5) to 12 at period 1 (Cohorts!C5) in cohort row 2 (#NUM!)'
    """
    place = _PLACE.search(reason)
    if place is not None:
        return _named_place(reason, place, formula, sheet, names)
    head = re.match(r"^([A-Z_][A-Z0-9_.]*): (\w+) ", reason)
    periods = list(_PERIOD.finditer(reason))
    if head is None or not periods:
        return reason
    area = _area(head.group(1), head.group(2), formula, sheet, names)
    if area is None:
        return reason
    where, c0, r0, width, height = area
    cohort = _COHORT_ROW.match(reason, periods[-1].end())
    row = int(cohort.group(1)) - 1 if cohort is not None else 0
    if not 0 <= row < height or cohort is None and height != 1 or any(int(p.group(1)) >= width for p in periods):
        return reason  # a place outside the range, or a table of several rows without the row said
    out, at = [], 0
    for period in periods:
        cell = f"{written(where)}!{get_column_letter(c0 + int(period.group(1)))}{r0 + row}"
        out.append(reason[at : period.end()] + f" ({cell})")
        at = period.end()
    return "".join(out) + reason[at:]


#: "at period 3" of a cohort table's reason (a column of the range, from 0), and "in cohort row 2" (its row, from 1)
_PERIOD = re.compile(r" at period (\d+)(?![\d.,])")
_COHORT_ROW = re.compile(r" in cohort row (\d+)\b")


def _area(
    function_name: str, argument: str, formula: str | None, sheet: str, names: dict[str, dict[str, str]] | None
) -> tuple[str, int, int, int, int] | None:
    """The range (sheet, left column, top row, width, height) ``formula`` gives as ``argument`` of its one call of
    ``function_name`` (a plain range or a defined name of one); None where it gives none or calls it twice otherwise."""
    function = BY_NAME.get(function_name.upper())
    if function is None or not formula:
        return None
    index = next((i for i, a in enumerate(function.args) if a.name == argument), None)
    if index is None and function.aggregate_without:  # REPEAT_PURCHASE_RATE(B2:B9): its order_counts, the first
        index = 0
    texts = {args[index] for args in _arguments(formula, function.name) if index is not None and index < len(args)}
    if len(texts) != 1:  # not given, or two calls with other ranges: which one cannot be told
        return None
    text = texts.pop()
    for scope in (sheet, ""):  # a defined name of a range: the sheet's own first
        target = {k.lower(): v for k, v in (names or {}).get(scope, {}).items()}.get(text.lower())
        if target is not None:
            text = target.strip().removeprefix("=")
            break
    found = _RANGE.fullmatch(text)
    if found is None:
        return None
    quoted, plain, left, top, right, bottom, first, last = found.groups()
    where = quoted.replace("''", "'") if quoted is not None else (plain or sheet)
    if first is not None:  # whole columns
        left, right, top, bottom = first, last, "1", "1048576"
    right, bottom = right or left, bottom or top
    c0, c1 = sorted((_column(left), _column(right)))
    r0, r1 = sorted((int(top), int(bottom)))
    return where, c0, r0, c1 - c0 + 1, r1 - r0 + 1


def _named_place(
    reason: str, place: re.Match[str], formula: str | None, sheet: str, names: dict[str, dict[str, str]] | None
) -> str:
    """``reason`` with its ``place`` ("in cell 3 of scores") named as the cell of the argument's range."""
    area = _area(reason.split(":", 1)[0].strip(), place.group(4), formula, sheet, names)
    if area is None:
        return reason
    where, c0, r0, width, height = area
    if place.group(1) is not None:  # a range read row by row
        k = int(place.group(1)) - 1
        row, col = divmod(k, width)
    else:
        row, col = int(place.group(2)) - 1, int(place.group(3)) - 1
    if not (0 <= row < height and 0 <= col < width):
        return reason
    cell = f"{written(where)}!{get_column_letter(c0 + col)}{r0 + row}"
    return reason[: place.start()] + f" in {cell}" + reason[place.end() :]
