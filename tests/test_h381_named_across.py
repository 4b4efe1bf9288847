"""A defined name whose range joins corners on two sheets (``two`` = ``'S'!$A$1:'T'!$A$2``), H381's item 4:
``=SUM(two)`` is the embedded engine's #REF!, listed with the generic "a reference that is not there ... check the cell
in Excel".
Excel's range operator takes references on one sheet (a cell's ``=SUM(S!A1:T!A2)`` is #VALUE!, :mod:`.sheet_corners`);
the reason now names the name, its definition and both sheets, and says the 3-D reference (``S:T!$A$1:$A$2``) is the
form that takes both sheets' cells. The engine's #REF! is vouched for only where Excel stored #REF! there too: with no
value stored (a program wrote the formula) the file is ``incomplete``; with Excel's #REF! stored it is ``ok``. A name of
the 3-D reference ``S:T!$A$1:$A$2`` is 1+2+3+4 = 10. One in-process recalc per workbook.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl
import pytest
from openpyxl.workbook.defined_name import DefinedName

from xl_retention.recalculation.batch import recalc_file

_REASON = (
    "S!B1: the formula =SUM(two) uses the name two, defined as 'S'!$A$1:'T'!$A$2, a range joining corners on two "
    "sheets, S and T: Excel's range operator (:) takes references on one sheet (a cell's formula joining two sheets' "
    "cells is #VALUE! in Excel), the embedded engine gives #REF!: write both corners on one sheet, or a 3-D reference "
    "(First:Last!$A$1:$A$2) for the cells of the sheets from First to Last (#REF!)"
)


def _book(path: Path, stored: str | None) -> Path:
    wb = openpyxl.Workbook()
    s = wb.active
    s.title = "S"
    t = wb.create_sheet("T")
    s["A1"], s["A2"], t["A1"], t["A2"] = 1, 2, 3, 4
    wb.defined_names["two"] = DefinedName("two", attr_text="'S'!$A$1:'T'!$A$2")
    wb.defined_names["three"] = DefinedName("three", attr_text="S:T!$A$1:$A$2")
    s["B1"], s["B2"] = "=SUM(two)", "=SUM(three)"
    wb.save(path)
    if stored is not None:  # Excel's cached #REF! in B1
        with zipfile.ZipFile(path) as package:
            members = {n: package.read(n) for n in package.namelist()}
        xml = members["xl/worksheets/sheet1.xml"].decode()
        xml, count = re.subn(r'<c r="B1"(>.*?</f>)<v\s*/>', rf'<c r="B1" t="e"\1<v>{stored}</v>', xml)
        assert count == 1
        members["xl/worksheets/sheet1.xml"] = xml.encode()
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
            for name, data in members.items():
                package.writestr(name, data)
    return path


@pytest.fixture(scope="module")
def results(tmp_path_factory) -> dict:
    folder = tmp_path_factory.mktemp("h381_named")
    found = {}
    for name, stored in (("unstored", None), ("excel_ref", "#REF!")):
        path = _book(folder / f"{name}.xlsx", stored)
        report = recalc_file(path, folder / "out" / path.name)
        wb = openpyxl.load_workbook(folder / "out" / path.name, data_only=True)
        found[name] = report, (wb["S"]["B1"].value, wb["S"]["B2"].value)
    return found


def test_a_name_across_two_sheets_is_named_and_not_vouched_for(results):
    report, values = results["unstored"]
    assert values == ("#REF!", 10)
    assert [(e.address, e.error, e.reason) for e in report.errors] == [("S!B1", "#REF!", _REASON)]
    assert report.status == "incomplete"
    assert report.message.startswith("unstored.xlsx: S!B1 (=SUM(two)) is #REF! where Excel stored no value: ")


def test_excel_s_own_ref_there_leaves_the_file_ok(results):
    report, values = results["excel_ref"]
    assert values == ("#REF!", 10)
    assert [(e.address, e.reason) for e in report.errors] == [("S!B1", _REASON)]
    assert (report.status, report.message) == ("ok", "")
