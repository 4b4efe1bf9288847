"""A #DIV/0! of a formula the user typed (over a tracker's rate, or of their own) names the cell it divides by.

Before: ``=D4/Z4`` typed over Customers!F4, over a blank Z4, was listed with an empty reason (no
xl-retention function gives one there). Now the divisor is the reason, passed on to the cells reading it. On a sheet
of the user's own too (H199's finding 06: the README's "the cell a division reads as 0" was given on a tracker's
sheets only), while the console prints every such division as one line (test_workbook_partial4).
"""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl

from xl_retention import cli
from xl_retention.workbook import build_template

CUSTOMERS = {"B2": 100, "C2": 10, "D2": 105, "C3": 5, "D3": 100, "C4": 8, "D4": 101, "C5": 4, "D5": 99}


def _errors(tmp_path: Path, capsys, wb: openpyxl.Workbook) -> dict[str, tuple[str, str]]:
    path = tmp_path / "edited.xlsx"
    wb.save(path)
    capsys.readouterr()
    cli.main(["recalc", str(path), "--engine", "embedded", "--json", "--output-dir", str(tmp_path / "out")])
    (report,) = json.loads(capsys.readouterr().out)["files"]
    return {e["address"]: (e["error"], e["reason"]) for e in report["errors"]}


def test_a_rate_typed_over_names_the_cell_it_divides_by(tmp_path, capsys):
    wb = openpyxl.load_workbook(build_template(tmp_path / "t.xlsx", start="2026-01", months=4))
    ws = wb["Customers"]
    for ref, value in CUSTOMERS.items():
        ws[ref] = value
    ws["F3"], ws["F4"], ws["L2"] = "=D3/0", "=D4/$Z4", "=F4*2"
    errors = _errors(tmp_path, capsys, wb)
    assert errors["Customers!F3"] == ("#DIV/0!", "")  # the number 0 written: the workbook's own (test_recalc_forms)
    why = "Customers!F4: the formula divides by Customers!Z4, which is blank (#DIV/0!)"
    assert errors["Customers!F4"] == ("#DIV/0!", why)
    assert errors["Customers!L2"] == ("#DIV/0!", f"{why}, from Customers!F4")


def test_a_users_own_ratio_on_a_sheet_of_their_own_names_its_divisor(tmp_path, capsys):
    wb = openpyxl.Workbook()
    wb.active.title = "Sums"
    wb["Sums"]["A1"], wb["Sums"]["B1"] = "Visits", 0
    mine = wb.create_sheet("My Data")
    mine["A1"], mine["A2"], mine["A3"] = 5, "=A1/'Sums'!$B$1", "=A1/(A1-5)"  # A3: no single cell: no reason
    errors = _errors(tmp_path, capsys, wb)
    assert errors == {
        "'My Data'!A2": ("#DIV/0!", "'My Data'!A2: the formula divides by Sums!B1, which is 0 (#DIV/0!)"),
        "'My Data'!A3": ("#DIV/0!", ""),
    }


def test_a_kpi_sheet_names_the_0_and_the_blank_it_divides_by(tmp_path, capsys):
    """H199's finding 06: B3 =B1/B2 over a typed 0, B5 =B1/B4 over a blank, B6 =B3*12 were listed with reason ''."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Model"
    ws["B1"], ws["B2"], ws["B3"], ws["B5"], ws["B6"] = 1200, 0, "=B1/B2", "=B1/B4", "=B3*12"
    errors = _errors(tmp_path, capsys, wb)
    zero = "Model!B3: the formula divides by Model!B2, which is 0 (#DIV/0!)"
    assert errors == {
        "Model!B3": ("#DIV/0!", zero),
        "Model!B5": ("#DIV/0!", "Model!B5: the formula divides by Model!B4, which is blank (#DIV/0!)"),
        "Model!B6": ("#DIV/0!", zero + ", from Model!B3"),
    }
    cli.main(["recalc", str(tmp_path / "edited.xlsx"), "--engine", "embedded", "--output-dir", str(tmp_path / "o")])
    lines = [line for line in capsys.readouterr().out.splitlines() if "#DIV/0!" in line]
    assert lines == [
        f"{tmp_path / 'edited.xlsx'}: Model!B3, Model!B5:B6 (3 cells) = #DIV/0!: formulas divide by a cell holding 0 "
        "or blank: Model!B2, which is 0; Model!B4, which is blank"
    ]
