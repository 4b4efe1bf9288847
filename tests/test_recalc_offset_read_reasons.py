"""An error read through OFFSET gets the reason of the cell it reaches (H166's finding 01).

Before: Jan!B3 =CRR(B1,B2,0) is #DIV/0! with its reason (customers_start is 0); =OFFSET(Jan!B1,2,0) (Jan!B3) and
=SUM(OFFSET(Jan!B1,0,0,4,1)) (Jan!B1:B4) had the reason "", while =INDEX(Jan!B1:B4,3) was given Jan!B3's. OFFSET
returns a reference (Microsoft's OFFSET page: "Returns a reference to a range that is a specified number of rows
and columns from a cell or range of cells"): the error is Jan!B3's own.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl

from xl_retention.recalculation import recalc_file

ZERO = "CRR: customers_start is 0 (no customers at the start): the ratio is undefined (#DIV/0!)"


def test_the_reached_cells_reason_is_passed_on(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    summary = book.active
    summary.title = "S"
    jan = book.create_sheet("Jan")
    jan["B1"], jan["B2"], jan["B3"] = 100, 0, "=CRR(B1,B2,0)"
    summary["B6"] = "=OFFSET(Jan!B1,2,0)"
    summary["B8"] = "=SUM(OFFSET(Jan!B1,0,0,4,1))"
    summary["B9"] = "=INDEX(Jan!B1:B4,3)"
    summary["B10"] = "=B6*2"
    book.save(tmp_path / "book.xlsx")
    report = recalc_file(tmp_path / "book.xlsx", tmp_path / "out.xlsx", engine="embedded")
    passed = ("#DIV/0!", f"{ZERO}, from Jan!B3")
    assert {e.address: (e.error, e.reason) for e in report.errors} == {
        "Jan!B3": ("#DIV/0!", ZERO),
        "S!B6": passed,
        "S!B8": passed,
        "S!B9": passed,
        "S!B10": ("#DIV/0!", f"{ZERO}, from S!B6"),
    }
