"""H515's finding 04: Recurly's transactions export writes a refund on a credit invoice of its own (invoice_number
2001) naming the purchase it refunds in original_transaction_id (t4, a purchase's uuid). Imported with
--columns order_id=invoice_number, the refund rows (orders of refunds only) were left out and the refunded sales
counted whole: 2026-02 buyers 2 for 1, the 2026-01 cohort's month 1 revenue 49.00 for 0, 2026-02's 49.00 for 29.00,
exit 0 and no word. Now refused naming original_transaction_id and the rows, advising order_id=uuid, which gives the
right figures (docs/metrics.md: a refund row is taken off the sale it names)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from xl_retention import cli

TX = """uuid,account_code,invoice_number,type,status,amount,currency,created_at,origin,original_transaction_id
t1,acct1,1001,purchase,success,49.00,USD,2026-01-10 14:02:11 UTC,api,
t3,acct2,1002,purchase,success,120.00,USD,2026-01-18 10:00:00 UTC,recurring,
t4,acct1,1003,purchase,success,49.00,USD,2026-02-10 14:02:11 UTC,recurring,
t5,acct1,2001,refund,success,49.00,USD,2026-02-12 09:00:00 UTC,api,t4
t6,acct3,1004,purchase,success,1049.00,USD,2026-02-20 11:00:00 UTC,api,
t7,acct3,1005,purchase,success,20.00,USD,2026-02-25 11:00:00 UTC,api,
t8,acct1,1006,purchase,success,49.00,USD,2026-03-10 14:02:11 UTC,recurring,
t9,acct3,1007,purchase,success,49.00,USD,2026-03-20 11:00:00 UTC,recurring,
t10,acct3,2002,refund,success,20.00,USD,2026-03-22 11:00:00 UTC,api,t9
"""
COLUMNS = "customer_id=account_code,date=created_at,order_id="


def test_refund_on_its_own_credit_invoice_refused_naming_its_link(tmp_path: Path, capsys) -> None:
    (tmp_path / "tx.csv").write_text(TX)
    args = ["import", "--orders", str(tmp_path / "tx.csv"), "--to-csv", str(tmp_path / "out"), "--columns"]
    assert cli.main([*args, COLUMNS + "invoice_number"]) == 1
    assert capsys.readouterr().err == (
        "xl-retention: error: tx.csv, column 'original_transaction_id': refund rows that name their sale's 'uuid' in "
        "'original_transaction_id', and their order id ('invoice_number') is no sale's (a refund row is left out, and "
        "its sale would count whole) in rows 5, 10 (counting the header as row 1): 't4', 't9': map the sales' id, "
        "--columns order_id=uuid, to take each refund off its sale\n"
    )
    assert not (tmp_path / "out").exists()
    assert cli.main([*args, COLUMNS + "uuid"]) == 0  # the advice followed: t5 takes all of t4 off, t10 20.00 of t9
    buyers = pd.read_csv(tmp_path / "out" / "purchases.csv", dtype={"month": str}).set_index("month")["buyers"]
    assert buyers.to_dict() == {"2026-01": 2, "2026-02": 1, "2026-03": 2}
    revenue = pd.read_csv(tmp_path / "out" / "order_revenue_cohorts.csv", dtype={"cohort": str}).set_index("cohort")
    assert revenue.fillna(-1).values.tolist() == [[169.0, 0.0, 49.0], [1069.0, 29.0, -1], [0.0, -1, -1]]


@pytest.mark.parametrize("drop", ["original_transaction_id", "none"])
def test_refund_of_a_sale_on_its_invoice_still_taken_off(tmp_path: Path, drop: str) -> None:
    """A refund on its sale's own invoice (the sale in the file) is taken off it, the link column there or not."""
    frame = pd.read_csv(pd.io.common.StringIO(TX), dtype=str)
    frame.loc[frame["uuid"] == "t5", "invoice_number"] = "1003"
    frame.loc[frame["uuid"] == "t10", "invoice_number"] = "1007"
    if drop != "none":
        frame = frame.drop(columns=drop)
    frame.to_csv(tmp_path / "tx.csv", index=False)
    args = ["import", "--orders", str(tmp_path / "tx.csv"), "--to-csv", str(tmp_path / "out")]
    assert cli.main([*args, "--columns", COLUMNS + "invoice_number"]) == 0
    revenue = pd.read_csv(tmp_path / "out" / "order_revenue_cohorts.csv", dtype={"cohort": str}).set_index("cohort")
    assert revenue.fillna(-1).values.tolist() == [[169.0, 0.0, 49.0], [1069.0, 29.0, -1], [0.0, -1, -1]]
