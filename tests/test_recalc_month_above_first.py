"""A month inserted above a tracker's first month is said, as import and extend refuse it.

Before: a row inserted above the first month (Excel moves every reference and name below it down) and a month typed
into it with its figures recalculated ``ok``: no formula reads that row and the names the Dashboard, the lifetime
value and the charts read start below it, so its figures were left out with nothing said (import --into and extend:
"Customers!A2 is the month 2025-11, above the tracker's first month (row 3, where its names start)"). Now the file is
``incomplete`` with that cell named, as a figure typed below the last month is.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import openpyxl
from openpyxl.formula.tokenizer import Token, Tokenizer

from xl_retention import cli
from xl_retention.workbook import build_template

_CELL = re.compile(r"(\$?[A-Z]{1,3})(\$?)(\d+)")


def _moved(reference: str, at: int) -> str:
    """``reference`` (a cell or range, ``$`` kept) with each row from ``at`` on one lower, as Excel inserts a row."""
    return _CELL.sub(lambda m: f"{m[1]}{m[2]}{int(m[3]) + (int(m[3]) >= at)}", reference)


def _inserted_row(path: Path, title: str, at: int) -> openpyxl.Workbook:
    """The tracker at ``path`` with a row inserted at ``at`` on sheet ``title``, as Excel inserts one: the cells
    below move down, and every reference to them (on that sheet, from others, in names) with them."""
    wb = openpyxl.load_workbook(path)

    def formula(text: str, own: bool) -> str:
        out = []
        for token in Tokenizer(text).items:
            value = token.value
            if token.type == Token.OPERAND and token.subtype == Token.RANGE:
                sheet, bang, ref = value.rpartition("!")
                if (bang and sheet.strip("'") == title) or (not bang and own):
                    value = f"{sheet}{bang}{_moved(ref, at)}"
            out.append(value)
        return "=" + "".join(out)

    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value.startswith("="):
                    cell.value = formula(cell.value, ws.title == title)
    ws = wb[title]
    for row in range(ws.max_row, at - 1, -1):
        for cell in ws[row]:
            ws.cell(row + 1, cell.column).value = cell.value
            cell.value = None
    for name in wb.defined_names.values():
        if title in name.attr_text:
            name.attr_text = formula("=" + name.attr_text, False)[1:]
    return wb


def _recalc(tmp_path: Path, wb: openpyxl.Workbook, capsys) -> tuple[int, dict]:
    path = tmp_path / "edited.xlsx"
    wb.save(path)
    capsys.readouterr()
    code = cli.main(["recalc", str(path), "--engine", "embedded", "--json", "--output-dir", str(tmp_path / "out")])
    (report,) = json.loads(capsys.readouterr().out)["files"]
    return code, report


def _tracker(tmp_path: Path) -> Path:
    path = build_template(tmp_path / "t.xlsx", start="2025-12", months=4)
    wb = openpyxl.load_workbook(path)
    ws = wb["Customers"]
    ws["B2"] = 100
    for row in range(2, 6):
        ws[f"C{row}"], ws[f"D{row}"] = 5, 100 + row
    wb.save(path)
    return path


def test_a_month_typed_into_a_row_inserted_above_the_first_is_said(tmp_path, capsys):
    wb = _inserted_row(_tracker(tmp_path), "Customers", 2)
    assert wb.defined_names["Customers_Months"].attr_text == "'Customers'!$A$3:$A$6"  # as Excel moves it
    ws = wb["Customers"]
    ws["A2"], ws["B2"], ws["C2"], ws["D2"] = dt.datetime(2025, 11, 1), 90, 12, 100  # November, by hand
    code, report = _recalc(tmp_path, wb, capsys)
    assert (code, report["status"]) == (1, "incomplete")
    assert report["message"] == (
        "edited.xlsx: Customers!A2 is the month 2025-11, above the tracker's first month (row 3, where its names "
        "start): a month added by hand is left out of the Dashboard, the lifetime value and the charts, its figures "
        "too; delete row 2 (for earlier months, make a tracker that starts there: xl-retention new NEW.xlsx --start "
        "2025-11)"
    )


def test_figures_without_a_month_above_the_first_are_said(tmp_path, capsys):
    wb = _inserted_row(_tracker(tmp_path), "Customers", 2)
    wb["Customers"]["D2"] = 100  # a figure typed in the row inserted, its month left blank
    code, report = _recalc(tmp_path, wb, capsys)
    assert (code, report["status"]) == (1, "incomplete")
    assert report["message"] == (
        "edited.xlsx: Customers!D2 holds a figure above the tracker's first month (row 3, where its names start): no "
        "formula reads it and the Dashboard, the lifetime value and the charts leave it out; move the figures out and "
        "delete row 2"
    )


def test_an_empty_row_inserted_above_the_first_month_is_ok(tmp_path, capsys):
    code, report = _recalc(tmp_path, _inserted_row(_tracker(tmp_path), "Customers", 2), capsys)
    assert (code, report["status"], report["message"]) == (0, "ok", "")


def test_the_months_below_an_inserted_row_are_still_checked(tmp_path, capsys):
    """The figure above the first month left no month check behind: a month skipped below is refused."""
    wb = _inserted_row(_tracker(tmp_path), "Customers", 2)
    wb["Customers"]["D2"] = 100
    wb["Customers"]["A6"] = dt.datetime(2026, 4, 1)  # after 2026-02 (row 5)
    code, report = _recalc(tmp_path, wb, capsys)
    assert (code, report["status"]) == (1, "failed")
    assert report["message"].startswith("edited.xlsx: Customers!A6 is 2026-04, not 2026-03: the months of a tracking")
