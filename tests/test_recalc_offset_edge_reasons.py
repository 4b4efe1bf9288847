"""An OFFSET reaching past the sheet's edge names the OFFSET and the edge (H166's finding 02).

Microsoft's OFFSET page: "If rows and cols offset reference over the edge of the worksheet, OFFSET returns the #REF!
error value". Before: =OFFSET(A1,-1,0) (row 0) and =SUM(OFFSET(A1,0,-1,1,1)) (column 0) were #REF! with the reason
"", and =CRR(OFFSET(A1,-1,0),1,100) said only "customers_end is the error value #REF!".
"""

from __future__ import annotations

from pathlib import Path

import openpyxl

from xl_retention.recalculation import recalc_file


def test_the_edge_is_named(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    sheet["A1"], sheet["A2"] = 5, 2
    sheet["B1"] = "=OFFSET(A1,-1,0)"
    sheet["B2"] = "=SUM(OFFSET(A1,0,-1,1,1))"
    sheet["B3"] = "=CRR(OFFSET(A1,-1,0),1,100)"
    sheet["B4"] = "=OFFSET(A1,A2-3,0)"  # the offset computed: row 0 too
    sheet["B5"] = "=OFFSET(A1,1,0)"  # A2: 2
    book.save(tmp_path / "book.xlsx")
    report = recalc_file(tmp_path / "book.xlsx", tmp_path / "out.xlsx", engine="embedded")
    row0 = "reaches row 0, above the sheet's first row: change its rows offset"
    assert {e.address: (e.error, e.reason) for e in report.errors} == {
        "S!B1": ("#REF!", f"S!B1: OFFSET(A1,-1,0) {row0} (#REF!)"),
        "S!B2": (
            "#REF!",
            "S!B2: OFFSET(A1,0,-1,1,1) reaches column 0, left of column A: change its columns offset (#REF!)",
        ),
        "S!B3": ("#VALUE!", f"CRR: customers_end is the error value #REF!: OFFSET(A1,-1,0) {row0} (#VALUE!)"),
        "S!B4": ("#REF!", f"S!B4: OFFSET(A1,A2-3,0) {row0} (#REF!)"),
    }
    assert openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]["B5"].value == 2
