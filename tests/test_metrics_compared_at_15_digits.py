"""An impossible combination (customers at end above start + gained, below gained; lost MRR above start MRR; repeat
purchasers above the customers who bought) is found as Excel compares numbers, at 15 significant digits: a start of
``=0.29*100`` (28.999999999999996) with an end of 29 and no one gained, or a month's lost MRR summed in another order
than its start (199.60000000000002 against 199.6), were refused as #NUM! with "29 exceeds 29 + 0", "199.6 exceeds
199.6" (H225's findings 03 and 04). Such values are the same value; one above at 15 digits is still refused, named
with its digits."""

from __future__ import annotations

import openpyxl
import pandas as pd
import pytest

import xl_retention
import xl_retention as xr
from xl_retention.errors import OutOfRangeError

NEAR_29 = 0.29 * 100  # 28.999999999999996
START = 49.9 + 19.9 + 99.9 + 29.9  # 199.6
LOST = 29.9 + 99.9 + 19.9 + 49.9  # 199.60000000000002: the same plans, another order


def test_the_inputs_differ_in_binary() -> None:
    assert NEAR_29 < 29 and LOST > START


def test_customers() -> None:
    assert (xr.crr(29, 0, NEAR_29), xr.churn_rate(29, 0, NEAR_29), xr.customers_lost(29, 0, NEAR_29)) == (1, 0, 0)
    assert xr.crr(0.3, 0.1 + 0.2, 5) == 0.0  # end 0.3 below gained 0.30000000000000004 in binary only


def test_revenue() -> None:
    assert (xr.grr(LOST, START), xr.gross_revenue_churn(LOST, START)) == (0.0, 1.0)
    assert (xr.nrr(LOST, 0, START), xr.net_revenue_churn(LOST, 0, START)) == (0.0, 1.0)


def test_shares() -> None:
    assert xr.repeat_purchase_rate(0.1 + 0.2, 0.3) == 1.0


def test_series_and_arrays_alike() -> None:
    rates = xr.crr(pd.Series([29, 535], index=["a", "b"]), pd.Series([0, 75], index=["a", "b"]),
                   pd.Series([NEAR_29, 500], index=["a", "b"]))  # fmt: skip
    assert rates.to_dict() == {"a": 1.0, "b": 0.92}
    assert xr.grr([LOST, 50.0], [START, 100.0]).tolist() == [0.0, 0.5]


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: xr.crr(29.0000001, 0, 29), "customers_end (29.0000001) exceeds customers_start + customers_gained "
                                            "(29 + 0): customers lost would be negative"),
        (lambda: xr.grr(199.6000001, 199.6), "lost_mrr (199.6000001) exceeds start_mrr (199.6): customers cannot "
                                             "lose more MRR than they started with"),
        (lambda: xr.crr(2.9999999, 3, 10), "customers_end (2.9999999) is below customers_gained (3)"),
    ],
)  # fmt: skip
def test_values_apart_at_15_digits_are_refused_with_their_digits(call, message) -> None:
    with pytest.raises(OutOfRangeError) as caught:
        call()
    assert str(caught.value).startswith(message)


def test_recalc_writes_the_rates(tmp_path) -> None:
    book = tmp_path / "b.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    for row, (plan, order) in enumerate(zip([49.9, 19.9, 99.9, 29.9], [29.9, 99.9, 19.9, 49.9], strict=True), 1):
        ws.cell(row, 1, plan), ws.cell(row, 2, order)
    ws["A5"], ws["B5"], ws["C1"] = "=SUM(A1:A4)", "=SUM(B1:B4)", "=0.29*100"
    ws["D1"], ws["D2"], ws["D3"] = "=GRR(B5,A5)", "=NET_REVENUE_CHURN(B5,0,A5)", "=CRR(29,0,C1)"
    wb.save(book)
    report = xl_retention.recalc([str(book)], engine="embedded", output_dir=str(tmp_path / "out"))
    assert report.files[0].status == "ok", report.files[0].message
    out = openpyxl.load_workbook(tmp_path / "out" / "b.xlsx", data_only=True).active
    assert (out["D1"].value, out["D2"].value, out["D3"].value) == (0, 1, 1)
