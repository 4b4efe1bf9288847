"""A subscriptions export's last payment date (WooCommerce's ``last_payment_date``) is a month the export observed.

H234's finding 01: the tables of a WooCommerce Subscriptions export ended in 2026-10 (its last start or loss) with a
note to export it again "up to 2026-11", which gave the same file; two subscriptions were paid in November. By hand,
November: 101 25.00 + 102 150/6 = 25.00 + 104 2 x 25.00 = 50.00 (net of tax and shipping): 3 customers, MRR 100.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pandas as pd
import pytest

from xl_retention.cli import main
from xl_retention.reading.observed import period_start_columns

WCS_2026_12 = (  # an export of early December 2026: November the last month paid
    "subscription_id,subscription_status,customer_id,start_date,trial_end_date,next_payment_date,last_payment_date,"
    "end_date,billing_period,billing_interval,order_shipping,order_shipping_tax,order_tax,order_total,order_currency,"
    "billing_email\n"
    "101,wc-active,11,2026-07-03 10:00:00,0,2026-12-03 10:00:00,2026-11-03 10:00:00,0,month,1,5.00,0.00,2.00,32.00,"
    "USD,a@x.com\n"
    "102,wc-active,12,2026-07-10 10:00:00,0,2027-01-10 10:00:00,2026-07-10 10:00:00,0,month,6,5.00,0.00,12.00,"
    "167.00,USD,b@x.com\n"
    "103,wc-cancelled,13,2026-08-01 10:00:00,0,0,2026-09-01 10:00:00,2026-10-01 10:00:00,month,1,5.00,0.00,2.00,"
    "32.00,USD,c@x.com\n"
    "104,wc-active,14,2026-09-15 10:00:00,0,2026-12-15 10:00:00,2026-11-15 10:00:00,0,month,1,0.00,0.00,4.00,54.00,"
    "USD,d@x.com\n"
)
#: The run's month after 2026-12: the export's dates move by as many months, so it is as recent on any day the suite
#: runs (with the dates fixed, from 2027-01 on the note asked to export it again up to the month before the run's).
SHIFT = (dt.date.today().year - 2026) * 12 + dt.date.today().month - 12
WCS = re.sub(r"(\d{4}-\d{2})-(\d{2})", lambda m: f"{pd.Period(m[1], 'M') + SHIFT}-{m[2]}", WCS_2026_12)


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_november_paid_is_written(tmp_path: Path, capsys, backend: str) -> None:
    path = tmp_path / "wcs.csv"
    path.write_text(WCS)
    columns = "start=start_date,end=end_date,amount=order_total"
    code = main(["import", "--subscriptions", str(path), "--columns", columns, "--backend", backend, "--to-csv",
                 str(tmp_path / "out")])  # fmt: skip
    said = capsys.readouterr()
    assert code == 0, said.err
    moves = pd.read_csv(tmp_path / "out" / "movements.csv").set_index("month")
    assert moves.index[-1] == str(pd.Period("2026-11", "M") + SHIFT)
    assert moves["customers_end"].tolist() == [2, 3, 4, 3, 3]
    assert moves["mrr_end"].tolist() == [50.0, 75.0, 125.0, 100.0, 100.0]
    assert "export it up to" not in said.out + said.err


def test_the_names_of_a_last_payment() -> None:
    names = ["last_payment_date", "Last Payment Date", "last_order_date_created", "last_payment.date",
             "Billing Period Start Date", "Last Paid At", "Last Payment (UTC)"]  # fmt: skip
    assert period_start_columns(names) == names
    assert period_start_columns(["next_payment_date", "Last Payment Amount", "Billing Period End Date"]) == []
