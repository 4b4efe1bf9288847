"""A blank cell in UNIQUE's array stays blank in its result, as in Excel: shown as 0 where it spills, "" after ``&""``
and equal to "" (recalculation.excel_functions.collation).

Ours gave 0 for it inside the formula too: ``UNIQUE(A1:A5)&""`` was "0" where Excel gives "" (the blank becomes 0
only when written in the sheet: the well-known ``&""`` for showing blanks of FILTER and UNIQUE as blank),
``SUMPRODUCT(--(UNIQUE(A1:A5)=""))`` 0 for 1.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
from one_sheet import save_dynamic
from openpyxl.worksheet.formula import ArrayFormula

from xl_retention.recalculation import recalc_file


def test_a_blank_in_unique_stays_blank(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    for ref, value in {"A1": "x", "A3": "y", "A4": "x", "A6": 0, "B1": 1, "B2": 4, "B3": 3, "B4": 2}.items():
        sheet[ref] = value
    cells = {
        "H1": '=INDEX(_xlfn.UNIQUE(A1:A6)&"",2)&"|"',
        "H2": '=SUMPRODUCT(--(_xlfn.UNIQUE(A1:A6)=""))',
        "H3": "=ROWS(_xlfn.UNIQUE(A1:A6))",
        "H5": '=INDEX(_xlfn.UNIQUE(A1:A6)&"",4)',
    }
    for ref, formula in cells.items():
        sheet[ref] = formula
    sheet["D1"] = ArrayFormula("D1", "=_xlfn.UNIQUE(A1:A6)")
    source = save_dynamic(book, tmp_path / "book.xlsx", ["D1"])
    result = recalc_file(source, tmp_path / "out.xlsx", engine="embedded")
    assert result.status == "ok", result.message
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    got = {ref: out[ref].value for ref in [*cells, "D1", "D2", "D3", "D4"]}
    assert got == {
        "H1": "|", "H2": 1, "H3": 4, "H5": "0", "D1": "x", "D2": 0, "D3": "y", "D4": 0,
    }  # fmt: skip
