"""A text reached through INDEX, VLOOKUP, XLOOKUP or INDEX/MATCH and taken in arithmetic: the #VALUE! names the cell
the text is typed in, as ``=A1*2`` does (the README: "Through CHOOSE, INDEX, OFFSET, IF or a lookup, and through
formula cells, the cell named is where the value is typed"); its reason was empty, and an xl-retention function
reading the cell named only that cell (H160 finding 02)."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from xl_retention.recalculation import recalc_file


def test_a_text_through_a_lookup_in_arithmetic_names_its_cell(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    data = book.create_sheet("Raw data")
    data["A1"], data["B1"] = "Feb", "n/a"
    cells = {
        "A3": "n/a",
        "A4": "x",
        "A5": "='Raw data'!B1",
        "B1": "=INDEX(A3:A4,1)*2",
        "B2": "=VLOOKUP(\"Feb\",'Raw data'!A1:B1,2,0)*2",
        "B3": "=_xlfn.XLOOKUP(\"Feb\",'Raw data'!A1:A1,'Raw data'!B1:B1)+0",
        "B4": "=2*-INDEX('Raw data'!B1:B1,MATCH(\"Feb\",'Raw data'!A1:A1,0))",
        "B5": "=INDEX(A5:A5,1)^2",
        "B6": "=INDEX(A3:A4,2)*1",
        "C1": "=CLV(100,0.8,B1)",
        "C2": '=INDEX(A3:A4,1)&"!"',
        "C3": "=CRR(VLOOKUP(\"Feb\",'Raw data'!A1:B1,2,FALSE)+0,1,100)",
    }
    for ref, value in cells.items():
        sheet[ref] = value
    book.save(tmp_path / "book.xlsx")
    result = recalc_file(tmp_path / "book.xlsx", tmp_path / "out.xlsx", engine="embedded")
    reasons = {issue.address: issue.reason for issue in result.errors}
    assert reasons == {
        "S!B1": "S!A3 is the text 'n/a', no number (#VALUE!)",
        "S!B2": "'Raw data'!B1 is the text 'n/a', no number (#VALUE!)",
        "S!B3": "'Raw data'!B1 is the text 'n/a', no number (#VALUE!)",
        "S!B4": "'Raw data'!B1 is the text 'n/a', no number (#VALUE!)",
        "S!B5": "'Raw data'!B1 (read through S!A5) is the text 'n/a', no number (#VALUE!)",
        "S!B6": "S!A4 is the text 'x', no number (#VALUE!)",
        "S!C1": "S!A3 is the text 'n/a', no number (#VALUE!), from S!B1",
        "S!C3": "CRR: customers_end is the error value #VALUE!: 'Raw data'!B1 is the text 'n/a', no number (#VALUE!)",
    }
