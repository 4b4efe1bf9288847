"""A defined name standing for INDIRECT of a text naming a sheet the workbook does not have: the #REF! of a cell
using the name says which sheet, and where to write it again.

Before: AprVal defined as =INDIRECT("Apr!B3") (no sheet Apr), =AprVal was #REF! with the reason "", while the same
INDIRECT written in the cell named the sheet. Microsoft's INDIRECT page: "If ref_text refers to ... an invalid
reference, INDIRECT returns the #REF! error value".
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.table import Table

from xl_retention.recalculation import recalc_file


def test_the_names_missing_sheet_is_named(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    summary = book.active
    summary.title = "S"
    book.create_sheet("Jan")["B3"] = 104
    book.defined_names["AprVal"] = DefinedName("AprVal", attr_text='INDIRECT("Apr!B3")')
    book.defined_names["JanVal"] = DefinedName("JanVal", attr_text='INDIRECT("Jan!B3")')
    summary["B1"] = "=AprVal"
    summary["B2"] = "=AprVal*2"
    summary["B3"] = "=JanVal"
    book.save(tmp_path / "book.xlsx")
    report = recalc_file(tmp_path / "book.xlsx", tmp_path / "out.xlsx", engine="embedded")
    said = (
        "the name AprVal: INDIRECT(\"Apr!B3\") names the sheet 'Apr', which the workbook does not have "
        "(renamed or deleted? its sheets: 'S', 'Jan'): write the sheet's name again in the name AprVal (Formulas > "
        "Name Manager)"
    )
    assert {e.address: (e.error, e.reason) for e in report.errors} == {
        "S!B1": ("#REF!", f"S!B1: {said} (#REF!)"),
        "S!B2": ("#REF!", f"S!B2: {said} (#REF!)"),
    }


def test_a_missing_table_or_column_is_named(tmp_path: Path) -> None:
    """INDIRECT("Sales2[Customers]") (the table is Sales) and INDIRECT("Sales[Custmers]") are #REF! (literal_indirect):
    the reason names the table or column and what the workbook has."""
    book = openpyxl.Workbook()
    summary = book.active
    summary.title = "S"
    data = book.create_sheet("Data")
    data["A1"], data["B1"], data["A2"], data["B2"] = "Month", "Customers", "Jan", 100
    data.add_table(Table(displayName="Sales", ref="A1:B2"))
    summary["B2"] = '=SUM(INDIRECT("Sales2[Customers]"))'
    summary["B3"] = '=SUM(INDIRECT("Sales[Custmers]"))'
    book.save(tmp_path / "book.xlsx")
    report = recalc_file(tmp_path / "book.xlsx", tmp_path / "out.xlsx", engine="embedded")
    assert {e.address: (e.error, e.reason) for e in report.errors} == {
        "S!B2": (
            "#REF!",
            "S!B2: INDIRECT(\"Sales2[Customers]\") names the table 'Sales2', which the workbook does not have (its "
            "tables: 'Sales'): write the table's name again in the formula (#REF!)",
        ),
        "S!B3": (
            "#REF!",
            "S!B3: INDIRECT(\"Sales[Custmers]\") names the column 'Custmers', which the table Sales does not have (its "
            "columns: 'Month', 'Customers'): write the column's name again in the formula (#REF!)",
        ),
    }
