"""A fit written from Python as a plain formula (openpyxl's ws["K1"] = "=SBG_FIT(B1:I1)") is a one-cell formula: its
first value (alpha) alone, L1:M1 blank, K1# #REF!. The reasons sent the user to L1 ("S!L1 is blank") or gave none
(=INDEX(K1#,1,2)); they now say that K1 holds a fit saved as a one-cell formula and how to write it so that it fills
its row (H296's finding 03)."""

from __future__ import annotations

import json

import openpyxl
import pytest
from openpyxl.worksheet.formula import ArrayFormula

from xl_retention import cli

WHY = (
    "S!K1 holds SBG_FIT, which gives 3 values in a row (alpha, beta, log_likelihood), as a one-cell formula (saved "
    'without Excel\'s dynamic-array flag, as openpyxl writes ws["K1"] = "=SBG_FIT(B1:I1)"), so it shows the first '
    'alone and spills nothing: write it as an array formula over K1:M1 (openpyxl: ws["K1"] = ArrayFormula("K1:M1", '
    '"=SBG_FIT(B1:I1)")), or take each value with INDEX(SBG_FIT(B1:I1),1,k)'
)


def _recalc(tmp_path, capsys, array: bool) -> dict:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "S"
    for j, v in enumerate([1000, 631, 468, 382, 326, 289, 262, 241]):
        ws.cell(1, 2 + j, v)
    ws["K1"] = ArrayFormula("K1:M1", "=SBG_FIT(B1:I1)") if array else "=SBG_FIT(B1:I1)"
    ws["B5"] = "=SBG_SURVIVAL(K1,L1,3)"
    ws["B6"] = "=SBG_SURVIVAL(K1#,L1,3)"
    ws["B7"] = "=INDEX(K1#,1,2)"
    ws["B8"] = "=INDEX(SBG_FIT(B1:I1),1,2)"
    wb.save(tmp_path / "plain.xlsx")
    capsys.readouterr()
    cli.main(["recalc", str(tmp_path / "plain.xlsx"), "--json", "--output-dir", str(tmp_path / "out")])
    return json.loads(capsys.readouterr().out)["files"][0]


def test_the_reasons_name_the_one_cell_fit(tmp_path, capsys) -> None:
    report = _recalc(tmp_path, capsys, array=False)
    reasons = {e["address"]: e["reason"] for e in report["errors"]}
    assert reasons == {
        "S!B5": f"SBG_SURVIVAL: beta blank while other inputs are not: S!L1 is blank: {WHY} (#VALUE!)",
        "S!B6": f"SBG_SURVIVAL: alpha is the error value #REF! of S!K1#, because S!K1# is no spill range: {WHY} "
        "(#VALUE!)",
        "S!B7": f"S!K1# is no spill range: {WHY} (#REF!)",
    }
    values = openpyxl.load_workbook(tmp_path / "out" / "plain.xlsx", data_only=True)["S"]
    assert values["K1"].value == pytest.approx(0.7040766979797049, rel=1e-6)
    assert values["B8"].value == pytest.approx(1.1820430148283364, rel=1e-6)


def test_the_array_formula_fills_its_row(tmp_path, capsys) -> None:
    report = _recalc(tmp_path, capsys, array=True)
    assert report["errors"] == []
    values = openpyxl.load_workbook(tmp_path / "out" / "plain.xlsx", data_only=True)["S"]
    assert [values[c].value for c in ("K1", "L1")] == pytest.approx([0.7040766979797049, 1.1820430148283364], rel=1e-6)
