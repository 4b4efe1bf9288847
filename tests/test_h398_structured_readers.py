"""Readers of an engine #REF! recalc cannot vouch for through a table's structured reference were not followed
(H398 item 3): B3 ``=SUM(S!E1:S!E3:E4)`` in Table1's MRR column is Excel's 100 and the engine's #REF! (the file
``incomplete``, H376/H394); ``=IFERROR(SUM(Table1[MRR]),0)`` kept the engine's 0, ``=IFERROR(Table1[[#This Row],
[MRR]]*2,0)`` on B3's row its 0, and ``=D1+1`` its 1, none named, and ``=SUM(Table1[MRR])`` was listed as a #REF!
of its own (Excel stored 130). Now the readers are named with the engine's values and stored without a value, and
the SUM gets B3's reason passed on; the same formula on the table's other rows (C2, C4), reading no such cell, keeps
its value. One in-process recalc of one workbook.
"""

from __future__ import annotations

import re
import zipfile

import openpyxl
import pytest
from openpyxl.worksheet.table import Table

from xl_retention.recalculation.batch import recalc_file

_TWICE = "=IFERROR(Table1[[#This Row],[MRR]]*2,0)"
_FORMULAS = {
    "B3": "=SUM(S!E1:S!E3:E4)",
    "C2": _TWICE,
    "C3": _TWICE,
    "C4": _TWICE,
    "D1": "=IFERROR(SUM(Table1[MRR]),0)",
    "D2": "=SUM(Table1[MRR])",
    "D4": "=A2+1",
    "D5": "=D1+1",
}
#: what Excel stored (B3 100: S!E1:E4 summed)
_STORED = {"B3": "100", "C2": "20", "C3": "200", "C4": "40", "D1": "130", "D2": "130", "D4": "2", "D5": "131"}
_B3 = (
    "S!B3: the formula =SUM(S!E1:S!E3:E4) gives #REF!: a reference that is not there (a position past a range's end, "
    "a deleted sheet, row or column) or one the embedded engine cannot read; recalc finds no deleted sheet, row, "
    "column or name in it: check the cell in Excel (#REF!)"
)


@pytest.fixture(scope="module")
def result(tmp_path_factory) -> tuple:
    folder = tmp_path_factory.mktemp("h398_structured")
    path = folder / "table.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    for column, header in enumerate(("Month", "MRR", "Twice"), 1):
        sheet.cell(1, column, header)
    for row, (month, mrr) in enumerate(((1, 10), (2, None), (3, 20)), 2):
        sheet.cell(row, 1, month)
        sheet.cell(row, 2, mrr)
    for row in range(1, 5):
        sheet.cell(row, 5, row * 10)
    for ref, text in _FORMULAS.items():
        sheet[ref] = text
    sheet.add_table(Table(displayName="Table1", ref="A1:C4"))
    book.save(path)
    with zipfile.ZipFile(path) as package:
        members = {n: package.read(n) for n in package.namelist()}
    xml = members["xl/worksheets/sheet1.xml"].decode()
    for ref, value in _STORED.items():
        xml, count = re.subn(rf'<c r="{ref}"(>.*?</f>)<v\s*/>', rf'<c r="{ref}"\1<v>{value}</v>', xml)
        assert count == 1, ref
    members["xl/worksheets/sheet1.xml"] = xml.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in members.items():
            package.writestr(name, data)
    report = recalc_file(path, folder / "out" / path.name)
    out = openpyxl.load_workbook(folder / "out" / path.name, data_only=True)["S"]
    return report, {ref: out[ref].value for ref in _FORMULAS}


def test_readers_through_structured_references_are_named(result) -> None:
    report, _ = result
    assert report.status == "incomplete"
    assert report.message == (
        "table.xlsx: S!B3 (=SUM(S!E1:S!E3:E4)) is #REF! where Excel stored 100: the embedded engine cannot read the "
        "formula or Excel did not compute it, and recalc finds no cause for the error, so these cells and those "
        "reading them have no value it can vouch for (S!D1 = 0, S!C3 = 0 and S!D5 = 1 read them without giving their "
        "error: the engine's values, which the output leaves out): check them in Excel (the output asks Excel to "
        "compute the workbook when it opens it)"
    )
    assert {e.address: e.reason for e in report.errors} == {"S!B3": _B3, "S!D2": _B3 + ", from S!B3"}


def test_their_output_holds_no_value(result) -> None:
    _, values = result
    assert values == {
        "B3": "#REF!",
        "C2": 20,
        "C3": None,
        "C4": 40,
        "D1": None,
        "D2": "#REF!",
        "D4": 2,
        "D5": None,
    }
