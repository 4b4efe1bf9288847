"""Lifetime value!B5 (the churn of the last 12 months with a churn rate) skipped a month with nothing typed between
them (H172 finding 01): May left blank, June's start typed over its formula (60) so that June had a rate, and B5 was
0.0481, the mean of January to April and June, silently. Now such a month makes B5 #N/A, C5 naming its customers at
end; a month whose rate is blank for its start of 0 (figures typed) is no such month, and months after the last rate
(not typed yet) are not either."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from xl_retention import cli
from xl_retention.recalculation import recalc_file
from xl_retention.workbook import build_template
from xl_retention.workbook.sheets import CHURN_12, CHURN_12_WITHOUT_GAPS

# start (first month, or typed over), gained, end: January to June
MONTHS = [(50, 5, 52), (None, 4, 53), (None, 6, 57), (None, 3, 58), (None, None, None), (60, 2, 59)]


def lifetime(tmp_path: Path, months: list[tuple], name: str = "t.xlsx") -> tuple[object, object]:
    path = build_template(tmp_path / name, start="2026-01", months=12)
    wb = openpyxl.load_workbook(path)
    ws = wb["Customers"]
    for row, (start, gained, end) in enumerate(months, start=2):
        if start is not None:
            ws[f"B{row}"] = start
        ws[f"C{row}"], ws[f"D{row}"] = gained, end
    wb.save(path)
    done = recalc_file(path, tmp_path / f"r_{name}")
    ws = openpyxl.load_workbook(done.output, data_only=True)["Lifetime value"]
    return ws["B5"].value, ws["C5"].value


def test_a_month_with_nothing_typed_between_the_rates_is_said(tmp_path):
    assert lifetime(tmp_path, MONTHS) == (
        "#N/A",
        "see Customers!D6: a month between the last 12 with a churn rate has no figures; type its customers gained "
        "and at end.",
    )


def test_may_typed_gives_the_average_of_six_months(tmp_path):
    """May 58 + 4 -> 60: churn (58 + 4 - 60) / 58; the mean of January's 3/50, February's 3/52, March's 2/53,
    April's 2/57, May's 2/58 and June's 3/60."""
    months = [*MONTHS[:4], (None, 4, 60), (None, 2, 59)]
    churn, note = lifetime(tmp_path, months)
    assert churn == pytest.approx((3 / 50 + 3 / 52 + 2 / 53 + 2 / 57 + 2 / 58 + 3 / 60) / 6) and note is None


def test_a_start_of_0_and_months_not_typed_yet_are_no_gap(tmp_path):
    """Every customer lost in March (end 0): April starts from 0, its rate blank, its figures typed (5 gained, 5 at
    end); May on are not typed yet. The churn averages January's 3/50, February's 3/52, March's 53/53 and May's."""
    months = [(50, 5, 52), (None, 4, 53), (None, 0, 0), (None, 5, 5), (None, 1, 5)]
    churn, note = lifetime(tmp_path, months)
    assert churn == pytest.approx((3 / 50 + 3 / 52 + 1 + 1 / 5) / 4) and note is None


def test_an_earlier_trackers_churn_is_brought_up(tmp_path, capsys):
    path = build_template(tmp_path / "old.xlsx", start="2026-01", months=3)
    wb = openpyxl.load_workbook(path)
    assert wb["Lifetime value"]["B5"].value == CHURN_12 != CHURN_12_WITHOUT_GAPS
    wb["Lifetime value"]["B5"] = CHURN_12_WITHOUT_GAPS
    wb.save(path)
    csv = tmp_path / "s.csv"
    csv.write_text("customer_id,month,mrr\na,2026-01,10\n")
    assert cli.main(["import", "--subscriptions", str(csv), "--into", str(path)]) == 0
    assert "'Lifetime value'!B5" in capsys.readouterr().out
    assert openpyxl.load_workbook(path)["Lifetime value"]["B5"].value == CHURN_12
