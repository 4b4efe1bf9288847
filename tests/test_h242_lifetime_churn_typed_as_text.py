"""Lifetime value's churn (B5) with a month's churn rate typed over its formula as text (H242's finding 02): Nov's
'5.5%' pasted into Customers!G5 was left out of the average of the last 12 (AVERAGEIFS reads numbers only), B5 =
(128/2412 + 126/2421 + 125/2436) / 3 = 0.0521421 with C5 empty, the CLV 306.98 under status ok and the Dashboard
dating it Oct 2026. B5 is now #VALUE! with C5 naming Customers!G5 and the Dashboard dating the CLV Nov 2026; the rate
typed as the number 0.055 is counted ((0.053068 + 0.052045 + 0.051314 + 0.055) / 4 = 0.0528566)."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest

from xl_retention.recalculation import recalc_file
from xl_retention.workbook import build_template

MONTHS = [(137, 2421), (141, 2436), (129, 2440), (145, 2451)]  # Aug-Nov 2026: gained, at end
MOVES = [[4180, 1240, 310, 620, 3410], [4650, 980, 0, 450, 3120], [3380, 1510, 220, 780, 2940],
         [5020, 1130, 150, 540, 3870]]  # fmt: skip
RATES = [128 / 2412, 126 / 2421, 125 / 2436]


def _tracker(tmp_path, nov_churn: object):
    path = build_template(tmp_path / "w.xlsx", start="2026-08", months=6)
    wb = openpyxl.load_workbook(path)
    customers, revenue = wb["Customers"], wb["Revenue"]
    customers["B2"], revenue["B2"] = 2412, 52310
    for row, ((gained, end), moves) in enumerate(zip(MONTHS, MOVES, strict=True), start=2):
        customers[f"C{row}"], customers[f"D{row}"] = gained, end
        for column, amount in zip("CDEFG", moves, strict=True):
            revenue[f"{column}{row}"] = amount
    wb["Lifetime value"]["B4"] = 0.78
    if nov_churn is not None:
        customers["G5"] = nov_churn
    wb.save(path)
    return path


def _figures(tmp_path, nov_churn: object) -> tuple[object, ...]:
    report = recalc_file(_tracker(tmp_path, nov_churn), tmp_path / "out.xlsx")
    done = openpyxl.load_workbook(report.output, data_only=True)
    lifetime, dashboard = done["Lifetime value"], done["Dashboard"]
    return lifetime["B5"].value, lifetime["C5"].value, dashboard["B9"].value, dashboard["C9"].value


def test_a_churn_rate_typed_as_text_is_named_not_left_out(tmp_path):
    assert _figures(tmp_path, "5.5%") == (
        "#VALUE!",
        "see Customers!G5: that month's churn rate is the text '5.5%', typed over its formula, which the average does "
        "not read; copy the column's formula back there, or type the rate as a number.",
        "see 'Lifetime value'!B8",
        dt.datetime(2026, 11, 1),
    )


@pytest.mark.parametrize(
    ("nov_churn", "average"), [(None, (sum(RATES) + 134 / 2440) / 4), (0.055, (sum(RATES) + 0.055) / 4)]
)
def test_a_churn_rate_of_its_formula_or_typed_as_a_number_is_counted(tmp_path, nov_churn, average):
    churn, note, clv, month = _figures(tmp_path, nov_churn)
    assert churn == pytest.approx(average, abs=1e-12)
    assert note is None and isinstance(clv, float) and month == dt.datetime(2026, 11, 1)


def test_upgrade_brings_the_forms_that_left_the_text_out_up(tmp_path):
    from xl_retention.workbook import sheets  # noqa: PLC0415 (the earlier forms: new with the fix)
    from xl_retention.workbook.dashboard_upgrade import _current  # noqa: PLC0415
    from xl_retention.workbook.upgrade_file import upgrade_workbook  # noqa: PLC0415

    path = _tracker(tmp_path, "5.5%")
    wb = openpyxl.load_workbook(path)
    wb["Lifetime value"]["B5"] = sheets.CHURN_12_TEXT_SKIPPED
    wb["Lifetime value"]["C5"] = sheets.LIFETIME_NOTE_C5_TEXT_SKIPPED
    wb["Dashboard"]["C9"] = _current(text_said=False)["C9"]
    wb.save(path)
    upgrade_workbook(path)
    fresh = openpyxl.load_workbook(build_template(tmp_path / "fresh.xlsx", start="2026-08", months=6))
    upgraded = openpyxl.load_workbook(path)
    for sheet, ref in (("Lifetime value", "B5"), ("Lifetime value", "C5"), ("Dashboard", "C9")):
        assert upgraded[sheet][ref].value == fresh[sheet][ref].value, ref
