"""Values typed over a tracker's formulas (Customers!B3, a month's start, typed 125 over ``=`` January's end), said.

A month's start is a formula reading the month before's end; a user who types over it (or over a rate, a total)
leaves the month's figures computed from the typed value: February's Lost 22 and CRR 82.4% from a start of 125
where January ended at 110 (15 customers appearing between two months), with nothing said. Import puts the
template's formula back in such cells; recalc names them with the same rule (the template writes a formula there:
:func:`xl_retention.workbook.monthly.template_formula_at`), and a start that is not the month before's end makes the
file ``incomplete``: its figures are not those of the months typed. So does an MRR at end typed over that is not its
row's start plus its movements (99,999 where they give 10,600): every later month starts from it (H172's finding 08).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from openpyxl.utils import get_column_letter

from ..sheet_names import written

if TYPE_CHECKING:
    from .month_order import TrackerSheet

__all__ = ["TypedOver", "typed_over_formulas"]

#: the cells a message names before "..."
FIRST = 3


@dataclass(frozen=True)
class TypedOver:
    """What :func:`typed_over_formulas` found: one line naming the cells (or None), and whether a month's start typed
    over differs from the month before's end, or an MRR at end typed over from what its row's start and movements
    give (the next month's start: figures computed from a wrong start)."""

    line: str | None = None
    wrong_start: bool = False


def _shown(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, str):
        return repr(value)
    if value is None:
        return "blank"
    return str(value)


def _spec(header: list[str]) -> Any:
    """The template's monthly sheet whose headers row 1 holds most of."""
    from ..workbook.monthly import MONTHLY_SHEETS

    return max(MONTHLY_SHEETS, key=lambda spec: sum(c.header in header for c in spec.columns))


#: the columns a month's MRR at end is computed from: its start plus these minus those (the template's MRR_END)
_ADDED = ("start", "new", "expansion", "reactivation")
_TAKEN = ("contraction", "churned")
_MOVEMENTS = _ADDED + _TAKEN


def _row_end(cells: list[Any], row: int, columns: dict[str, Any], computed: dict[str, Any]) -> float | None:
    """A month's MRR at end as its row's start (computed, or typed) and movements give it (a blank movement 0); None
    where one is not a number (the template's formula then gives an error, said where it is read)."""
    total = 0.0
    for key in _MOVEMENTS:
        _, index = columns[key]
        ref = f"{get_column_letter(index + 1)}{row}"
        value = computed.get(ref, cells[index] if index < len(cells) else None)
        if value in (None, "") and key != "start":
            value = 0.0
        if type(value) not in (int, float) or value < 0:
            return None
        total += value if key in _ADDED else -value
    return total


def _same(given: float, typed: Any) -> bool:
    return type(typed) in (int, float) and abs(given - typed) <= 1e-9 * max(1.0, abs(given), abs(typed))


def _end_above(rows: list[list[Any]], row: int, end_index: int, first: int, computed: dict[str, Any]) -> bool:
    """Whether a month above ``row`` (the sheet's rows from ``first``) has an end: a month left blank below it is a
    month without figures (H172's finding 01), not the start of the tracker's data."""
    letter = get_column_letter(end_index + 1)
    for above in range(first, row):
        cells = rows[above - 1]
        held = computed.get(f"{letter}{above}", cells[end_index] if end_index < len(cells) else None)
        if held not in (None, ""):
            return True
    return False


def typed_over_formulas(sheets: dict[str, TrackerSheet], values: dict[str, dict[str, Any]]) -> TypedOver:
    """The values typed where the template writes a formula on a tracker's monthly ``sheets`` (:func:`.month_order.
    tracker_rows`: the file's rows) in its months (down to the first row whose 'Month' is not a date), a cell being a
    formula where the recalculation has it (``values``: sheet -> cell -> the value of every formula cell, None for
    one it could not compute). A start typed below a month without an end is not one where no month above has an end:
    the first month with data of a tracker filled from a later month takes its start typed there (README: "a typed
    start is taken"); below a month left blank between filled ones it is named, its month before's end blank."""
    from ..workbook.monthly import MONTH, template_formula_at

    found: list[str] = []
    wrong_start = False
    for title, sheet in sheets.items():
        rows = sheet.rows
        header = [str(h).strip() if h is not None else "" for h in rows[0]]
        spec = _spec(header)
        columns = {c.key: (c, header.index(c.header)) for c in spec.columns if c.header in header}
        month_column = header.index(MONTH.header)
        computed = values.get(title, {})
        for row, cells in enumerate(rows[1:], start=2):
            month = cells[month_column] if month_column < len(cells) else None
            if row < sheet.first:  # a row inserted above the first month (.month_order says it): no template row
                continue
            if not isinstance(month, dt.date):
                break
            for key, (column, index) in columns.items():
                ref = f"{get_column_letter(index + 1)}{row}"
                value = cells[index] if index < len(cells) else None
                at = row - (sheet.first - 2)  # the template's row (the first month's: 2)
                if not template_formula_at(column, at) or ref in computed or value in (None, ""):
                    continue
                said = f"{written(title)}!{ref} ({column.header}) is {_shown(value)}, typed over its formula"
                if key == "start" and "end" in columns:
                    end, end_index = columns["end"]
                    end_ref = f"{get_column_letter(end_index + 1)}{row - 1}"
                    before = rows[row - 2]
                    end_value = computed.get(end_ref, before[end_index] if end_index < len(before) else None)
                    if end_value in (None, "") and not _end_above(rows, row - 1, end_index, sheet.first, computed):
                        continue  # the first month with data (no end above): its start is typed there
                    wrong_start = wrong_start or end_value != value  # a month left blank between: its end too
                    said += (
                        f", while {written(title)}!{end_ref} ({end.header} of {before[month_column]:%Y-%m}) is "
                        f"{_shown(end_value)}"
                    )
                if key == "end" and all(k in columns for k in _MOVEMENTS):  # Revenue's: the next month's start
                    given = _row_end(cells, row, columns, computed)
                    if given is not None and not _same(given, value):
                        wrong_start = True
                        said += f", while its row's start and movements give {_shown(given)}"
                found.append(said)
    if not found:
        return TypedOver()
    more = f" and {len(found) - FIRST} more" if len(found) > FIRST else ""
    line = (
        f"{len(found)} value{'s' * (len(found) > 1)} typed over the tracker's formulas, from which those months' "
        f"figures are computed: {'; '.join(found[:FIRST])}{more}: copy the column's formula from another month's "
        "row over each (import puts them back for the months it imports)"
    )
    return TypedOver(line, wrong_start)
