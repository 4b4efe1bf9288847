"""A text that is no number as the k of LARGE, SMALL, PERCENTILE, QUARTILE, PERCENTRANK's x or RANK's number is
#VALUE!, as in Excel and LibreOffice 7.4 (H223's finding 02): the engine said #NUM! (LARGE, ...) or #N/A (RANK),
the error kinds that IFNA and ERROR.TYPE tell apart. Numeric text is read as its number; a number out of range
keeps #NUM!."""

from __future__ import annotations

from pathlib import Path

import openpyxl

import xl_retention

FORMULAS = {
    "C1": ("=LARGE(A1:A3,A4)", "#VALUE!"),
    "C2": ("=SMALL(A1:A3,A4)", "#VALUE!"),
    "C3": ("=PERCENTILE(A1:A3,A4)", "#VALUE!"),
    "C4": ("=QUARTILE(A1:A3,A4)", "#VALUE!"),
    "C5": ("=PERCENTRANK(A1:A3,A4)", "#VALUE!"),
    "C6": ("=_xlfn.PERCENTILE.INC(A1:A3,A4)", "#VALUE!"),
    "C7": ("=RANK(A4,A1:A3)", "#VALUE!"),
    "C8": ("=_xlfn.RANK.EQ(A4,A1:A3)", "#VALUE!"),
    "C9": ('=LARGE(A1:A3,"abc")', "#VALUE!"),
    "C10": ('=RANK("abc",A1:A3)', "#VALUE!"),
    "C11": ("=_xlfn.IFNA(RANK(A4,A1:A3),-1)", "#VALUE!"),  # not hidden as a "not found"
    "C12": ("=LARGE(A1:A3,5)", "#NUM!"),  # a number out of range: as before
    "C13": ("=LARGE(A1:A3,A5)", 20),  # "2" typed as text: read as 2
    "C14": ("=RANK(A6,A1:A3)", 2),
    "C15": ("=SUM(SMALL(A1:A3,{1,2}))", 30),
}


def test_text_that_is_no_number_is_value_error(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    for row, value in enumerate([10, 20, 30, "abc", "2", 20], 1):
        sheet.cell(row, 1, value)
    for cell, (formula, _) in FORMULAS.items():
        sheet[cell] = formula
    book.save(tmp_path / "k.xlsx")
    report = xl_retention.recalc([str(tmp_path / "k.xlsx")], engine="embedded", output_dir=str(tmp_path / "out"))
    assert report.files[0].status == "ok"
    values = openpyxl.load_workbook(tmp_path / "out" / "k.xlsx", data_only=True)["S"]
    assert {cell: values[cell].value for cell in FORMULAS} == {cell: want for cell, (_, want) in FORMULAS.items()}
