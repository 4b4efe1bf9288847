"""The Lifetime value notes C5 and C8 entered as one-cell array formulas are brought back plain (H315's finding 01).

Ctrl+Shift+Enter in Excel, or an export writing every formula as an array formula, leaves C5 and C8 as {=...} with
the template's text: the embedded engine refused them as longer than it reads (the plain ones are computed), the note
naming Customers!D9 was lost, recalc advised to "split it over several cells" (a template formula) and upgrade said
nothing was to change. upgrade now writes them back plain, and recalc's reason says to run it.
"""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest
from openpyxl.worksheet.formula import ArrayFormula

from xl_retention import cli
from xl_retention.workbook import build_template

NOTE = (
    "see Customers!D9: a churn rate of the last 12 months is an error from that cell (blank, text that is no number, "
    "an error, or figures that cannot be); fill or correct it there."
)


def _tracker(tmp_path: Path) -> Path:
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=12)
    wb = openpyxl.load_workbook(path)
    customers = wb["Customers"]
    customers["B2"] = 1000
    typed = [(150, 1080), (120, 1150), (100, 1190), (95, 1220), (80, 1240), (90, 1262), (70, 1270), (60, None)]
    for row, (gained, end) in enumerate(typed, start=2):
        customers[f"C{row}"] = gained
        if end is not None:  # August: gained typed, customers at end not yet
            customers[f"D{row}"] = end
    lifetime = wb["Lifetime value"]
    lifetime["B4"] = 0.7
    for ref in ("C5", "C8"):
        lifetime[ref].value = ArrayFormula(ref, lifetime[ref].value)  # the same formula, as an array formula
    wb.save(path)
    return path


def _recalc(path: Path, capsys: pytest.CaptureFixture[str]) -> dict:
    cli.main(["recalc", str(path), "--output-dir", str(path.parent / "out"), "--json"])
    return json.loads(capsys.readouterr().out)["files"][0]


def test_recalc_says_to_run_upgrade(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = _recalc(_tracker(tmp_path), capsys)
    reasons = {u["address"]: u["reason"] for u in report["unsupported"]}
    advice = (
        "it is the template's own formula, which is computed as a plain formula (this one is entered as an array "
        "formula?): run xl-retention upgrade on the tracker, which writes it back plain"
    )
    assert advice in reasons["'Lifetime value'!C5"]
    assert "split it over several cells" not in reasons["'Lifetime value'!C5"]


def test_upgrade_writes_them_back_plain(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _tracker(tmp_path)
    assert cli.main(["upgrade", str(path)]) == 0
    assert "'Lifetime value'!C5, 'Lifetime value'!C8" in capsys.readouterr().out
    lifetime = openpyxl.load_workbook(path)["Lifetime value"]
    assert all(isinstance(lifetime[ref].value, str) for ref in ("C5", "C8"))
    report = _recalc(path, capsys)
    assert report["unsupported"] == []
    out = openpyxl.load_workbook(tmp_path / "out" / "t.xlsx", data_only=True)["Lifetime value"]
    assert out["C5"].value == NOTE
