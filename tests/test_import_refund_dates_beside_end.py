"""A refund's date beside the end mapped (RevenueCat's transactions: ``refunded_at`` on a row running to its
``end_time``) is refused naming it as a refund, with advice no other refusal undoes: write the refund's day in the end
column (H222's finding 03: the advice was end=refunded_at, whose refusal then advised end=end_time)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from import_cli import refusal, run

HEADER = "user,product_duration,start_time,end_time,price_in_usd,refunded_at\n"
#: u1 monthly Jan 3 - Apr 3; u2 a year's plan from Jan 15, refunded on Feb 10; u3 monthly Feb 10 - May 10
ROWS = [("u1", "P1M", "2026-01-03", "2026-02-03", "9.99", ""), ("u1", "P1M", "2026-02-03", "2026-03-03", "9.99", ""),
        ("u1", "P1M", "2026-03-03", "2026-04-03", "9.99", ""),
        ("u2", "P1Y", "2026-01-15", "2027-01-15", "59.99", "2026-02-10"),
        ("u3", "P1M", "2026-02-10", "2026-03-10", "9.99", ""), ("u3", "P1M", "2026-03-10", "2026-04-10", "9.99", ""),
        ("u3", "P1M", "2026-04-10", "2026-05-10", "9.99", "")]  # fmt: skip
COLUMNS = ["--columns", "customer_id=user,start=start_time,end=end_time,amount=price_in_usd,interval=product_duration"]


def test_a_refund_date_is_refused_with_advice_that_reads(tmp_path: Path, capsys) -> None:
    path = tmp_path / "rc.csv"
    path.write_text(HEADER + "".join(",".join(r) + "\n" for r in ROWS))
    assert refusal(capsys, "--subscriptions", str(path), *COLUMNS, "--to-csv", str(tmp_path / "o")) == (
        "rc.csv: column 'refunded_at' is not used, and its name says a refund, on rows still running then (row 5: "
        "2026-02-10, before its end 2027-01-15 in 'end_time'): a refunded period is no paid month after the refund "
        "(the store stops service then), and counted to its end it would be MRR no one paid: write the refund's day "
        "in 'end_time' on those rows (or remove the rows refunded in full), then remove the column"
    )
    # as the advice says: u2's end is its refund's day, the column removed; by hand Jan 9.99 + 59.99/12, Feb u2 lost
    # and u3 new, Apr u1 lost, May u3 lost
    rows = [(*r[:3], r[5] or r[3], r[4]) for r in ROWS]
    path.write_text(HEADER.replace(",refunded_at", "") + "".join(",".join(r) + "\n" for r in rows))
    movements = pd.read_csv(run(tmp_path, "--subscriptions", path, *COLUMNS) / "movements.csv").head(5)
    assert movements[["month", "customers_end", "lost"]].values.tolist() == [
        ["2026-01", 2, 0], ["2026-02", 2, 1], ["2026-03", 2, 0], ["2026-04", 1, 1], ["2026-05", 0, 1]]  # fmt: skip
    assert movements["mrr_end"].round(6).tolist() == [round(9.99 + 59.99 / 12, 6), 19.98, 19.98, 9.99, 0.0]
