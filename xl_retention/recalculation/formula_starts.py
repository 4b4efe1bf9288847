"""A month's start given by a formula of the user's that is not the month before's end, said (H332's finding 08).

Each month's start on a tracker's Customers and Revenue sheets is the template's formula reading the month before's
end. A start typed over it is named by :mod:`.typed_over`; a *formula* there was taken for the template's. A Google
Sheets tracker whose start column is one ``=ARRAYFORMULA(IF(D2:D12="","",D2:D12))`` comes down as
``IFERROR(__xludf.DUMMYFUNCTION(..COMPUTED_VALUE..),14)`` in each cell: the value Google showed, frozen. After the
next import rewrites the ends, those starts are the previous download's ends (April's CRR 71.4% from a start of 14
where March ends at 11: 90.9%). A plain ``=9999`` there is the same. The template's own formula gives the month
before's end wherever that end is a number, so a formula cell whose value is another number is not the template's:
:func:`formula_starts_line` names it (cell, formula, value, the month before's end) and the file is ``incomplete``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from openpyxl.utils import get_column_letter

from ..sheet_names import written
from .google_functions import GOOGLE_FROZEN

if TYPE_CHECKING:
    from .month_order import TrackerSheet

__all__ = ["GOOGLE_FROZEN", "formula_starts_line"]

#: the cells named before "and N more"
FIRST = 3


def _number(value: Any) -> bool:
    return type(value) in (int, float)


def _shown(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _found(sheets: dict[str, TrackerSheet], values: dict[str, dict[str, Any]]) -> list[tuple[str, str, Any, str]]:
    """(sheet, start's ref, its value, what the month before's end is: "Customers!D3 (Customers at end of 2025-03)
    is 11") of each start computed by a formula to a number other than the month before's end, itself a number."""
    from ..workbook.monthly import MONTH
    from .typed_values import monthly_spec, same_number

    found: list[tuple[str, str, Any, str]] = []
    for title, sheet in sheets.items():
        rows = sheet.rows
        header = [str(h).strip() if h is not None else "" for h in rows[0]]
        spec = monthly_spec(header)
        columns = {c.key: c for c in spec.columns if c.header in header}
        if "start" not in columns or "end" not in columns or MONTH.header not in header:
            continue
        start_index, end_index = header.index(columns["start"].header), header.index(columns["end"].header)
        month_index = header.index(MONTH.header)
        start_letter, end_letter = get_column_letter(start_index + 1), get_column_letter(end_index + 1)
        computed = values.get(title, {})
        for row in range(sheet.first + 1, len(rows) + 1):
            cells, before = rows[row - 1], rows[row - 2]
            if not isinstance(cells[month_index] if month_index < len(cells) else None, dt.date):
                break
            ref = f"{start_letter}{row}"
            if ref not in computed or not _number(computed[ref]):  # typed (.typed_over's), blank or an error
                continue
            end_ref = f"{end_letter}{row - 1}"
            end = computed.get(end_ref, before[end_index] if end_index < len(before) else None)
            if not _number(end) or same_number(float(end), computed[ref]):
                continue
            month = before[month_index]
            label = f" of {month:%Y-%m}" if isinstance(month, dt.date) else ""
            found.append(
                (
                    title,
                    ref,
                    computed[ref],
                    f"{written(title)}!{end_ref} ({columns['end'].header}{label}) is {_shown(end)}",
                )
            )
    return found


def _formulas(path: str | Path, cells: list[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """The formula texts of ``cells`` (sheet, ref) in the workbook at ``path``; {} where it cannot be read."""
    from .._workbooks import open_read_only

    try:
        wb = open_read_only(path)
    except Exception:  # noqa: BLE001  (the value alone is said)
        return {}
    out: dict[tuple[str, str], str] = {}
    try:
        for title, ref in cells:
            value = wb[title][ref].value
            text = getattr(value, "text", value)  # an array formula's text
            if isinstance(text, str):
                out[(title, ref)] = text
    finally:
        wb.close()
    return out


def _cut(text: str, most: int = 90) -> str:
    return text if len(text) <= most else text[: most - 3] + "..."


def formula_starts_line(
    path: str | Path, sheets: dict[str, TrackerSheet], values: dict[str, dict[str, Any]]
) -> str | None:
    """One line naming the months' starts on a tracker's monthly ``sheets`` (:func:`.month_order.tracker_rows`)
    that a formula gives as a number other than the month before's end (``values``: sheet -> cell -> the value of
    every formula cell, as recalc computed it), with each cell's formula (read from ``path``), its value and that end;
    None where there is none."""
    found = _found(sheets, values)
    if not found:
        return None
    texts = _formulas(path, [(title, ref) for title, ref, _, _ in found])
    said = []
    for title, ref, value, end in found[:FIRST]:
        text = texts.get((title, ref))
        formula = f" holds the formula {_cut(text)!r}, which gives" if text else " is a formula giving"
        said.append(f"{written(title)}!{ref}{formula} {_shown(value)}, while {end}")
    more = f" and {len(found) - FIRST} more" if len(found) > FIRST else ""
    google = any(GOOGLE_FROZEN in t.upper() for t in texts.values())
    why = (
        " (Google Sheets' download keeps a formula it cannot write for Excel, an ARRAYFORMULA, as the fixed value it "
        "showed)"
        if google
        else ""
    )
    return (
        f"{len(found)} month start{'s' * (len(found) > 1)} given by formulas of yours other than the month before's "
        f"end{why}, from which those months' rates are computed: {'; '.join(said)}{more}: put the column's own "
        "formula back over each (copy it from a month's row of a tracker made by xl-retention new), or make each "
        "start the month before's end"
    )
