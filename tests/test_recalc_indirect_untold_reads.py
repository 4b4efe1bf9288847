"""An INDIRECT whose text names no cell the recalculation can tell is never said to read a cell it does not name
(H166's finding 03).

Before: with S!B1 =NOW_UNKNOWN_FN(A1) uncomputed (rightly listed), =INDIRECT("Nope") and =INDIRECT(A3) of
'Custmers' were listed "reads S!B1 (NOW_UNKNOWN_FN), which has no current value": their texts name no cell, and
nothing in them reads B1 (kept.dependents takes such an INDIRECT to read any cell, which is right to list it, not to
say it reads B1). Since H473 a text naming a name no scope of the workbook defines (those two) reads no cell at all
(Excel's #REF!): not listed; since H489 so is a name only another sheet defines (``INDIRECT("Amt")`` on S of sheet
T's own Amt: Excel reads a name without a sheet in S's names and the workbook's).
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
from openpyxl.workbook.defined_name import DefinedName

from xl_retention.recalculation import recalc_file

MAY = (
    "its INDIRECT's text names no cell the recalculation can tell, so it may read S!B1 (NOW_UNKNOWN_FN), which has no "
    "current value (the embedded engine cannot compute it)"
)


def test_an_untold_indirect_may_read_never_reads(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    sheet["A1"], sheet["A3"] = 5, "Custmers"
    sheet["B1"] = "=NOW_UNKNOWN_FN(A1)"
    sheet["B2"] = "=B1*2"  # reads it: said so
    sheet["B7"] = '=INDIRECT("Nope")'
    sheet["B8"] = "=INDIRECT(A3)"
    sheet["B9"] = '=INDIRECT("Amt")'  # a name of another sheet only: #REF! on S (H489)
    sheet["A5"], sheet["B10"] = True, '=INDIRECT("A1",A5)'  # a style computed when it runs: not told
    other = book.create_sheet("T")
    other.defined_names["Amt"] = DefinedName("Amt", attr_text="T!$A$1")
    book.save(tmp_path / "book.xlsx")
    report = recalc_file(tmp_path / "book.xlsx", tmp_path / "out.xlsx", engine="embedded")
    listed = {u.address: u.reason for u in report.unsupported}
    assert report.status == "incomplete"
    assert listed["S!B2"] == (
        "reads S!B1 (NOW_UNKNOWN_FN), which has no current value (the embedded engine cannot compute it)"
    )
    assert listed["S!B10"] == MAY
    # "Nope" and "Custmers" are names no scope of the workbook defines: Excel's #REF!, reading no cell (H473)
    assert "S!B7" not in listed and "S!B8" not in listed and "S!B9" not in listed
    values = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    assert (values["B7"].value, values["B8"].value, values["B9"].value) == ("#REF!", "#REF!", "#REF!")
