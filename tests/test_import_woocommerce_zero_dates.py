"""WooCommerce Subscriptions' export writes 0 for a date not set (WC_Subscription::get_date returns 0, written by
fputcsv: woocommerce-subscriptions-importer-exporter, includes/class-wcs-exporter.php): an active subscription's
``end_date`` and ``trial_end_date`` of 0 were refused as "dates that do not parse" (a valid export refused). A cell of
0 in a date column that may be blank is no date, with a note; beside other numbers (Excel's date serials) 0 is still
refused, and so is a start of 0."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from import_cli import refusal

from xl_retention import cli

HEADER = (
    "subscription_id,customer_id,subscription_status,start_date,trial_end_date,next_payment_date,"
    "last_order_date_created,end_date,billing_period,billing_interval,order_total,order_currency"
)
ROWS = [
    "101,1,wc-active,2026-01-03 10:00:00,0,2026-04-03 10:00:00,2026-03-03 10:00:00,0,month,1,30.00,USD",
    "102,2,wc-cancelled,2026-01-10 10:00:00,0,0,2026-02-10 10:00:00,2026-03-10 10:00:00,month,1,20.00,USD",
    "103,3,wc-active,2026-02-01 10:00:00,0,2027-02-01 10:00:00,2026-02-01 10:00:00,0,year,1,120.00,USD",
]
MAPPED = ["--columns", "start=start_date,end=end_date,amount=order_total"]


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_dates_of_0_are_no_dates(tmp_path: Path, capsys: pytest.CaptureFixture[str], backend: str) -> None:
    path = tmp_path / "subscriptions.csv"
    path.write_text("\n".join([HEADER, *ROWS]) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    assert cli.main(["import", "--subscriptions", str(path), "--to-csv", str(out), "--backend", backend, *MAPPED]) == 0
    with open(out / "movements.csv", newline="") as f:
        rows = {r["month"]: (int(r["customers_end"]), float(r["mrr_end"]), int(r["lost"])) for r in csv.DictReader(f)}
    assert rows == {"2026-01": (2, 50.0, 0), "2026-02": (3, 60.0, 0), "2026-03": (2, 40.0, 1)}
    said = capsys.readouterr()
    assert (
        "subscriptions.csv, column 'end_date': 2 cells of 0 read as no date (WooCommerce writes 0 for a date not "
        in said.out + said.err
    )


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_a_start_of_0_is_still_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str], backend: str) -> None:
    path = tmp_path / "subscriptions.csv"
    path.write_text("\n".join([HEADER, *ROWS[:2], ROWS[2].replace("2026-02-01 10:00:00,0,2027", "0,0,2027")]) + "\n")
    err = refusal(capsys, "--subscriptions", str(path), "--to-csv", str(tmp_path / "o"), "--backend", backend, *MAPPED)
    assert err.startswith("subscriptions.csv, column 'start_date': ")
    assert "in row 4 (counting the header as row 1)" in err
