"""A month's start given by a formula of the user's other than the month before's end is named, the file incomplete
(H332's finding 08); the import says it keeps such formulas in the months it writes.

A Google Sheets tracker's start column made by one ARRAYFORMULA comes down (File > Download > .xlsx) as
``IFERROR(__xludf.DUMMYFUNCTION(..COMPUTED_VALUE..),999)`` per cell: the value Google showed, frozen. A typed 999
there was named and ``incomplete``; the same 999 as a formula (or a plain ``=9999`` in Revenue!B4) was ``ok`` with no
word: March's CRR from 999 customers at start, its MRR at end 10,279 where 5,780 + 400 + 80 + 10 - 60 - 150 = 6,060.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import openpyxl

from xl_retention import cli
from xl_retention.workbook import build_template

GOOGLE = '=IFERROR(__xludf.DUMMYFUNCTION("""COMPUTED_VALUE"""),999)'
CUSTOMERS = [(10, 105), (12, 110), (8, 112), (15, 120), (9, 121), (11, 125)]
REVENUE = [(500, 100, 0, 50, 200), (600, 120, 0, 40, 250), (400, 80, 10, 60, 150), (700, 90, 0, 30, 300)]


def _tracker(tmp_path: Path, starts: dict[str, str]) -> Path:
    path = build_template(tmp_path / "t.xlsx", start="2025-01", months=6)
    wb = openpyxl.load_workbook(path)
    c, r = wb["Customers"], wb["Revenue"]
    c["B2"], r["B2"] = 100, 5000
    for i, (gained, end) in enumerate(CUSTOMERS):
        c.cell(2 + i, 3, gained)
        c.cell(2 + i, 4, end)
    for i, movements in enumerate(REVENUE):
        for j, value in enumerate(movements):
            r.cell(2 + i, 3 + j, value)
    for cell, formula in starts.items():
        sheet, ref = cell.split("!")
        wb[sheet][ref] = formula
    wb.save(path)
    return path


def _recalc(path: Path, capsys) -> tuple[int, dict, openpyxl.Workbook]:
    out = path.parent / "out"
    code = cli.main(["recalc", str(path), "--engine", "embedded", "--json", "--output-dir", str(out)])
    (report,) = json.loads(capsys.readouterr().out)["files"]
    return code, report, openpyxl.load_workbook(out / path.name, data_only=True)


def test_starts_of_formulas_unlike_the_month_before_end_are_named_and_incomplete(tmp_path, capsys):
    path = _tracker(tmp_path, {"Customers!B4": GOOGLE, "Revenue!B4": "=9999"})
    code, report, wb = _recalc(path, capsys)
    assert (code, report["status"]) == (1, "incomplete")
    assert report["message"] == (
        "t.xlsx: 2 month starts given by formulas of yours other than the month before's end (Google Sheets' download "
        "keeps a formula it cannot write for Excel, an ARRAYFORMULA, as the fixed value it showed), from which those "
        "months' rates are computed: Customers!B4 holds the formula "
        '\'=IFERROR(__xludf.DUMMYFUNCTION("""COMPUTED_VALUE"""),999)\', which gives 999, while Customers!D3 '
        "(Customers at end of 2025-02) is 110; Revenue!B4 holds the formula '=9999', which gives 9999, while "
        "Revenue!H3 (MRR at end of 2025-02) is 5780: put the column's own formula back over each (copy it from a "
        "month's row of a tracker made by xl-retention new), or make each start the month before's end"
    )
    assert wb["Revenue"]["H4"].value == 10279  # what the workbook's own formulas give (as Excel): said, not hidden


def test_a_formula_giving_the_month_before_end_and_the_template_s_own_are_not_named(tmp_path, capsys):
    code, report, wb = _recalc(_tracker(tmp_path, {"Customers!B4": "=D3"}), capsys)
    assert (code, report["status"]) == (0, "ok")
    assert "month start" not in (report["message"] or "")
    assert wb["Customers"]["B4"].value == 110
    assert wb["Revenue"]["B4"].value == 5780


def _subscriptions(path: Path, late: bool) -> Path:
    with open(path, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["customer_id", "start", "end", "mrr"])
        for i in range(1, 13):
            start = dt.date(2025, 1 + (i - 1) % 3, 5)
            end = dt.date(2025, 3, 20) if late and i in (1, 5) else None
            w.writerow([f"C{i:03d}", start.isoformat(), end.isoformat() if end else "", 100])
    return path


def test_import_names_the_starts_of_formulas_of_the_user_s_it_keeps(tmp_path, capsys):
    path = build_template(tmp_path / "t.xlsx", start="2025-01", months=6)
    first = _subscriptions(tmp_path / "a.csv", False)
    assert cli.main(["import", "--subscriptions", str(first), "--into", str(path)]) == 0
    wb = openpyxl.load_workbook(path)
    for row in range(3, 5):  # Google's frozen copies of the ends the first import wrote (4 at the end of January, 8)
        wb["Customers"].cell(row, 2).value = GOOGLE.replace("999", str(wb["Customers"].cell(row - 1, 4).value))
    wb.save(path)
    capsys.readouterr()
    args = ["import", "--subscriptions", str(_subscriptions(tmp_path / "b.csv", True)), "--into", str(path)]
    assert cli.main([*args, "--replace-typed"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert (
        "kept 2 formulas of yours in the imported months' starts, where the template's formula takes the month "
        "before's end: 'Customers'!B3, 'Customers'!B4 ('Customers'!B3 "
        '\'=IFERROR(__xludf.DUMMYFUNCTION("""COMPUTED_VALUE"""),4)\'); the import rewrote the months\' ends, not '
        "these starts: Google Sheets' download keeps a formula it cannot write for Excel (an ARRAYFORMULA) as the "
        "fixed value it showed, so a start other than the month before's end makes its month's rates wrong "
        "(xl-retention recalc names each such start): put the column's own formula back over them (copy it from a "
        "month's row of a tracker made by xl-retention new)"
    ) in lines
