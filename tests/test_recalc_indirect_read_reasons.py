"""An error read through INDIRECT of a computed text gets the reason of the cell it reads.

Before: with A2 'Jan', =INDIRECT(A2&"!B3") of Jan!B3's explained #DIV/0! (=CRR(B1,B2,0): customers_start is 0) had
the reason "", and so did =SUM(INDIRECT(A2&"!B3:B4")), while the same INDIRECT with the text typed in,
=INDIRECT("Jan!B3"), was given Jan!B3's reason ", from Jan!B3".
"""

from __future__ import annotations

from pathlib import Path

import openpyxl

from xl_retention.recalculation import recalc_file

ZERO = "CRR: customers_start is 0 (no customers at the start): the ratio is undefined (#DIV/0!)"


def test_the_read_cells_reason_is_passed_on(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    summary = book.active
    summary.title = "S"
    jan = book.create_sheet("Jan")
    jan["B1"], jan["B2"], jan["B3"] = 100, 0, "=CRR(B1,B2,0)"
    summary["A2"] = "Jan"
    summary["B2"] = '=INDIRECT(A2&"!B3")'
    summary["B4"] = '=INDIRECT("Jan!B3")'
    summary["B5"] = '=SUM(INDIRECT(A2&"!B1:B4"))'
    summary["B6"] = '=INDIRECT("\'"&A2&"\'!B3")*2'
    summary["B7"] = "=B2+1"
    book.save(tmp_path / "book.xlsx")
    report = recalc_file(tmp_path / "book.xlsx", tmp_path / "out.xlsx", engine="embedded")
    reasons = {e.address: (e.error, e.reason) for e in report.errors}
    passed = ("#DIV/0!", f"{ZERO}, from Jan!B3")
    assert reasons == {
        "Jan!B3": ("#DIV/0!", ZERO),
        "S!B2": passed,
        "S!B4": passed,
        "S!B5": passed,
        "S!B6": passed,
        "S!B7": ("#DIV/0!", f"{ZERO}, from S!B2"),
    }


def test_an_r1c1_indirect_of_a_cell_explained_just_before(tmp_path: Path) -> None:
    """B10 =INDIRECT("R3C2",FALSE) reads B3 (=INDIRECT(A1), A1 blank), whose reason is given in the same pass: it had
    the reason "" (the R1C1 text is no A1 reference for pass_reasons_on to read)."""
    book = openpyxl.Workbook()
    summary = book.active
    summary.title = "S"
    summary["B1"] = '=1/INDIRECT("C1")'  # an error read through INDIRECT before B3 (C1 blank: #DIV/0!)
    summary["B3"] = "=INDIRECT(A1)"
    summary["B10"] = '=INDIRECT("R3C2",FALSE)'
    book.save(tmp_path / "book.xlsx")
    report = recalc_file(tmp_path / "book.xlsx", tmp_path / "out.xlsx", engine="embedded")
    own = "S!B3: INDIRECT(A1) gives an empty text, which is no reference: S!A1 is blank: type a reference there (#REF!)"
    reasons = {e.address: (e.error, e.reason) for e in report.errors}
    assert reasons["S!B1"][0] == "#DIV/0!"
    assert (reasons["S!B3"], reasons["S!B10"]) == (("#REF!", own), ("#REF!", f"{own}, from S!B3"))
