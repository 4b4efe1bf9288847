"""H516's finding 03: a function newer than Excel 2007 written without its _xlfn. prefix (as openpyxl writes
=MODE.SNGL(..)) is Excel's #NAME?, whatever its arguments; given a 3-D reference (Jan:Mar!A1) it was listed instead
as 'the embedded engine cannot compute the reference across sheets Jan:Mar!A1 here', the file incomplete and the
cells left without a value: the reason sent the user to rewrite a reference that is not the cause. Now it is
#NAME? with the prefix reason, as =STDEV.S(Jan:Mar!A1) already was."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from xl_retention import cli

REASON = (
    "{name} is stored without Excel's _xlfn. prefix, which Excel reads as no function: #NAME? (a function newer than "
    "Excel 2007 is stored as _xlfn.{name}(...), as Excel writes it; with openpyxl write =_xlfn.{name}(...))"
)


def test_bare_newer_function_over_3d_reference_is_name_error(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "S"
    for i, name in enumerate(["Jan", "Feb", "Mar"], 1):
        wb.create_sheet(name)["A1"] = i
    ws["A1"] = "=MODE.SNGL(Jan:Mar!A1)"
    ws["A2"] = "=XLOOKUP(1,Jan:Mar!A1,Jan:Mar!A1)"
    ws["A3"] = "=CONCAT(Jan:Mar!A1)"
    ws["A4"] = "=STDEV.S(Jan:Mar!A1)"
    ws["A5"] = "=SUM(Jan:Mar!A1)"
    wb.save(tmp_path / "p.xlsx")
    cli.main(
        ["recalc", str(tmp_path / "p.xlsx"), "--engine", "embedded", "--output-dir", str(tmp_path / "o"), "--json"]
    )
    (report,) = json.loads(capsys.readouterr().out)["files"]
    assert report["status"] == "ok"
    assert report["unsupported"] == []
    names = {"S!A1": "MODE.SNGL", "S!A2": "XLOOKUP", "S!A3": "CONCAT", "S!A4": "STDEV.S"}
    assert {e["address"]: (e["error"], e["reason"]) for e in report["errors"]} == {
        cell: ("#NAME?", REASON.format(name=name)) for cell, name in names.items()
    }
    values = openpyxl.load_workbook(tmp_path / "o" / "p.xlsx", data_only=True)["S"]
    assert [values[f"A{r}"].value for r in range(1, 6)] == ["#NAME?"] * 4 + [6]
