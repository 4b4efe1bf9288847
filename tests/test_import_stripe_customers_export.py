"""Stripe's Customers export (Dashboard Customers > Export: id, Email, Created (UTC), Plan, Status, Cancel At Period
End, Total Spend, Payment Count, ...) is a list of customers with lifetime totals. Given as --orders it was called a
subscriptions export; following that, its 'Total Spend' (490.00 for ten payments) mapped as mrr was written as each
month's MRR, exit 0 (H170 finding 06). Its 'Payment Count' says a list of customers (refused as Shopify's 'Total
Orders' is), and a lifetime total taken as mrr is refused, as a contract's total is."""

from __future__ import annotations

from pathlib import Path

import pytest

from xl_retention import cli

CUSTOMERS = (
    "id,Description,Email,Name,Created (UTC),Card ID,Delinquent,Plan,Status,Cancel At Period End,Account Balance,"
    "Currency,Total Spend,Payment Count,Refunded Volume,Dispute Losses\n"
    "cus_Q1,,a@ex.com,Ann,2026-01-05 10:00,card_1,false,pro,active,false,0,usd,490.00,10,0.00,0.00\n"
    "cus_Q3,,c@ex.com,Cy,2026-03-20 10:00,card_3,true,pro,past_due,false,0,usd,147.00,3,49.00,0.00\n"
    "cus_Q4,,d@ex.com,Di,2026-05-02 10:00,card_4,false,team,active,true,0,usd,300.00,4,0.00,0.00\n"
)


def _import(tmp_path: Path, *args: str) -> int:
    path = tmp_path / "customers.csv"
    path.write_text(CUSTOMERS)
    return cli.main(["import", args[0], str(path), *args[1:], "--to-csv", str(tmp_path / "o")])


def test_as_orders_it_is_a_list_of_customers(tmp_path: Path, capsys) -> None:
    assert _import(tmp_path, "--orders", "--columns", "customer_id=id,date=Created (UTC)") == 1
    assert capsys.readouterr().err.strip() == (
        "xl-retention: error: customers.csv, column 'Payment Count': a list of customers (one row per 'id', with the "
        "number of their orders: '10' in row 2), not one row per order: each customer's orders would count as one, at "
        "'Created (UTC)'; export the orders themselves (one row per order, with its customer and date)"
    )


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_total_spend_is_no_mrr(tmp_path: Path, capsys, backend: str) -> None:
    columns = "customer_id=id,start=Created (UTC),mrr=Total Spend"
    assert _import(tmp_path, "--subscriptions", "--columns", columns, "--backend", backend) == 1
    assert capsys.readouterr().err.strip() == (
        "xl-retention: error: customers.csv: 'Total Spend' (taken as mrr) says what each customer has spent in all (a "
        "lifetime total, Stripe's customers export's 'Total Spend'), not a month's revenue: read as MRR it counts "
        "every payment so far each month; map mrr to a monthly column, or import the payments with --orders"
    )
    assert not (tmp_path / "o" / "movements.csv").exists()
