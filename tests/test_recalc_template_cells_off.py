"""The template's formulas cleared (Delete over the hidden helper columns) or rewired by cells moved: recalc names them.

Before: Customers!H2:K4 cleared gave ok with #DIV/0! without a reason and a Dashboard sending the user to a right cell
(H201's finding 06); February's figures moved to March's row (cut and paste: the spreadsheet re-points the formulas
reading them, as LibreOffice did in the finding) gave February a lost, CRR and churn computed from March's figures,
under ok (H201's finding 02). Both are now named and the file is incomplete.
"""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl

from xl_retention import cli
from xl_retention.workbook import build_template
from xl_retention.workbook.template_cells import template_cells_off

TYPED = {"B2": 500, "C2": 40, "D2": 520, "C4": 35, "D4": 530}  # February (row 3) left blank, March in row 4


def _tracker(tmp_path: Path, change) -> Path:
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=4)
    wb = openpyxl.load_workbook(path)
    for ref, value in TYPED.items():
        wb["Customers"][ref] = value
    change(wb["Customers"])
    wb.save(path)
    return path


def _recalc(tmp_path: Path, capsys, path: Path) -> dict:
    cli.main(["recalc", str(path), "--engine", "embedded", "--json", "--output-dir", str(tmp_path / "out")])
    (report,) = json.loads(capsys.readouterr().out)["files"]
    return report


def _clear_helpers(ws) -> None:
    for row in range(2, 6):
        for column in "HIJK":
            ws[f"{column}{row}"] = None


def _move_february_to_march(ws) -> None:
    # what a cut of C3:D3 pasted at C4:D4 does to the formulas of row 3 that read them: they follow the cells
    for ref in ("B3", "E3", "F3", "G3"):
        ws[ref] = ws[ref].value.replace("D3", "D4").replace("C3", "C4")


def test_cleared_helper_formulas_are_named_and_not_ok(tmp_path, capsys):
    report = _recalc(tmp_path, capsys, _tracker(tmp_path, _clear_helpers))
    assert report["status"] == "incomplete"
    assert report["message"] == (
        "t.xlsx: 16 cells of the tracker's formulas are blank (cleared?): Customers!H2 (Customers at end (chart)), "
        "Customers!I2 (CRR (chart)), Customers!J2 (Churn rates so far), ... (13 more): the Dashboard and the lifetime "
        "value read them (the hidden columns too); copy the column's formula from another month's row into each, or "
        "from a new tracker (xl-retention new) where every month's is cleared, or run xl-retention upgrade on the "
        "workbook, which puts the template's formulas back there (your values are kept)"
    )


def test_formulas_rewired_by_moved_cells_are_named_and_not_ok(tmp_path, capsys):
    report = _recalc(tmp_path, capsys, _tracker(tmp_path, _move_february_to_march))
    assert report["status"] == "incomplete"
    assert report["message"] == (
        "t.xlsx: 4 of the tracker's formulas read other months than their own row's (cells moved, or inserted or "
        "deleted shifting cells down or up? the spreadsheet re-points the formulas that read them): Customers!B3 "
        "(Customers at start) reads C4, D4 (not C3, D3); Customers!E3 (Lost) reads D4, C4 (not D3, C3); Customers!F3 "
        "(Retention (CRR)) reads D4, C4 (not D3, C3); ... (1 more): those months' figures are read from the wrong "
        "months; check that each month's figures are in its own row, then copy each column's formula from an "
        "untouched month's row over those cells, or run xl-retention upgrade on the workbook, which puts the "
        "template's formulas back there (your values are kept)"
    )


def test_the_templates_formulas_and_the_users_own_are_not_named(tmp_path, capsys):
    def own(ws):
        ws["L1"], ws["L2"] = "Note", "=C2+D2"  # a column of the user's own
        ws["E4"] = "=D4-C4"  # a formula of the user's own over the template's (another shape): not a moved cell

    path = _tracker(tmp_path, own)
    assert template_cells_off(path) is None
    assert template_cells_off(build_template(tmp_path / "fresh.xlsx", start="2026-01", months=24)) is None
