"""A 3-D reference naming a sheet the workbook does not have (``=SUM(Jan:Mar!A1)`` with no sheet Mar: renamed or
deleted by a script, which does not rewrite formulas) is Excel's #REF!, said naming the sheet(s) it lacks, as
``=Data!A1`` is. It was listed as "the embedded engine cannot compute the reference across sheets", blaming the 3-D
form, and a cell reading it as "cannot compute this formula (=A1+1)". The same through a name defined as such a
reference. A 3-D reference whose sheets are there, in either order (``Mar:Jan!A1``: the sheets between them in the
tab order), is computed.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
from openpyxl.workbook.defined_name import DefinedName

from xl_retention.recalculation import recalc_file

_LACKS = (
    "which the workbook does not have (renamed or deleted? its sheets: Summary, Jan, Feb): write the sheet's name "
    "again in {where}, or put the sheet back (#REF!)"
)


def _recalc(tmp_path: Path, formulas: dict[str, str], sheets: tuple[str, ...]) -> tuple[object, dict[str, object]]:
    book = openpyxl.Workbook()
    book.active.title = "Summary"
    for value, name in enumerate(sheets, 1):
        book.create_sheet(name)["A1"] = 10**value
    for ref, formula in formulas.items():
        book["Summary"][ref] = formula
    book.defined_names["Quarter"] = DefinedName("Quarter", attr_text="Jan:Mar!$A$1")
    book.save(tmp_path / "book.xlsx")
    report = recalc_file(tmp_path / "book.xlsx", tmp_path / "out.xlsx", engine="embedded")
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["Summary"]
    return report, {ref: out[ref].value for ref in formulas}


def test_a_3d_reference_to_a_missing_sheet_is_ref_naming_the_sheet(tmp_path: Path) -> None:
    formulas = {
        "B1": "=SUM(Jan:Mar!A1)",
        "B2": "=SUM(Apr:Jun!A1)",
        "B3": "=B1+1",
        "B4": "=SUM(Quarter)",
        "B5": "=IFERROR(SUM(Jan:Mar!A1),0)",
        "B6": "=SUM(Jan:Feb!A1)",
        "B7": "=SUM(Feb:Jan!A1)",
    }
    report, values = _recalc(tmp_path, formulas, ("Jan", "Feb"))
    assert report.status == "ok" and not report.unsupported
    assert values == {"B1": "#REF!", "B2": "#REF!", "B3": "#REF!", "B4": "#REF!", "B5": 0, "B6": 110, "B7": 110}
    reasons = {e.address: e.reason for e in report.errors}
    assert sorted(reasons) == ["Summary!B1", "Summary!B2", "Summary!B3", "Summary!B4"]
    assert reasons["Summary!B1"] == "Summary!B1: Jan:Mar!A1 names the sheet 'Mar', " + _LACKS.format(
        where="the formula"
    )
    assert reasons["Summary!B2"] == "Summary!B2: Apr:Jun!A1 names the sheets 'Apr' and 'Jun', " + _LACKS.format(
        where="the formula"
    )
    assert reasons["Summary!B3"] == reasons["Summary!B1"] + ", from Summary!B1"
    assert reasons["Summary!B4"] == (
        "Summary!B4: the formula uses the name Quarter, defined as Jan:Mar!$A$1: Jan:Mar!$A$1 names the sheet 'Mar', "
        + _LACKS.format(where="its definition (Formulas > Name Manager)")
    )


def test_a_3d_reference_whose_sheets_are_there_in_either_order_is_computed(tmp_path: Path) -> None:
    formulas = {"B1": "=SUM(Jan:Mar!A1)", "B2": "=SUM(Mar:Jan!A1)", "B3": "=SUM(Quarter)", "B4": "=MAX(Feb:Mar!A1)"}
    report, values = _recalc(tmp_path, formulas, ("Mar", "Feb", "Jan"))  # tabs: Summary, Mar, Feb, Jan
    assert report.status == "ok" and not report.unsupported and not report.errors
    assert values == {"B1": 1110, "B2": 1110, "B3": 1110, "B4": 100}
