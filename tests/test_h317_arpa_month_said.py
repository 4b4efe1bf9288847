"""The lifetime value's ARPA of an earlier month than Customers' last is named with its month (H315's finding 02).

Revenue kept Jan-Mar 2026, Customers Jan-Nov 2026: the default ARPA (Lifetime value!B3) is March's MRR at end /
March's customers at end, 23,130 / 436 = 53.05, and the CLV beside November's churn (the Dashboard's, dated Nov 2026:
828.78) said nothing of it; C3 said only "Default: the last month's MRR at end / customers at end". It now names the
ARPA's month and how far Customers runs. upgrade puts the note in a tracker holding the text before.
"""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from xl_retention import cli
from xl_retention.workbook import build_template
from xl_retention.workbook.lifetime_value import LIFETIME_NOTE_C3, LIFETIME_NOTE_C3_TEXT

ENDS = [410, 425, 436, 450, 470, 488, 505, 530, 548, 570, 590]
GAINED = [30, 35, 28, 32, 38, 36, 34, 42, 35, 40, 38]
REVENUE = [(1500, 300, 100, 600), (1700, 250, 150, 700), (1400, 200, 120, 550)]
PLAIN = "Default: the last month's MRR at end / customers at end. Type your own figure over it to keep it."


def _tracker(tmp_path: Path, customer_months: int) -> Path:
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=12)
    wb = openpyxl.load_workbook(path)
    customers, revenue = wb["Customers"], wb["Revenue"]
    customers["B2"], revenue["B2"] = 400, 20000
    for i in range(customer_months):
        customers[f"C{2 + i}"], customers[f"D{2 + i}"] = GAINED[i], ENDS[i]
    for i, (new, expansion, contraction, churned) in enumerate(REVENUE):
        row = 2 + i
        revenue[f"C{row}"], revenue[f"D{row}"], revenue[f"F{row}"], revenue[f"G{row}"] = (
            new,
            expansion,
            contraction,
            churned,
        )
    wb["Lifetime value"]["B4"] = 0.75
    wb.save(path)
    return path


def _recalc(path: Path, capsys: pytest.CaptureFixture[str]) -> openpyxl.Workbook:
    code = cli.main(["recalc", str(path), "--output-dir", str(path.parent / "out"), "--json"])
    report = json.loads(capsys.readouterr().out)["files"][0]
    assert (code, report["status"]) == (0, "ok"), report
    return openpyxl.load_workbook(path.parent / "out" / path.name, data_only=True)


def test_arpa_of_march_beside_november_names_its_month(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    wb = _recalc(_tracker(tmp_path, 11), capsys)
    lifetime = wb["Lifetime value"]
    assert lifetime["B3"].value == pytest.approx(23130 / 436, rel=1e-12)
    assert lifetime["C3"].value == (
        "Default: the last month's MRR at end / customers at end (here 2026-03's: Revenue stops there, Customers runs "
        "to 2026-11). Type your own figure over it to keep it."
    )
    assert wb["Dashboard"]["C9"].value.strftime("%Y-%m") == "2026-11"


def test_same_last_month_keeps_the_plain_note(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    wb = _recalc(_tracker(tmp_path, 3), capsys)
    assert wb["Lifetime value"]["B3"].value == pytest.approx(23130 / 436, rel=1e-12)
    assert wb["Lifetime value"]["C3"].value == PLAIN


def test_upgrade_puts_the_note_in_place_of_the_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert LIFETIME_NOTE_C3_TEXT == PLAIN
    path = _tracker(tmp_path, 11)
    wb = openpyxl.load_workbook(path)
    wb["Lifetime value"]["C3"] = PLAIN  # the template before
    wb.save(path)
    assert cli.main(["upgrade", str(path)]) == 0
    capsys.readouterr()
    assert openpyxl.load_workbook(path)["Lifetime value"]["C3"].value == LIFETIME_NOTE_C3
