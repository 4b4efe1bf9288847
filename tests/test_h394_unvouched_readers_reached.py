"""Readers of an engine #REF! recalc cannot vouch for, reached other than by a cell or range their text names, kept
the engine's value, unnamed (H388's finding 2, reviewed as item 3 for H394): B1 ``=SUM(S!A1:S!A3:A4)`` is 100 in
Excel and the engine's #REF! (the file ``incomplete``, H376); ``=IFERROR(SUM(B:B),0)`` (a whole column),
``=IFERROR(OFFSET(A1,0,1),0)`` (a reference OFFSET makes), ``=IFERROR(rng,0)`` (a defined name of S!$B$1),
``=IFERROR(INDIRECT("S!B1"),0)``, ``=IFERROR(SUM(1:1),0)`` (a whole row) and ``=C1+1`` (a reader of a reader) kept
the engine's 0 (1) in the output, and the file's message named none of them. Now they are named with the engine's
values and the output stores no value for them; H1 ``=A1+1``, reading no such cell, keeps its 11. One in-process
recalc of one workbook.
"""

from __future__ import annotations

import re
import zipfile

import openpyxl
import pytest
from openpyxl.workbook.defined_name import DefinedName

from xl_retention.recalculation.batch import recalc_file

_FORMULAS = {
    "B1": "=SUM(S!A1:S!A3:A4)",
    "C1": "=IFERROR(SUM(B:B),0)",
    "D1": "=IFERROR(OFFSET(A1,0,1),0)",
    "E1": "=IFERROR(rng,0)",
    "F1": "=C1+1",
    "G1": '=IFERROR(INDIRECT("S!B1"),0)',
    "H1": "=A1+1",
    "C2": "=IFERROR(SUM(1:1),0)",
}
#: what Excel stored (B1 100: S!A1:A4 summed)
_STORED = {"B1": "100", "C1": "100", "D1": "100", "E1": "100", "F1": "101", "G1": "100", "H1": "11", "C2": "611"}


@pytest.fixture(scope="module")
def result(tmp_path_factory) -> tuple:
    folder = tmp_path_factory.mktemp("h394_readers")
    path = folder / "reached.xlsx"
    wb = openpyxl.Workbook()
    s = wb.active
    s.title = "S"
    for i in range(1, 5):
        s.cell(i, 1, i * 10)
    for ref, text in _FORMULAS.items():
        s[ref] = text
    wb.defined_names["rng"] = DefinedName("rng", attr_text="S!$B$1")
    wb.save(path)
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
    out = openpyxl.load_workbook(folder / "out" / path.name, data_only=True)
    return report, {c.coordinate: c.value for row in out["S"].iter_rows() for c in row}


def test_readers_through_columns_rows_names_offset_indirect_and_readers_are_named(result):
    report, _ = result
    assert report.status == "incomplete"
    assert report.message == (
        "reached.xlsx: S!B1 (=SUM(S!A1:S!A3:A4)) is #REF! where Excel stored 100: the embedded engine cannot read "
        "the formula or Excel did not compute it, and recalc finds no cause for the error, so these cells and those "
        "reading them have no value it can vouch for (S!C1 = 0, S!D1 = 0, S!E1 = 0 and 3 more read them without "
        "giving their error: the engine's values, which the output leaves out): check them in Excel (the output asks "
        "Excel to compute the workbook when it opens it)"
    )


def test_their_output_holds_no_value(result):
    _, values = result
    assert [values[ref] for ref in ("B1", "C1", "D1", "E1", "F1", "G1", "C2")] == ["#REF!"] + [None] * 6
    assert values["H1"] == 11
