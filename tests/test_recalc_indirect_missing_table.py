"""INDIRECT of a typed-in structured reference naming no table of the workbook, or no column of its table, is #REF!
as in Excel (Microsoft's INDIRECT page: "If ref_text is not a valid cell reference, INDIRECT returns the #REF!
error value"), and reads no cell.

Before: =SUM(INDIRECT("Sales2[Customers]")) (the table is Sales) and =SUM(INDIRECT("Sales[Custmers]")) were listed
as unsupported with "the embedded engine cannot resolve a name this formula uses (every name it uses exists)", and
every other INDIRECT of the workbook whose text names no cell (=INDIRECT("Nope")) was listed as "reads S!B2
(formula), which has no current value": a cell it does not read.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
from openpyxl.worksheet.table import Table

from xl_retention.recalculation import recalc_file


def test_no_such_table_or_column_is_ref(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    summary = book.active
    summary.title = "S"
    data = book.create_sheet("Data")
    data["A1"], data["B1"], data["A2"], data["B2"], data["A3"], data["B3"] = (
        "Month",
        "Customers",
        "Jan",
        100,
        "Feb",
        110,
    )
    data.add_table(Table(displayName="Sales", ref="A1:B3"))
    summary["B1"] = '=SUM(INDIRECT("Sales[Customers]"))'
    summary["B2"] = '=SUM(INDIRECT("Sales2[Customers]"))'
    summary["B3"] = '=SUM(INDIRECT("Sales[Custmers]"))'
    summary["B4"] = '=IFERROR(SUM(INDIRECT("Sales2[Customers]")),-1)'
    book.save(tmp_path / "book.xlsx")
    report = recalc_file(tmp_path / "book.xlsx", tmp_path / "out.xlsx", engine="embedded")
    assert (report.status, report.unsupported) == ("ok", []), report.message
    assert {e.address: e.error for e in report.errors} == {"S!B2": "#REF!", "S!B3": "#REF!"}
    values = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    assert (values["B1"].value, values["B4"].value) == (210, -1)
