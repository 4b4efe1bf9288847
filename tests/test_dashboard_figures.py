"""The Dashboard's latest figures: a shop's purchases and visits figures beside the subscription ones."""

from __future__ import annotations

import datetime as dt

import openpyxl

from xl_retention.recalculation import recalc_file
from xl_retention.workbook import build_template


def test_a_shops_repeat_returning_and_visitor_rates_are_on_the_dashboard(tmp_path):
    """H54 14: a shop owner (orders and visits only) saw nothing of theirs on the Dashboard -> the latest repeat
    purchase, returning customer and returning visitor rates, each with its month, are beside the latest figures
    (E3:G6); blank until there is data."""
    empty = build_template(tmp_path / "empty.xlsx", start="2026-01", months=4)
    assert recalc_file(empty, tmp_path / "empty.recalc.xlsx").status == "ok"
    ws = openpyxl.load_workbook(tmp_path / "empty.recalc.xlsx", data_only=True)["Dashboard"]
    assert [ws[f"E{r}"].value for r in range(3, 7)] == [
        "Purchases and visits",
        "Repeat purchase rate",
        "Returning customer rate",
        "Returning visitor rate",
    ]
    assert [ws[f"{c}{r}"].value for r in range(4, 7) for c in "FG"] == [None] * 6
    shop = build_template(tmp_path / "shop.xlsx", start="2026-01", months=4, inputs={"Purchases and visits": {
        "buyers": [2, 4, 5], "returning": [0, 1, 2], "repeat": [0, 2, 1],
        "visitors": [10, 8], "returning_visitors": [0, 2]}})  # fmt: skip
    assert recalc_file(shop, tmp_path / "shop.recalc.xlsx").status == "ok"
    ws = openpyxl.load_workbook(tmp_path / "shop.recalc.xlsx", data_only=True)["Dashboard"]
    # March: 1 of 5 buyers ordered twice, 2 of 5 had ordered before; visits: February, 2 of 8 returning
    assert [ws[f"F{r}"].value for r in range(4, 7)] == [0.2, 0.4, 0.25]
    assert [ws[f"G{r}"].value for r in range(4, 7)] == [dt.datetime(2026, 3, 1)] * 2 + [dt.datetime(2026, 2, 1)]
    assert ws["F4"].number_format == "0.0%" and ws["G4"].number_format == "mmm yyyy"


def test_a_negative_customers_at_end_is_no_latest_figure_and_a_clv_error_keeps_its_month(tmp_path):
    """-5 typed as February's customers at end was the Dashboard's latest figure while the rates beside it were
    #NUM! -> B4 shows that month's #NUM! (its Lost's error, whose reason recalc lists); a lifetime value in error
    (gross margin 7) showed #NUM! as its month too -> C9 is the month of the churn it read."""
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=3, inputs={
        "Customers": {"start": [10], "gained": [2, 1], "end": [3, -5]},
        "Revenue": {"start": [100], "new": [10, 5], "churned": [20, 5]}})  # fmt: skip
    wb = openpyxl.load_workbook(path)
    wb["Lifetime value"]["B4"] = 7
    wb.save(path)
    result = recalc_file(path, tmp_path / "r.xlsx")
    assert result.status == "ok"
    assert "Customers!E3" in [issue.address for issue in result.errors]
    ws = openpyxl.load_workbook(tmp_path / "r.xlsx", data_only=True)["Dashboard"]
    assert (ws["B4"].value, ws["C4"].value) == ("#NUM!", dt.datetime(2026, 2, 1))
    assert (ws["B9"].value, ws["C9"].value) == ("#NUM!", dt.datetime(2026, 1, 1))  # January: the last churn rate
    wb = openpyxl.load_workbook(path)
    wb["Customers"]["D3"], wb["Lifetime value"]["B4"] = 3, 0.5
    wb.save(path)
    assert recalc_file(path, tmp_path / "ok.xlsx").status == "ok"
    ws = openpyxl.load_workbook(tmp_path / "ok.xlsx", data_only=True)["Dashboard"]
    assert (ws["B4"].value, ws["C4"].value) == (3, dt.datetime(2026, 2, 1))
    assert isinstance(ws["B9"].value, float) and ws["C9"].value == dt.datetime(2026, 2, 1)
