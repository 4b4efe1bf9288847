"""Stripe's API amounts (cents) in a file without its currency column are refused, not read as units (H527 06).

A Stripe Sigma query of subscriptions (``sub_``/``cus_`` ids, ``plan_amount`` 4900 for 49.00) that left out
``plan_currency`` was read in units: MRR 21,400 for 214.00, under ok, while the same file with the currency column was
read in cents. Without the currency neither the unit nor the currency's smallest unit is known: refused naming the
column and both readings; ``--amounts cents`` (the advice) gives the right figures.
"""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

SUBSCRIPTIONS = """\
id,customer_id,status,start_date,ended_at,current_period_start,plan_amount,plan_interval,plan_interval_count,quantity
sub_1,cus_A,active,2026-01-05 10:00:00,,2026-03-05 10:00:00,4900,month,1,1
sub_2,cus_B,canceled,2026-01-20 10:00:00,2026-02-20 10:00:00,2026-01-20 10:00:00,99000,year,1,2
sub_3,cus_C,active,2026-02-10 10:00:00,,2026-03-10 10:00:00,2900,month,1,1
"""
CHARGES = """\
id,customer,created,amount,amount_refunded,paid,status
ch_1,cus_A,2026-01-05 10:00:00,4900,0,true,succeeded
ch_2,cus_B,2026-01-06 10:00:00,9900,0,true,succeeded
ch_3,cus_A,2026-02-05 10:00:00,4900,0,true,succeeded
"""


def _import(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "xl_retention", "import", *args], capture_output=True, text=True, cwd=tmp_path
    )


def _rows(path: Path) -> list[list[str]]:
    with path.open(newline="") as handle:
        return list(csv.reader(handle))


def test_stripe_subscriptions_without_currency_refused_then_read_in_cents(tmp_path: Path) -> None:
    (tmp_path / "subs.csv").write_text(SUBSCRIPTIONS)
    columns = ("--columns", "start=start_date,end=ended_at")
    refused = _import(tmp_path, "--subscriptions", "subs.csv", "--to-csv", "o", *columns)
    assert refused.returncode == 1
    assert refused.stderr.strip() == (
        "xl-retention: error: subs.csv, column 'plan_amount': whole amounts beside Stripe's customer ids, with no "
        "currency column: in cents, as Stripe's API writes them (4900 as 49.00 in a currency of cents), or in units "
        "(4900.00)? say which with --amounts cents or --amounts units (or add the currency column the API gives with "
        "the amounts) in row 2 (counting the header as row 1): '4900'"
    )
    assert not (tmp_path / "o").exists()
    done = _import(tmp_path, "--subscriptions", "subs.csv", "--to-csv", "o", *columns, "--amounts", "cents")
    assert done.returncode == 0, done.stderr
    movements = _rows(tmp_path / "o" / "movements.csv")
    mrr = {row[0]: row[7:9] for row in movements[1:]}  # mrr_start, new_mrr
    assert mrr["2026-01"] == ["0.0", "214.0"]  # 49.00 + 990.00 x 2 / 12
    assert mrr["2026-02"] == ["214.0", "29.0"]
    assert mrr["2026-03"] == ["78.0", "0.0"]  # 214 + 29 - 165 churned


def test_stripe_charges_without_currency_refused_then_read_in_cents(tmp_path: Path) -> None:
    (tmp_path / "ch.csv").write_text(CHARGES)
    columns = ("--columns", "date=created,customer_id=customer")
    refused = _import(tmp_path, "--orders", "ch.csv", "--to-csv", "c", *columns)
    assert refused.returncode == 1
    assert "ch.csv, column 'amount': whole amounts beside Stripe's customer ids, with no currency column" in (
        refused.stderr
    )
    done = _import(tmp_path, "--orders", "ch.csv", "--to-csv", "c", *columns, "--amounts", "cents")
    assert done.returncode == 0, done.stderr
    assert _rows(tmp_path / "c" / "order_revenue_cohorts.csv")[1][:3] == ["2026-01", "148.0", "49.0"]


def test_same_file_with_currency_column_still_read_in_cents(tmp_path: Path) -> None:
    lines = SUBSCRIPTIONS.splitlines()
    with_currency = "\n".join([lines[0] + ",plan_currency"] + [line + ",usd" for line in lines[1:]]) + "\n"
    (tmp_path / "subs.csv").write_text(with_currency)
    columns = ("--columns", "start=start_date,end=ended_at")
    done = _import(tmp_path, "--subscriptions", "subs.csv", "--to-csv", "o", *columns)
    assert done.returncode == 0, done.stderr
    assert _rows(tmp_path / "o" / "movements.csv")[1][7:9] == ["0.0", "214.0"]


def test_typed_whole_amounts_without_currency_refused_too(tmp_path: Path) -> None:
    """A Parquet file (or a DuckDB DOUBLE) of whole amounts beside cus_ ids, no currency column: the typed column has
    no decimal mark to tell units (H538's finding 01: 14,800 for 148.00, as the CSV's 4900 was)."""
    import pandas as pd

    frame = pd.DataFrame(
        {
            "id": ["ch_1", "ch_2", "ch_3"],
            "customer": ["cus_A", "cus_B", "cus_A"],
            "created": pd.to_datetime(["2026-01-05 10:00", "2026-01-06 10:00", "2026-02-05 10:00"]),
            "amount": [4900.0, 9900.0, 4900.0],
        }
    )
    frame.to_parquet(tmp_path / "ch.parquet")
    columns = ("--columns", "date=created,customer_id=customer")
    refused = _import(tmp_path, "--orders", "ch.parquet", "--to-csv", "c", *columns)
    assert refused.returncode == 1
    assert "column 'amount': whole amounts beside Stripe's customer ids, with no currency column" in refused.stderr
    done = _import(tmp_path, "--orders", "ch.parquet", "--to-csv", "c", *columns, "--amounts", "cents")
    assert done.returncode == 0, done.stderr
    assert _rows(tmp_path / "c" / "order_revenue_cohorts.csv")[1][:3] == ["2026-01", "148.0", "49.0"]
