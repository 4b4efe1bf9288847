"""The union operator of single cells, and as the array of LARGE, SMALL, PERCENTILE, QUARTILE, PERCENTRANK and RANK:
computed as Excel and LibreOffice 7.4 compute them (H223's finding 05). SUM((A1,B1)), MAX((A1,C3)), AREAS((A1,B1)),
SUMSQ((A1,B1)), PRODUCT((A1,B2)) were passed over by the pre-tests (no ':' in them) and LARGE((A1:A3,C1:C3),2) was
never rewritten: 'the embedded engine cannot compute the union of references', status incomplete."""

from __future__ import annotations

from pathlib import Path

import openpyxl

import xl_retention

FORMULAS = {  # by hand: A1:A3 = 1, 2, 3; B1:B3 = 10, 20, 30; C1:C3 = 100, 200, 300; A4 blank, B4 text
    "E1": ("=SUM((A1,B1))", 11),
    "E2": ("=MAX((A1,C3))", 300),
    "E3": ("=LARGE((A1:A3,C1:C3),2)", 200),
    "E4": ("=AREAS((A1,B1))", 2),
    "E5": ("=COUNTA((A1,B1,C1))", 3),
    "E6": ("=SUMSQ((A1,B1))", 101),
    "E7": ("=PRODUCT((A1,B2))", 20),
    "E8": ("=SMALL((A1:A4,B1:B4),4)", 10),  # the blank and the text left out, as in a range
    "E9": ("=RANK(C1,(A1:A3,C1:C3))", 3),
    "E10": ("=PERCENTILE((A1:A3,C1:C3),0.5)", 51.5),
    "E11": ("=QUARTILE((A1,B1,C1),2)", 10),
}


def test_unions_are_computed(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    for row in range(1, 4):
        sheet.cell(row, 1, row)
        sheet.cell(row, 2, row * 10)
        sheet.cell(row, 3, row * 100)
    sheet["B4"] = "text"
    for cell, (formula, _) in FORMULAS.items():
        sheet[cell] = formula
    book.save(tmp_path / "union.xlsx")
    report = xl_retention.recalc([str(tmp_path / "union.xlsx")], engine="embedded", output_dir=str(tmp_path / "out"))
    assert report.files[0].status == "ok"
    values = openpyxl.load_workbook(tmp_path / "out" / "union.xlsx", data_only=True)["S"]
    assert {cell: values[cell].value for cell in FORMULAS} == {cell: want for cell, (_, want) in FORMULAS.items()}
