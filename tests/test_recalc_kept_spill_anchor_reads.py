"""Formulas reading a kept dynamic array through its anchor (``=SUM(B1#)``) read the kept values (H199's finding 05).

A spill the engine cannot compute (an add-in's array function, GET_RATES; GROUPBY given SUM) keeps Excel's stored
values, B1:C2 = [1, 30; 2, 30]; a formula reading one of its cells (H1 =C2*2) was computed from them, but one reading
it as B1# (Excel stores ``_xlfn.ANCHORARRAY(B1)``) got #REF! with no reason, status ok: the anchor held a value, no
spill, in the engine. They read the kept range now: 63, 30 and 2, as Excel shows them.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl
import pytest
from one_sheet import save_dynamic
from openpyxl.worksheet.formula import ArrayFormula

from xl_retention.recalculation import recalc_file

STORED = {"B1": "1", "E1": "63", "F1": "30", "G1": "2", "H1": "60", "E2": "33"}


@pytest.mark.parametrize("spill", ["GET_RATES(D1:D3,A1:A3)", "_xlfn.GROUPBY(D1:D3,A1:A3,_xleta.SUM,0,0)"])
def test_reads_of_a_kept_spill_through_its_anchor(tmp_path: Path, spill: str) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    for row, (amount, key) in enumerate([(30, 1), (10, 2), (20, 2)], start=1):
        sheet[f"A{row}"], sheet[f"D{row}"] = amount, key
    sheet["B1"] = ArrayFormula("B1:C2", f"={spill}")
    sheet["C1"], sheet["B2"], sheet["C2"] = 30, 2, 30  # the spill's other cells, as Excel stores them
    sheet["E1"] = "=SUM(_xlfn.ANCHORARRAY(B1))"
    sheet["F1"] = "=INDEX(_xlfn.ANCHORARRAY(B1),2,2)"
    sheet["G1"] = "=ROWS(_xlfn.ANCHORARRAY(S!$B$1))"
    sheet["H1"] = "=C2*2"
    sheet["E2"] = "=SUM(_xlfn.ANCHORARRAY(B1))-E1+A1+1+2"  # 0 + 30 + 3
    source = save_dynamic(book, tmp_path / "dynamic.xlsx", ["B1"])
    path = tmp_path / "book.xlsx"
    with zipfile.ZipFile(source) as package, zipfile.ZipFile(path, "w") as out:
        for item in package.infolist():
            data = package.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                for ref, value in STORED.items():
                    data, count = re.subn(
                        rf'(<c r="{ref}"[^>]*><f[^>]*>[^<]*</f>)<v\s*/>'.encode(),
                        rb"\1<v>" + value.encode() + b"</v>",
                        data,
                    )
                    assert count == 1, ref
            out.writestr(item, data)
    result = recalc_file(path, tmp_path / "out.xlsx", engine="embedded")
    assert result.status == "ok", result.message
    assert [(u.address, u.kept) for u in result.unsupported] == [("S!B1", True)]
    assert result.errors == []
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    assert [out[ref].value for ref in ("B1", "C1", "B2", "C2", "E1", "F1", "G1", "H1", "E2")] == [
        1,
        30,
        2,
        30,
        63,
        30,
        2,
        60,
        33,
    ]
    with zipfile.ZipFile(tmp_path / "out.xlsx") as package:  # the formulas are written as they were
        assert b"SUM(_xlfn.ANCHORARRAY(B1))" in package.read("xl/worksheets/sheet1.xml")
