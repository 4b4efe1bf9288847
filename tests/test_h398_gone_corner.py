"""A range whose corner names a sheet the workbook does not have (``=SUM(A1:Gone!A3)``, ``=SUM(S!A1:Gone!A3)``,
``=SUM(Gone!A1:S!A3)``: the sheet renamed or deleted by a script) is Excel's #REF! (the sheet is gone), said naming
the cell, the reference and the sheet, as ``=Gone!A1`` and ``=SUM(Jan:Mar!A1)`` without a sheet Mar are. It was
listed incomplete as "unsupported 3-D reference" (A1:Gone! read as sheets A1 to Gone) with its readers "cannot
compute this formula", or said to be #VALUE! (corners on two sheets). One in-process recalc of one workbook.
"""

from __future__ import annotations

import openpyxl
import pytest

from xl_retention.recalculation import recalc_file

_FORMULAS = {
    "B1": "=SUM(A1:Gone!A3)",
    "B2": "=B1+1",
    "B3": "=SUM(S!A1:Gone!A3)",
    "B4": "=SUM(Gone!A1:S!A3)",
    "B5": "=IFERROR(SUM(A1:Gone!A3),0)",
    "B6": "=SUM(A1:A3)",
}
_LACKS = (
    "names the sheet 'Gone', which the workbook does not have (renamed or deleted? its sheets: S): write the sheet's "
    "name again in the formula, or put the sheet back (#REF!)"
)


@pytest.fixture(scope="module")
def result(tmp_path_factory) -> tuple:
    folder = tmp_path_factory.mktemp("h398_gone")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    for row in range(1, 5):
        sheet.cell(row, 1, row * 10)
    for ref, text in _FORMULAS.items():
        sheet[ref] = text
    book.save(folder / "gone.xlsx")
    report = recalc_file(folder / "gone.xlsx", folder / "out.xlsx", engine="embedded")
    out = openpyxl.load_workbook(folder / "out.xlsx", data_only=True)["S"]
    return report, {ref: out[ref].value for ref in _FORMULAS}


def test_a_corner_on_a_missing_sheet_is_ref(result) -> None:
    report, values = result
    assert report.status == "ok" and not report.unsupported
    assert values == {"B1": "#REF!", "B2": "#REF!", "B3": "#REF!", "B4": "#REF!", "B5": 0, "B6": 60}


def test_the_reason_names_the_cell_the_reference_and_the_sheet(result) -> None:
    report, _ = result
    reasons = {e.address: e.reason for e in report.errors}
    assert reasons == {
        "S!B1": f"S!B1: A1:Gone!A3 {_LACKS}",
        "S!B2": f"S!B1: A1:Gone!A3 {_LACKS}, from S!B1",
        "S!B3": f"S!B3: S!A1:Gone!A3 {_LACKS}",
        "S!B4": f"S!B4: Gone!A1:S!A3 {_LACKS}",
    }
