"""A name used inside another name's definition is read in that name's own scope, as Excel reads it (H212's finding 02).

The rewrite puts a name's definition where a cell uses the name, so a name inside it was looked up on the calling
cell's sheet: the workbook's ``Doubled = Rate*2`` (the workbook's Rate 0.3) gave 0.2 on 'Plan A' (whose own Rate is
0.1) and 0.4 on 'Plan B'; 'Plan B''s ``Local = Rate*10`` gave 1 and 3 read from 'Plan A' and Other, all under ok.
Excel (and LibreOffice 7.4) give 0.6 and 2 on every sheet.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
from openpyxl.workbook.defined_name import DefinedName

from xl_retention.recalculation import recalc_file

SHEETS = ("Plan A", "Plan B", "Other")


def _recalc(tmp_path: Path, book: openpyxl.Workbook) -> tuple[str, openpyxl.Workbook]:
    book.save(tmp_path / "names.xlsx")
    report = recalc_file(tmp_path / "names.xlsx", tmp_path / "out.xlsx", engine="embedded")
    return report.status, openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)


def _plans(workbook_rate: bool) -> openpyxl.Workbook:
    book = openpyxl.Workbook()
    first = book.active
    first.title = "Plan A"
    plan_b, other = book.create_sheet("Plan B"), book.create_sheet("Other")
    first["A1"], plan_b["A1"], other["A1"] = 0.1, 0.2, 0.3
    if workbook_rate:
        book.defined_names["Rate"] = DefinedName("Rate", attr_text="Other!$A$1")
        first.defined_names["Rate"] = DefinedName("Rate", attr_text="'Plan A'!$A$1")
    plan_b.defined_names["Rate"] = DefinedName("Rate", attr_text="'Plan B'!$A$1")
    plan_b.defined_names["Local"] = DefinedName("Local", attr_text="Rate*10")
    return book


def test_a_workbook_name_reads_the_workbooks_name_on_every_sheet(tmp_path: Path) -> None:
    book = _plans(workbook_rate=True)
    book.defined_names["Doubled"] = DefinedName("Doubled", attr_text="Rate*2")
    book.defined_names["AddTax"] = DefinedName("AddTax", attr_text="_xlfn.LAMBDA(_xlpm.x,_xlpm.x*(1+Rate))")
    for title in SHEETS:
        book[title]["B3"], book[title]["B5"] = "=Doubled", "='Plan B'!Local"
        book[title]["B7"] = "=Rate"  # each sheet's own Rate where it has one: 0.1, 0.2, the workbook's 0.3
        book[title]["B9"] = "=AddTax(100)"  # the LAMBDA's Rate is the workbook's: 130
    status, out = _recalc(tmp_path, book)
    assert status == "ok"
    assert {title: [out[title][ref].value for ref in ("B3", "B5", "B7", "B9")] for title in SHEETS} == {
        "Plan A": [0.6, 2, 0.1, 130],
        "Plan B": [0.6, 2, 0.2, 130],
        "Other": [0.6, 2, 0.3, 130],
    }


def test_a_sheets_name_read_from_another_sheet_reads_that_sheets_name(tmp_path: Path) -> None:
    book = _plans(workbook_rate=False)  # only 'Plan B' has a Rate
    summary = book.create_sheet("Summary")
    summary["A1"], summary["A2"], book["Plan B"]["B1"] = "='Plan B'!Local", "='Plan B'!Rate*10", "=Local"
    status, out = _recalc(tmp_path, book)
    assert status == "ok"
    assert [out["Summary"]["A1"].value, out["Summary"]["A2"].value, out["Plan B"]["B1"].value] == [2, 2, 2]
