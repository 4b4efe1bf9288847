"""OFFSET whose reference is INDIRECT of a typed text reads the cells it moves to, no others (H319's finding 02).

D!B1:B4 = 1, 2, 4, 8; F!A1 a SUMIFS with the criterion ">=2/10/2024" (listed: its month/day order is the computer's,
no value). ``F!A2 =SUM(OFFSET(INDIRECT("D!B1"),1,0,2))`` reads D!B2:B3 only (2 + 4 = 6, LibreOffice 6) but was taken
to read any cell, left without a value and said to read "F!A1 (locale)", which it never reads. Now the INDIRECT's
text is the reference, as if typed in: A2 is 6. An OFFSET(INDIRECT(..)) that does reach F!A1 is still listed with it,
and one whose text is made when the formula runs still may read any cell.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl

from xl_retention.recalculation import recalc_file


def test_offset_of_a_typed_indirect_reads_only_where_it_moves(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    data = book.active
    data.title = "D"
    for row in range(1, 5):
        data.cell(row, 2, 2 ** (row - 1))
        data.cell(row, 3, dt.date(2024, 1, 1) + dt.timedelta(days=20 * (row - 1)))
    data["E1"] = 1
    sheet = book.create_sheet("F")
    sheet["A1"] = '=SUMIFS(D!B1:B4,D!C1:C4,">=2/10/2024")'
    sheet["A2"] = '=SUM(OFFSET(INDIRECT("D!B1"),1,0,2))'
    sheet["A3"] = "=SUM(OFFSET(D!B1,1,0,2))"
    sheet["A4"] = '=SUM(OFFSET(INDIRECT("D!B1",TRUE),2,0,2))'
    sheet["A5"] = '=OFFSET(INDIRECT("F!A2"),-1,0)'  # F!A1 itself
    sheet["A6"] = '=SUM(OFFSET(INDIRECT("D!B"&D!E1),1,0,2))'  # a text made when the formula runs
    source = tmp_path / "book.xlsx"
    book.save(source)
    result = recalc_file(source, tmp_path / "out.xlsx", engine="embedded")
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["F"]
    assert [out[ref].value for ref in ("A2", "A3", "A4")] == [6, 6, 12]
    reasons = {u.address: u.reason for u in result.unsupported}
    assert sorted(reasons) == ["F!A1", "F!A5", "F!A6"]
    assert reasons["F!A5"].startswith("reads F!A1 (locale)")
    assert reasons["F!A6"].startswith(
        "its OFFSET's reference or area cannot be told before evaluation, so it may read F!A1"
    )
