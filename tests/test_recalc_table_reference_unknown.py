"""INDIRECT of a structured reference built in a cell (``INDIRECT(A2&"[Customers]")``) naming a table the workbook
does not have, or a column its table does not have, is Excel's #REF! (Microsoft's INDIRECT page: a text that is no
valid reference), status ok; it was listed as unsupported ("cannot resolve a name this formula uses", H166's finding
04). A table it has still gives the column's cells."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from openpyxl.worksheet.table import Table

from xl_retention.recalculation import recalc_file


def test_a_computed_structured_reference_of_no_table_is_ref(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    data = book.active
    data.title = "Data"
    data.append(["Month", "Customers"])
    for month, customers in (("Jan", 10), ("Feb", 12), ("Mar", 15)):
        data.append([month, customers])
    data.add_table(Table(displayName="Sales", ref="A1:B4"))
    sheet = book.create_sheet("S")
    sheet["A1"], sheet["A2"], sheet["A3"] = "Sales", "Sales2", "Sales"
    sheet["B1"] = '=SUM(INDIRECT(A1&"[Customers]"))'
    sheet["B2"] = '=SUM(INDIRECT(A2&"[Customers]"))'
    sheet["B3"] = '=SUM(INDIRECT(A3&"[Churned]"))'
    sheet["B4"] = '=IFERROR(SUM(INDIRECT(A2&"[Customers]")),-1)'
    book.save(tmp_path / "book.xlsx")
    result = recalc_file(tmp_path / "book.xlsx", tmp_path / "out.xlsx", engine="embedded")
    assert result.status == "ok", result.message
    assert result.unsupported == []
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    assert [out[ref].value for ref in ("B1", "B2", "B3", "B4")] == [37, "#REF!", "#REF!", -1]
