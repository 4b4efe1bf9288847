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


@pytest.mark.parametrize("months", [4, 11])
def test_customers_at_end_pasted_as_text_still_count_for_customers_last_month(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], months: int
) -> None:
    """H557's finding 01: a customers-at-end pasted as text ('425', which the tracker reads as its number) was left
    out of COUNT(Customers_End), so Customers' last month was found one month early per such count: with 4 months
    C3 and the Dashboard's E9 said nothing (Customers "ran" to March, Revenue's month), with 11 and two such counts
    they named 2026-09 for 2026-11. Now the month is the last with a customers-at-end, typed or pasted."""
    path = _tracker(tmp_path, months)
    wb = openpyxl.load_workbook(path)
    wb["Customers"]["D3"] = "425"
    if months == 11:
        wb["Customers"]["D6"] = "470"
    wb.save(path)
    wb = _recalc(path, capsys)
    last = "2026-04" if months == 4 else "2026-11"
    assert wb["Lifetime value"]["C3"].value == (
        "Default: the last month's MRR at end / customers at end (here 2026-03's: Revenue stops there, Customers runs "
        f"to {last}). Type your own figure over it to keep it."
    )
    assert wb["Dashboard"]["E9"].value == "The CLV's ARPA is 2026-03's: Revenue stops there (see 'Lifetime value'!B3)"


def test_upgrade_replaces_the_note_that_counted_typed_counts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A tracker of the version before (C3 and the Dashboard's E9 finding Customers' last month by COUNT) is upgraded
    to this version's notes in place."""
    from xl_retention.workbook.figure_notes import ARPA_NOTE
    from xl_retention.workbook.lifetime_arpa import counted

    path = _tracker(tmp_path, 11)
    wb = openpyxl.load_workbook(path)
    assert counted(LIFETIME_NOTE_C3) != LIFETIME_NOTE_C3 and counted(ARPA_NOTE) != ARPA_NOTE
    wb["Lifetime value"]["C3"] = counted(LIFETIME_NOTE_C3)
    wb["Dashboard"]["E9"] = counted(ARPA_NOTE)
    wb.save(path)
    assert cli.main(["upgrade", str(path)]) == 0
    capsys.readouterr()
    upgraded = openpyxl.load_workbook(path)
    assert upgraded["Lifetime value"]["C3"].value == LIFETIME_NOTE_C3
    assert upgraded["Dashboard"]["E9"].value == ARPA_NOTE
