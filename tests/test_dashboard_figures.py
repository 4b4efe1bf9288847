"""The Dashboard's latest figures: a shop's purchases and visits figures beside the subscription ones."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest

from xl_retention import cli
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
    #NUM!; then (e3dc0ed) B4 showed Lost's #NUM!, which recalc listed as "Dashboard!B4 = #NUM!" with no reason ->
    B4 says "below 0: -5" beside its month (the rates' #NUM! say why); a lifetime value in error (gross margin 7)
    was B9's #NUM! without a reason -> "see 'Lifetime value'!B8", and C9 is the month of the churn it read; no cell of
    the Dashboard in error."""
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=3, inputs={
        "Customers": {"start": [10], "gained": [2, 1], "end": [3, -5]},
        "Revenue": {"start": [100], "new": [10, 5], "churned": [20, 5]}})  # fmt: skip
    wb = openpyxl.load_workbook(path)
    wb["Lifetime value"]["B4"] = 7
    wb.save(path)
    result = recalc_file(path, tmp_path / "r.xlsx")
    assert result.status == "ok"
    errors = [issue.address for issue in result.errors]
    assert "Customers!E3" in errors and not [a for a in errors if a.startswith("Dashboard!")], errors
    ws = openpyxl.load_workbook(tmp_path / "r.xlsx", data_only=True)["Dashboard"]
    assert (ws["B4"].value, ws["C4"].value) == ("below 0: -5", dt.datetime(2026, 2, 1))
    # the churn it read (Lifetime value!B5) is February's #NUM! since 5f6d156: C9 is that month (was January, the
    # last month with a churn rate, which B5 no longer averages)
    assert (ws["B9"].value, ws["C9"].value) == ("see 'Lifetime value'!B8", dt.datetime(2026, 2, 1))
    assert ws.column_dimensions["B"].width >= len(ws["B9"].value)  # read whole, not cut by the month beside it
    wb = openpyxl.load_workbook(path)
    wb["Customers"]["D3"], wb["Lifetime value"]["B4"] = 3, 0.5
    wb.save(path)
    assert recalc_file(path, tmp_path / "ok.xlsx").status == "ok"
    ws = openpyxl.load_workbook(tmp_path / "ok.xlsx", data_only=True)["Dashboard"]
    assert (ws["B4"].value, ws["C4"].value) == (3, dt.datetime(2026, 2, 1))
    assert isinstance(ws["B9"].value, float) and ws["C9"].value == dt.datetime(2026, 2, 1)


def test_customers_or_mrr_at_end_below_0_is_no_point_of_the_charts_and_no_latest_figure(tmp_path):
    """Fault 1: -5 typed as March's customers at end was drawn by "Customers at end" as a point at -5 (its chart
    column held -5) while the month's rates were #NUM!; an MRR at end below 0 (churned 150 of 100) was drawn and
    was the Dashboard's latest MRR (-50) -> both chart columns hold #N/A there (a gap), B4 and B5 say "below 0"; a
    sum that is 0 but for float noise stays a point at 0."""
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=4, inputs={
        "Customers": {"start": [10], "gained": [2, 1, 1], "end": [9, 8, -5]},
        "Revenue": {"start": [100.3], "new": [0, 0, 10], "churned": [0.1, 100.2, 20]}})  # fmt: skip
    result = recalc_file(path, tmp_path / "r.xlsx")
    assert result.status == "ok"
    wb = openpyxl.load_workbook(tmp_path / "r.xlsx", data_only=True)
    assert [wb["Customers"][f"H{r}"].value for r in range(2, 6)] == [9, 8, "#N/A", None]
    mrr = [wb["Revenue"][f"P{r}"].value for r in range(2, 6)]
    assert mrr[0] == pytest.approx(100.2) and mrr[1] == pytest.approx(0, abs=1e-9) and mrr[2:] == ["#N/A", None]
    ws = wb["Dashboard"]
    assert (ws["B4"].value, ws["C4"].value) == ("below 0: -5", dt.datetime(2026, 3, 1))
    assert (ws["B5"].value, ws["C5"].value) == ("below 0: -10", dt.datetime(2026, 3, 1))


def test_import_into_a_tracker_drawing_negative_counts_brings_its_chart_columns_up_to_date(tmp_path):
    """A tracker made before this version (its "Customers at end (chart)" and "MRR at end (chart)" drew -5) gets the
    chart columns that leave a negative count out from import --into; a formula of the user's own there is kept."""
    path = build_template(tmp_path / "old.xlsx", start="2026-01", months=3)
    wb = openpyxl.load_workbook(path)
    for title, col, end in (("Customers", "H", "D"), ("Revenue", "P", "H")):
        for row in range(2, 5):  # this form: the chart columns of the template before the fix
            wb[title][f"{col}{row}"] = (
                f"=IF(ISNUMBER({end}{row}),{end}{row},IF(OR(ISERROR({end}{row}),AND(COUNT(${end}$2:{end}{row})>0,"
                f'COUNT(${end}:${end})>COUNT(${end}$2:{end}{row}))),NA(),""))'
            )
    wb["Customers"]["H4"] = "=D4*1"  # the user's own
    wb.save(path)
    csv = tmp_path / "s.csv"
    csv.write_text("customer_id,month,mrr\na,2026-01,100\nb,2026-01,50\na,2026-02,120\nc,2026-02,80\n")
    assert cli.main(["import", "--subscriptions", str(csv), "--into", str(path)]) == 0
    wb = openpyxl.load_workbook(path)
    # this version's chart columns, as a new tracker has them (a negative count is no point: ROUND(..)<0 is NA())
    fresh = openpyxl.load_workbook(build_template(tmp_path / "new.xlsx", start="2026-01", months=3))
    assert wb["Customers"]["H3"].value == fresh["Customers"]["H3"].value
    assert "ROUND(D3+0,6)<0,NA()" in wb["Customers"]["H3"].value
    assert wb["Revenue"]["P2"].value == fresh["Revenue"]["P2"].value and ",6)<0,NA()" in wb["Revenue"]["P2"].value
    assert wb["Customers"]["H4"].value == "=D4*1"
