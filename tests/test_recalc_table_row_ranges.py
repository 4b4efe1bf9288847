"""A range operator with a table's structured reference on a side (Excel stores ``[@Amt]`` as
``Tbl[[#This Row],[Amt]]``): the table idioms ``=ROWS(Tbl[[#Headers],[No]]:[@No])-1`` (row numbers),
``=SUM(INDEX([Amt],1):[@Amt])`` (running totals), ``=COUNTIF(Tbl[[#Headers],[Item]]:[@Item],[@Item])`` (running
occurrences) and ranges such as ``Tbl[Amt]:$C$8`` were 0 in every row (nothing listed), #REF! or #NAME? under status
ok (H187's finding 06). The range is now the smallest holding both sides, as Excel's ``:`` makes it; ROWS of a range
holding its own cell reads no value (no circular reference)."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from openpyxl.worksheet.table import Table

from xl_retention.recalculation import recalc_file


def test_ranges_between_structured_references_are_the_ranges_excel_makes(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Orders"
    sheet.append(["No", "Item", "Amt", "Tax", "Occ", "Run", "Row sum", "Run2"])
    for k, item in enumerate("abaca"):
        sheet.append(
            [
                "=ROWS(Tbl[[#Headers],[No]]:Tbl[[#This Row],[No]])-1",
                item,
                (k + 1) * 10,
                k + 1,
                "=COUNTIF(Tbl[[#Headers],[Item]]:Tbl[[#This Row],[Item]],Tbl[[#This Row],[Item]])",
                "=SUM(INDEX(Tbl[Amt],1):Tbl[[#This Row],[Amt]])",
                "=SUM(Tbl[[#This Row],[Amt]]:Tbl[[#This Row],[Tax]])",
                "=SUM($C$2:Tbl[[#This Row],[Amt]])",
            ]
        )
    sheet.add_table(Table(displayName="Tbl", ref="A1:H6"))
    sheet["C8"] = 1000
    sheet["J1"] = "=SUM(Tbl[[#Headers],[Amt]]:$C$6)"
    sheet["J2"] = "=SUM(Tbl[Amt]:$C$8)"
    sheet["J3"] = "=SUM(Tbl[Item]:Tbl[Amt])"
    sheet["J4"] = "=ROWS(Tbl[[#Headers],[Amt]]:C4)"
    book.save(tmp_path / "orders.xlsx")
    report = recalc_file(tmp_path / "orders.xlsx", tmp_path / "out.xlsx", engine="embedded")
    assert report.status == "ok", report.message
    assert not report.unsupported and not report.errors
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["Orders"]
    columns = {
        name: [out.cell(row, column).value for row in range(2, 7)]
        for column, name in ((1, "No"), (5, "Occ"), (6, "Run"), (7, "Row sum"), (8, "Run2"))
    }
    assert columns == {
        "No": [1, 2, 3, 4, 5],
        "Occ": [1, 1, 2, 1, 3],
        "Run": [10, 30, 60, 100, 150],
        "Row sum": [11, 22, 33, 44, 55],
        "Run2": [10, 30, 60, 100, 150],
    }
    assert [out[f"J{row}"].value for row in range(1, 5)] == [150, 1150, 150, 4]
