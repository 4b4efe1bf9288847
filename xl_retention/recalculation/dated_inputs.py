"""A tracker's count or amount input holding a date (Ctrl+; in the wrong cell, or a figure typed into a cell formatted
as a date: H397's finding 02, recalc computed the month from the date's serial number), named once with what to do
and given as the cause of the errors whose formulas read it (H416). Split from :mod:`.typed_text_inputs`, whose
:func:`misread_inputs` finds the texts and percentages such a cell may hold alike.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Mapping
from typing import Any

from ..sheet_names import written
from .reason_numbers import reason_number as _full
from .typed_text_inputs import FIRST, _typed_cells, _unquoted

__all__ = ["dated_inputs", "dated_inputs_line", "dated_readers", "name_dated_inputs"]


def dated_inputs(tracker: Mapping[str, Any], formulas: Mapping[str, Iterable[str]]) -> list[tuple[str, int, str]]:
    """The input cells of ``tracker`` (:func:`.month_order.tracker_rows`) that hold a date where a count or an amount
    goes (Ctrl+; in the wrong cell, or a figure typed into a cell formatted as a date), not a formula's (``formulas``:
    each sheet's formula cells), as (sheet title, row, the reason): ``Revenue!G4 (Churned MRR) is the date
    2026-03-15, no amount (Excel reads it as 46096)`` (H397's finding 02: recalc computed the month from 46096).

    >>> from types import SimpleNamespace
    >>> rows = [("Month", "Churned MRR", "Renewal"), (dt.datetime(2026, 3, 1), dt.datetime(2026, 3, 15), dt.date.max)]
    >>> dated_inputs({"Revenue": SimpleNamespace(rows=rows, first=2, last=2, date1904=False)}, {})
    [('Revenue', 2, 'Revenue!B2 (Churned MRR) is the date 2026-03-15, no amount (Excel reads it as 46096)')]
    """
    from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900, to_excel

    from ..workbook.monthly import MONEY, MONTH, MONTHLY_SHEETS

    money = {c.header for spec in MONTHLY_SHEETS for c in spec.columns if c.number_format == MONEY}
    figures = {c.header for spec in MONTHLY_SHEETS for c in spec.columns if c.key != MONTH.key}  # not one's own
    found: list[tuple[str, int, str]] = []
    for title, sheet, row, _column, ref, label, held in _typed_cells(tracker, formulas):
        if not isinstance(held, dt.date) or label.strip() not in figures:
            continue
        epoch = CALENDAR_MAC_1904 if getattr(sheet, "date1904", False) else CALENDAR_WINDOWS_1900
        serial = to_excel(held, epoch)
        shown = held.date().isoformat() if isinstance(held, dt.datetime) and held.time() == dt.time() else str(held)
        what = "amount" if label.strip() in money else "number"
        serial_shown = _full(serial)
        found.append(
            (title, row, f"{written(title)}!{ref} ({label.strip()}) is the date {shown}, no {what} (Excel "
             f"reads it as {serial_shown})")
        )  # fmt: skip
    return found


def dated_inputs_line(found: list[tuple[str, int, str]]) -> str | None:
    """The line naming :func:`dated_inputs`' cells, with what to do; None where there is none: the file is then
    ``incomplete`` (the month's figures, and those read from them, are computed from the date's serial number).

    >>> print(dated_inputs_line([("Customers", 3, "Customers!C3 (Gained) is the date 2026-02-14, no number (Excel "
    ...                                         "reads it as 46067)")]))  # doctest: +NORMALIZE_WHITESPACE
    Customers!C3 (Gained) is the date 2026-02-14, no number (Excel reads it as 46067): the tracker computes the
    month's figures, and those read from them, from that number: type the figure as a number there (and set the
    cell's format to Number)
    """
    if not found:
        return None
    cells = [reason for _, _, reason in found]
    more = f" and {len(cells) - FIRST} more such cells" if len(cells) > FIRST else ""
    if len(cells) == 1:
        return (
            f"{cells[0]}: the tracker computes the month's figures, and those read from them, from that number: "
            "type the figure as a number there (and set the cell's format to Number)"
        )
    return (
        f"{'; '.join(cells[:FIRST])}{more}: the tracker computes those months' figures, and those read from them, "
        "from these numbers: type each figure as a number in its cell (and set the cells' format to Number)"
    )


def _cell(reason: str) -> str:
    """The cell a :func:`dated_inputs` reason names first, as written: ``Revenue!G4``."""
    return reason.split(" ", 1)[0]


def dated_readers(path: str | os.PathLike[str], found: list[tuple[str, int, str]]) -> dict[str, tuple[str, int, str]]:
    """The formula cells of the workbook at ``path`` ("Sheet!K4", the sheet unquoted) reading a cell
    :func:`dated_inputs` ``found``, directly or through other formulas and defined names
    (:func:`.unexplained_refs.cells_reading`), each with the one it reads: the one on its sheet in its row or the
    nearest above, else the first found. A cell reading none is not there: March's date in Revenue!G4 is read by
    Revenue!I4 (=F4+G4) and April's start (=H4, March's end), never by April's lost MRR (=F5+G5).

    >>> import tempfile, openpyxl
    >>> wb = openpyxl.Workbook()
    >>> wb.active.title = "Revenue"
    >>> wb.active.append(["Month", "Churned MRR", "Lost", "End"])
    >>> wb.active.append([None, 46096, "=B2+0", "=C2*2"])
    >>> wb.active.append([None, 5, "=B3+0", "=D2+C3"])
    >>> folder = tempfile.mkdtemp()
    >>> wb.save(f"{folder}/t.xlsx")
    >>> sorted(dated_readers(f"{folder}/t.xlsx", [("Revenue", 2, "Revenue!B2 (Churned MRR) is the date ...")]))
    ['Revenue!C2', 'Revenue!D2', 'Revenue!D3']
    """
    from .formula_texts import FormulaTexts
    from .package import scan
    from .unexplained_refs import cells_reading

    info = scan(os.fspath(path))
    formulas = {sheet: FormulaTexts(cells) for sheet, cells in info.formulas.items()}
    roots = {(title, _cell(reason).rpartition("!")[2]): (title, row, reason) for title, row, reason in found}
    reached = cells_reading(formulas, list(roots), info.sheet_titles, info.names, path, apart=True)
    readers: dict[str, list[tuple[str, int, str]]] = {}
    for root, cells in reached.items():
        for sheet, ref in cells:
            readers.setdefault(f"{sheet}!{ref}", []).append(roots[root])
    return {address: _nearest(address, causes) for address, causes in readers.items()}


def _nearest(address: str, causes: list[tuple[str, int, str]]) -> tuple[str, int, str]:
    """Of the dated cells ``causes`` the cell at ``address`` reads, the one on its sheet in its row or the nearest
    above, else the first."""
    sheet, _, ref = address.rpartition("!")
    row = int(ref.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
    above = [c for c in causes if c[0] == sheet and c[1] <= row]
    return max(above, key=lambda c: c[1]) if above else causes[0]


def name_dated_inputs(
    found: list[tuple[str, int, str]], errors: Iterable[Any], readers: Mapping[str, tuple[str, int, str]]
) -> None:
    """Give each error of ``errors`` (:class:`.batch_reports.CellIssue`) whose formula reads a cell
    :func:`dated_inputs` ``found`` (``readers``: :func:`dated_readers`) that cell's reason first, ``..., from
    Revenue!G4``, its own kept after it: a lost MRR of 46146 exceeding the start was named by the formula computing it,
    never the date typed (H397's finding 02). An error reading no such cell keeps its own reason alone: April's
    negative contraction (=F5+G5) is not from March's date (H416).

    >>> from types import SimpleNamespace
    >>> churn = ("Revenue", 4, "Revenue!G4 (Churned MRR) is the date 2026-03-15, no amount")
    >>> lost = SimpleNamespace(address="Revenue!K4", reason="lost_mrr (46146) exceeds start_mrr (12500)")
    >>> april = SimpleNamespace(address="Revenue!I5", reason="Revenue!F5 (Contraction MRR) is -50, below 0 (#NUM!)")
    >>> name_dated_inputs([churn], [lost, april], {"Revenue!K4": churn})
    >>> lost.reason
    'Revenue!G4 (Churned MRR) is the date 2026-03-15, no amount, from Revenue!G4; lost_mrr (46146) exceeds \
start_mrr (12500)'
    >>> april.reason
    'Revenue!F5 (Contraction MRR) is -50, below 0 (#NUM!)'
    """
    for issue in errors:
        where, _, ref = issue.address.rpartition("!")
        cause = readers.get(f"{_unquoted(where)}!{ref.replace('$', '')}")
        if cause is None or cause not in found or (issue.reason or "").startswith(cause[2]):
            continue
        issue.reason = f"{cause[2]}, from {_cell(cause[2])}" + (f"; {issue.reason}" if issue.reason else "")
