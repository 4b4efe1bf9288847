"""A log of payments with a yearly or quarterly interval (App Store Connect's Subscriber report, a charges list with
the plan's interval) imported by month counted a yearly subscriber in the month they paid and lost them the month
after, exit 0 (H35 finding 02). A row of an interval of 2 months or more whose customer has no row in the month before
nor after, while the file goes on, is refused naming the rows; monthly snapshots of yearly plans still import."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from xl_retention import cli

CHARGES = [
    "Customer ID,Created (UTC),Amount,Plan Interval",
    "A,2024-01-15,10,month",
    "B,2024-01-20,120,year",
    "A,2024-02-15,10,month",
    "A,2024-03-15,10,month",
    "C,2024-03-02,30,quarter",
    "A,2024-04-15,10,month",
]
MAPPED = "month=Created (UTC),customer_id=Customer ID,interval=Plan Interval"


def run(tmp_path: Path, lines: list[str], *more: str) -> int:
    path = tmp_path / "subs.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return cli.main(["import", "--subscriptions", str(path), "--columns", MAPPED, "--to-csv", str(tmp_path / "o"),
                     *more])  # fmt: skip


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_a_charges_log_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str], backend: str) -> None:
    assert run(tmp_path, CHARGES, "--backend", backend) == 1
    err = capsys.readouterr().err
    assert (
        "subs.csv, column 'Plan Interval': rows of a plan of 2 months or more (the first: 12 months) whose customer "
        in err
    )
    assert "while the file goes on to 2024-04: the rows are payments" in err
    assert "in rows 3, 6 (counting the header as row 1): 'year', 'quarter': give one row per customer and month" in err
    assert err.strip().endswith("or one row per subscription with its start and end")


def test_app_stores_subscriber_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    head = "Event Date\tSubscription Name\tStandard Subscription Duration\tCustomer Price\tSubscriber ID\tUnits"
    rows = [
        "2024-01-15\tPro Monthly\t1 Month\t9.99\t1001\t1",
        "2024-01-20\tPro Yearly\t1 Year\t99.99\t1002\t1",
        "2024-02-15\tPro Monthly\t1 Month\t9.99\t1001\t1",
        "2024-03-15\tPro Monthly\t1 Month\t9.99\t1001\t1",
    ]
    path = tmp_path / "appstore.txt"
    path.write_text("\n".join([head, *rows]) + "\n", encoding="utf-8")
    columns = "month=Event Date,customer_id=Subscriber ID,amount=Customer Price,quantity=Units"
    assert (
        cli.main(["import", "--subscriptions", str(path), "--columns", columns, "--to-csv", str(tmp_path / "o")]) == 1
    )
    err = capsys.readouterr().err
    assert "column 'Standard Subscription Duration': rows of a plan of 2 months or more (the first: 12 months)" in err
    assert "in row 3 (counting the header as row 1): '1 Year'" in err


def test_monthly_snapshots_of_yearly_plans_still_import(tmp_path: Path) -> None:
    lines = (
        [CHARGES[0]] + [f"B,2024-0{m}-01,120,year" for m in range(1, 5)] + [f"A,2024-0{m}-15,10,month" for m in (1, 2)]
    )
    lines += ["C,2024-02-01,30,quarter", "C,2024-03-01,30,quarter"]  # a quarterly plan two months: joined, then left
    assert run(tmp_path, lines) == 0
    with open(tmp_path / "o" / "movements.csv", newline="") as f:
        rows = {r["month"]: r for r in csv.DictReader(f)}
    assert [rows[m]["customers_end"] for m in ("2024-01", "2024-02", "2024-03", "2024-04")] == ["2", "3", "2", "1"]
    assert rows["2024-02"]["mrr_end"] == "30.0"  # 10 + 10 + 10


INVOICES = [
    "id,Customer,Customer Email,Date (UTC),Amount Paid,Currency,Status,Subscription",
    "in_1,cus_A,a@x.com,2024-01-05,100.00,usd,paid,sub_1",
    "in_2,cus_B,b@x.com,2024-01-06,1200.00,usd,paid,sub_2",
    "in_3,cus_A,a@x.com,2024-02-05,100.00,usd,paid,sub_1",
]


@pytest.mark.parametrize(
    ("columns", "said"),
    [
        (
            "customer_id=Customer,month=Date (UTC),mrr=Amount Paid",
            "'Amount Paid' (taken as mrr) is what a payment paid",
        ),
        ("customer_id=Customer,month=Date (UTC),mrr=Total", "'id' holds Stripe's ids of invoices or charges"),
    ],
)
def test_stripes_invoices_by_month_are_refused(tmp_path: Path, capsys, columns: str, said: str) -> None:
    lines = [INVOICES[0].replace("Amount Paid", "Total" if "Total" in columns else "Amount Paid"), *INVOICES[1:]]
    path = tmp_path / "invoices.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    args = ["import", "--subscriptions", str(path), "--columns", columns, "--to-csv", str(tmp_path / "o")]
    assert cli.main(args) == 1
    err = capsys.readouterr().err
    assert f"invoices.csv: {said}, and the rows are payments" in err and "import them with --orders" in err


def test_payments_as_open_subscriptions_are_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "charges.csv"
    path.write_text("\n".join(CHARGES) + "\n", encoding="utf-8")
    args = ["import", "--subscriptions", str(path), "--columns", "start=Created (UTC)", "--to-csv", str(tmp_path / "o")]
    assert cli.main(args) == 1  # A's monthly payments were 4 open subscriptions: MRR 10, 20, 30, 40
    err = capsys.readouterr().err
    assert "charges.csv, column 'Created (UTC)': open rows of one customer one billing interval apart" in err
    assert "in rows 4, 5, 7 (counting the header as row 1): '2024-02-15', '2024-03-15', '2024-04-15'" in err
    subs = ["Customer ID,Subscription,Created (UTC),Amount,Plan Interval", "A,sub_1,2024-01-15,10,month",
            "A,sub_2,2024-02-15,10,month"]  # fmt: skip
    path.write_text("\n".join(subs) + "\n", encoding="utf-8")
    assert cli.main(args) == 0  # two subscriptions of A's, a month apart
