"""Lifetime value!B5, the average churn of the last 12 months with a churn rate, is the error of a month among them
whose churn rate is an error, and C5 names its cell.

Before: AVERAGEIFS left the month in error out (a count typed as 'n/a', a month's row deleted: #REF!) and averaged
the other months, so B5, the customer lifetime (B7) and the CLV (B8) showed numbers with no sign that a month was
missing, while the Dashboard said "see Customers!G10" for the same month. A month in error before the last 12 is still
left out, as before.
"""

from __future__ import annotations

import pytest
from typed_tracker import recalculated

from xl_retention.workbook import build_template

#: 15 months from 100 customers: 10 gained and 4 more at the end each month (6 lost)
MONTHS = 15


def _typed(bad_row: int | None) -> dict[str, dict[str, object]]:
    customers: dict[str, object] = {"B2": 100}
    for row in range(2, 2 + MONTHS):
        customers[f"C{row}"], customers[f"D{row}"] = 10, 100 + 4 * (row - 1)
    if bad_row is not None:
        customers[f"C{bad_row}"] = "n/a"  # that month's gained: its rates are #VALUE!, its end still a number
    return {"Customers": customers, "Lifetime value": {"B3": 50, "B4": 0.8}}


def _churn(row: int) -> float:
    start = 100 + 4 * (row - 2)
    return 6 / start


def test_a_month_in_error_among_the_last_12_is_that_error_named(tmp_path):
    path = build_template(tmp_path / "t.xlsx", start="2025-01", months=MONTHS)
    wb = recalculated(path, _typed(10))  # September 2025, the 6th of the last 12 months
    ws = wb["Lifetime value"]
    assert wb["Customers"]["G10"].value == "#VALUE!"
    assert ws["B5"].value == "#VALUE!" and ws["B7"].value == "#VALUE!" and ws["B8"].value == "#VALUE!"
    assert ws["C5"].value == (
        "see Customers!C10: a churn rate of the last 12 months is an error from that cell "
        "(blank, text that is no number, an error, or figures that cannot be); fill or correct it there."
    )
    assert ws["C7"].value == "No value: the monthly churn (B5) is an error: C5 says where."  # was empty (H474)
    assert ws["C8"].value == "No value: the monthly churn (B5) is an error: C5 says where."
    assert wb["Dashboard"]["B9"].value == "see 'Lifetime value'!B8"


@pytest.mark.parametrize("bad_row", [None, 3])
def test_a_month_in_error_before_the_last_12_is_left_out(tmp_path, bad_row):
    path = build_template(tmp_path / "t.xlsx", start="2025-01", months=MONTHS)
    ws = recalculated(path, _typed(bad_row))["Lifetime value"]
    want = sum(_churn(row) for row in range(5, 2 + MONTHS)) / 12  # April 2025 to March 2026
    assert ws["B5"].value == pytest.approx(want, rel=1e-12)
    assert ws["C5"].value is None and ws["C8"].value is None
    assert ws["B8"].value == pytest.approx(50 * 0.8 * 1.01 / (0.01 + want), rel=1e-12)


def test_an_earlier_trackers_churn_and_notes_are_brought_up_to_it(tmp_path, capsys):
    import openpyxl

    from xl_retention import cli
    from xl_retention.workbook.sheets import CHURN_12, LIFETIME_NOTE_C5, LIFETIME_NOTE_C7, LIFETIME_NOTE_C8
    from xl_retention.workbook.upgrade import LIFETIME_EARLIER

    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=3)
    wb = openpyxl.load_workbook(path)
    ws = wb["Lifetime value"]
    for ref in ("B5", "C7", "C8"):
        ws[ref] = LIFETIME_EARLIER[ref][-1]  # as the template wrote them until 2026-12-02
    ws["C5"] = None
    wb.save(path)
    assert cli.main(["extend", str(path), "--months", "1"]) == 0
    out = capsys.readouterr().out
    assert all(f"'Lifetime value'!{ref}" in out for ref in ("B5", "C5", "C7", "C8"))
    ws = openpyxl.load_workbook(path)["Lifetime value"]
    assert [ws[ref].value for ref in ("B5", "C5", "C7", "C8")] == [
        CHURN_12, LIFETIME_NOTE_C5, LIFETIME_NOTE_C7, LIFETIME_NOTE_C8
    ]  # fmt: skip


def test_the_note_follows_a_renamed_customers_sheet(tmp_path):
    import openpyxl
    from test_workbook_renamed_see_texts import _renamed_as_excel_does  # Customers -> Kunden, Lifetime value -> CLV

    from xl_retention import cli

    made = build_template(tmp_path / "made.xlsx", start="2026-01", months=3)
    tracker = _renamed_as_excel_does(made, tmp_path / "tracker.xlsx")
    assert cli.main(["extend", str(tracker), "--months", "1"]) == 0
    assert '"see Kunden!"&ADDRESS(' in openpyxl.load_workbook(tracker)["CLV"]["C5"].value
