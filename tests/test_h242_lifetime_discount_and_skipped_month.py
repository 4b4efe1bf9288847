"""Lifetime value: a discount rate of 1 typed for 1% a month (H242's finding 05), and the note of a month skipped
(H242's finding 06).

05: the sheet's notes say the discount rate is "(1% or 0.01, not 1 or 10)", yet 1 was taken as 100% a month: CLV
18.8874 x 2 / 1.0528 = 35.88 where 1% gives 303.59, on the Dashboard too, under status ok and with no note. It is now
outside the rate's range as 10 is: B8 #NUM!, C8 naming B6, the Dashboard sending to B8. 0.01 still gives 303.59.
06: October left blank between September and November: C5 said "see Customers!D4: ... is an error, which starts in
that cell; correct it there." of the blank D4; it now says what such a cell may be (blank among them)."""

from __future__ import annotations

import openpyxl
import pytest

from xl_retention.recalculation import recalc_file
from xl_retention.workbook import build_template

MONTHS = [(137, 2421), (141, 2436), (129, 2440), (145, 2451)]  # Aug-Nov 2026: gained, at end
MOVES = [[4180, 1240, 310, 620, 3410], [4650, 980, 0, 450, 3120], [3380, 1510, 220, 780, 2940],
         [5020, 1130, 150, 540, 3870]]  # fmt: skip
DISCOUNT_NOTE = "No value: the discount rate (B6) is a monthly rate from 0 to 1 (1% or 0.01, not 1 or 10)."


def _lifetime(tmp_path, discount: object) -> tuple[object, ...]:
    path = build_template(tmp_path / "w.xlsx", start="2026-08", months=6)
    wb = openpyxl.load_workbook(path)
    customers, revenue, lifetime = wb["Customers"], wb["Revenue"], wb["Lifetime value"]
    customers["B2"], revenue["B2"] = 2412, 52310
    for row, ((gained, end), moves) in enumerate(zip(MONTHS, MOVES, strict=True), start=2):
        customers[f"C{row}"], customers[f"D{row}"] = gained, end
        for column, amount in zip("CDEFG", moves, strict=True):
            revenue[f"{column}{row}"] = amount
    lifetime["B4"], lifetime["B6"] = 0.78, discount
    wb.save(path)
    report = recalc_file(path, tmp_path / "out.xlsx")
    done = openpyxl.load_workbook(report.output, data_only=True)
    lifetime, dashboard = done["Lifetime value"], done["Dashboard"]
    reasons = {issue.address: issue.reason for issue in report.errors}
    if lifetime["B8"].value == "#NUM!":  # listed with a reason, its note's or CLV's naming B6
        assert "discount" in reasons["'Lifetime value'!B8"] and "B6" in reasons["'Lifetime value'!B8"], reasons
    return lifetime["B8"].value, lifetime["C8"].value, dashboard["B9"].value


@pytest.mark.parametrize("discount", [1, "1", "100%", 10])
def test_a_discount_rate_of_1_or_more_is_no_monthly_rate(tmp_path, discount):
    assert _lifetime(tmp_path, discount) == ("#NUM!", DISCOUNT_NOTE, "see 'Lifetime value'!B8")


def test_a_discount_rate_of_1_percent_gives_the_clv(tmp_path):
    margin = 59350 / 2451 * 0.78
    churn = (128 / 2412 + 126 / 2421 + 125 / 2436 + 134 / 2440) / 4
    clv, note, shown = _lifetime(tmp_path, 0.01)
    assert clv == pytest.approx(margin * 1.01 / (0.01 + churn), abs=1e-9)
    assert round(clv, 2) == 303.59
    assert (note, shown) == (None, clv)


def test_a_skipped_month_is_not_called_an_error_to_correct(tmp_path):
    path = build_template(tmp_path / "w.xlsx", start="2026-08", months=6)
    wb = openpyxl.load_workbook(path)
    customers = wb["Customers"]
    customers["B2"] = 2412
    for row, (gained, end) in zip((2, 3, 5), (MONTHS[0], MONTHS[1], MONTHS[3]), strict=True):  # October (row 4) skipped
        customers[f"C{row}"], customers[f"D{row}"] = gained, end
    wb.save(path)
    done = openpyxl.load_workbook(recalc_file(path, tmp_path / "out.xlsx").output, data_only=True)
    assert done["Customers"]["D4"].value is None
    assert done["Lifetime value"]["C5"].value == (
        "see Customers!D4: a churn rate of the last 12 months is an error from that cell (blank, text that is no "
        "number, an error, or figures that cannot be); fill or correct it there."
    )
