"""H516's finding 02: a UDF of the user's (GET_MRR, which the embedded engine does not have) given a name defined by
a formula (a dynamic range, OFFSET(S!$B$1,0,0,COUNT(S!$B:$B),1); S!$B$2*2; INDEX; INDIRECT; an array constant) was
listed as 'a name defined by a formula the embedded engine cannot compute', its function the name ('rng'), though
the engine computes that name (=SUM(Rng) 136): the user was sent to rewrite a name that works. The reason names
GET_MRR, as =GET_MRR(E1)'s does; a name whose formula calls a function the engine lacks still names that one."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest
from openpyxl.workbook.defined_name import DefinedName

from xl_retention import cli

NAMES = {
    "Tot2": "OFFSET(S!$E$1,0,0)",
    "Rng": "OFFSET(S!$B$1,0,0,COUNT(S!$B:$B),1)",
    "Frm": "S!$B$2*2",
    "Idx": "INDEX(S!$B$2:$B$5,0)",
    "Ind": 'INDIRECT("S!B2:B5")',
    "Cst": "{1,2,3}",
    "Wbk": "GET.WORKBOOK(1)",
}


def _book(path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "S"
    for i, v in enumerate([10, 12, 14, 16, 18, 20, 22, 24], 1):
        ws[f"B{i}"] = v
    ws["E1"] = "=SUM(B1:B8)"
    for name, text in NAMES.items():
        wb.defined_names[name] = DefinedName(name, attr_text=text)
    for row, name in enumerate(NAMES, 1):
        ws[f"D{row}"] = f"=GET_MRR({name})"  # the user's UDF given each name
        ws[f"F{row}"] = f"=SUM({name})"
    ws["D9"] = "=GET_MRR(E1)"
    wb.save(path)


def test_udf_given_a_computed_name_names_the_udf(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    book = tmp_path / "nm.xlsx"
    _book(book)
    cli.main(["recalc", str(book), "--engine", "embedded", "--output-dir", str(tmp_path / "out"), "--json"])
    (report,) = json.loads(capsys.readouterr().out)["files"]
    listed = {u["address"]: (u["function"], u["reason"]) for u in report["unsupported"]}
    udf = listed["S!D9"]
    assert udf[0] == "GET_MRR" and udf[1].startswith(
        "GET_MRR is not an Excel function: an add-in's, a macro's or a UDF's"
    )
    for row in range(1, 7):  # Tot2 ... Cst: the engine computes them (F1:F6 below); the UDF is the cause
        assert listed[f"S!D{row}"] == udf, row
    # a name calling a function the engine lacks (an Excel 4 macro function) is named with that function
    assert listed["S!D7"] == (
        "GET.WORKBOOK",
        "reads the name Wbk, defined by a formula calling GET.WORKBOOK, which the embedded engine cannot compute",
    )
    assert report["message"].startswith(
        "nm.xlsx: 9 cells could not be recalculated (unsupported GET.WORKBOOK, GET_MRR)"
    )
    values = openpyxl.load_workbook(tmp_path / "out" / "nm.xlsx", data_only=True)["S"]
    assert [values[f"F{row}"].value for row in range(1, 7)] == [136, 136, 24, 60, 60, 6]
