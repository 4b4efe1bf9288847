"""H516's finding 04: a function newer than Excel 2007 stored without its _xlfn. prefix (openpyxl writes the formula
as typed) is #NAME? in Excel, an error value that flows into the function around it: ISERROR(XLOOKUP(..)) is TRUE,
ISNA FALSE, ERROR.TYPE 5, the usual "does this Excel have IFS?" test says "old Excel". recalc gave each of these
cells #NAME? itself, status ok (LibreOffice gives TRUE, TRUE, FALSE, 5, FALSE, "old Excel", FALSE, TRUE). Now the
bare call is the error value #NAME? inside its formula; a cell that is the call alone still says why."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from xl_retention import cli

CELLS = {
    "A1": ("=ISERROR(XLOOKUP(1,B1:B5,C1:C5))", True),
    "A2": ('=ISERR(CONCAT("a"))', True),
    "A3": ("=ISNA(XLOOKUP(1,B1:B5,C1:C5))", False),
    "A4": ('=ERROR.TYPE(CONCAT("a"))', 5),
    "A5": ('=ISNUMBER(MAXIFS(C1:C5,B1:B5,">2"))', False),
    "A6": ('=IF(ISERROR(IFS(B1>0,1)),"old Excel","new")', "old Excel"),
    "A7": ('=ISTEXT(TEXTJOIN(",",TRUE,B1:B5))', False),
    "A8": ("=ISERROR(FORECAST.ETS(6,B1:B5,C1:C5))", True),
    "A9": ('=IFERROR(CONCAT("a"),"x")', "x"),
    "A10": ('=COUNTA(CONCAT("a"),1)', 2),
    "A11": ('=TYPE(CONCAT("a"))', 16),
    "A12": ('=CONCAT("a")', "#NAME?"),
}


def test_bare_newer_call_is_an_error_value_inside_its_formula(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "S"
    for i in range(1, 6):
        ws[f"B{i}"], ws[f"C{i}"] = i, 2 * i
    for ref, (formula, _) in CELLS.items():
        ws[ref] = formula
    wb.save(tmp_path / "p.xlsx")
    args = ["recalc", str(tmp_path / "p.xlsx"), "--engine", "embedded", "--output-dir", str(tmp_path / "o"), "--json"]
    cli.main(args)
    (report,) = json.loads(capsys.readouterr().out)["files"]
    assert report["status"] == "ok"
    assert [(e["address"], e["error"]) for e in report["errors"]] == [("S!A12", "#NAME?")]
    assert report["errors"][0]["reason"].startswith("CONCAT is stored without Excel's _xlfn. prefix")
    values = openpyxl.load_workbook(tmp_path / "o" / "p.xlsx", data_only=True)["S"]
    assert {ref: values[ref].value for ref in CELLS} == {ref: value for ref, (_, value) in CELLS.items()}
