"""A billing export's total (price x quantity: Chargebee's "Plan Amount", a seats sheet's "Total") mapped as the amount
was multiplied by the quantity again: Jan MRR 2,600 for 600, exit 0 (H35 finding 01). Where another price column
times the quantity is the amount on every row of a quantity other than 1, the amount is the total, used without the
quantity (with a note); Chargebee's prefixed plan_amount is its total; a total on some rows only, or an amount named
as a total with no price column to tell, is refused. A database table alike."""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pytest

from xl_retention import cli

CHARGEBEE = [
    "Subscription Id,Customer Id,Plan Id,Plan Quantity,Plan Unit Price,Plan Amount,Billing Period,Billing Period Unit,"
    "Status,Started At,Cancelled At",
    "s1,c1,pro,5,100,500,1,month,active,2024-01-05,",
    "s2,c2,pro,1,100,100,1,month,cancelled,2024-01-06,2024-03-06",
    "s3,c3,team,3,33.33,99.99,1,year,active,2024-02-10,",
]
DATES = "start=Started At,end=Cancelled At"
SEATS = [
    "Customer,Start,End,Plan,Quantity,Unit Price,Total,Interval",
    "c1,2024-01-05,,pro,5,100,500,month",
    "c2,2024-01-06,2024-03-06,pro,1,100,100,month",
]


def run(tmp_path: Path, lines: list[str], columns: str, *more: str) -> int:
    path = tmp_path / "subs.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return cli.main(["import", "--subscriptions", str(path), "--columns", columns, "--to-csv", str(tmp_path / "o"),
                     *more])  # fmt: skip


def mrr(tmp_path: Path) -> dict[str, float]:
    with open(tmp_path / "o" / "movements.csv", newline="") as f:
        return {r["month"]: round(float(r["mrr_end"]), 6) for r in csv.DictReader(f)}


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
@pytest.mark.parametrize("amount", ["Plan Amount", "Plan Unit Price"])
def test_chargebees_plan_amount_is_the_total(tmp_path: Path, capsys, backend: str, amount: str) -> None:
    assert run(tmp_path, CHARGEBEE, f"{DATES},amount={amount}", "--backend", backend) == 0
    assert mrr(tmp_path)["2024-01"] == 600.0  # 5 x 100 + 1 x 100, not 2,600
    assert mrr(tmp_path)["2024-02"] == round(600 + 99.99 / 12, 6)
    said = "'Plan Amount' is 'Plan Unit Price' x 'Plan Quantity' on every row of a quantity other than 1 (row 2: 500"
    printed = capsys.readouterr()
    assert (said in printed.out + printed.err) == (amount == "Plan Amount")


def test_a_seats_sheets_total(tmp_path: Path) -> None:
    assert run(tmp_path, SEATS, "customer_id=Customer,amount=Total") == 0
    assert mrr(tmp_path)["2024-01"] == 600.0


def test_a_total_on_some_rows_only_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lines = [*SEATS, "c3,2024-01-07,,pro,4,100,100,month"]  # 100 = the unit price on this row
    assert run(tmp_path, lines, "customer_id=Customer,amount=Total") == 1
    err = capsys.readouterr().err
    assert "amounts that are not 'Unit Price' x 'Quantity', where other rows' are (row 2)" in err
    assert "in row 4 (counting the header as row 1): '100'" in err


def test_a_total_by_its_name_alone_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lines = [",".join(r.split(",")[:5] + r.split(",")[6:]) for r in SEATS]  # no 'Unit Price'
    assert run(tmp_path, lines, "customer_id=Customer,amount=Total") == 1
    err = capsys.readouterr().err
    assert "'Total' (the amount) is named as a total" in err and "in row 2 (counting the header as row 1)" in err


def test_chargebees_prefixed_plan_amount_alone(tmp_path: Path) -> None:
    lines = [
        "subscriptions.id,subscriptions.customer_id,subscriptions.plan_quantity,subscriptions.plan_amount,"
        "subscriptions.billing_period,subscriptions.billing_period_unit,subscriptions.started_at",
        "s1,c1,5,500,1,month,2024-01-05",
        "s2,c2,1,100,1,month,2024-01-06",
    ]
    assert run(tmp_path, lines, "start=subscriptions.started_at,amount=subscriptions.plan_amount") == 0
    assert mrr(tmp_path)["2024-01"] == 600.0


def test_a_price_of_one_unit_is_still_multiplied(tmp_path: Path) -> None:
    lines = [
        "customer_id,start,Plan Amount,Quantity,Interval",
        "c1,2024-01-05,100,5,month",
        "c2,2024-01-06,100,1,month",
    ]
    assert run(tmp_path, lines, "amount=Plan Amount") == 0
    assert mrr(tmp_path)["2024-01"] == 600.0  # Stripe's 'Plan Amount' is per unit: 5 x 100 + 100


def test_a_database_table(tmp_path: Path) -> None:
    import duckdb

    frame = pd.DataFrame([r.split(",") for r in SEATS[1:]], columns=SEATS[0].split(","))
    for column in ("Quantity", "Unit Price", "Total"):
        frame[column] = frame[column].astype("int64")
    database = tmp_path / "seats.duckdb"
    with duckdb.connect(str(database)) as con:
        con.register("frame", frame)
        con.execute('CREATE TABLE seats AS SELECT * EXCLUDE ("Start", "End"), CAST("Start" AS DATE) AS "Start", '
                    "CAST(NULLIF(\"End\", '') AS DATE) AS \"End\" FROM frame")  # fmt: skip
    args = ["--subscriptions", "table:seats", "--backend", "duckdb", "--connection", str(database)]
    columns = "customer_id=Customer,amount=Total"
    assert cli.main(["import", *args, "--columns", columns, "--to-csv", str(tmp_path / "o")]) == 0
    assert mrr(tmp_path)["2024-01"] == 600.0


def test_a_total_on_some_rows_only_names_a_sheets_own_row(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The row of the total the refusal points to is the sheet's own row under a title block (it said row 2)."""
    rows = [line.split(",") for line in [*SEATS, "c3,2024-01-07,,pro,4,100,100,month"]]
    frame = pd.DataFrame(rows[1:], columns=rows[0])
    path = tmp_path / "subs.xlsx"
    with pd.ExcelWriter(path) as writer:
        pd.DataFrame([["Seats export, January"]]).to_excel(writer, sheet_name="Data", header=False, index=False)
        frame.to_excel(writer, sheet_name="Data", startrow=2, index=False)
    code = cli.main(["import", "--subscriptions", str(path), "--columns", "customer_id=Customer,amount=Total",
                     "--to-csv", str(tmp_path / "o")])  # fmt: skip
    assert code == 1
    assert "amounts that are not 'Unit Price' x 'Quantity', where other rows' are (row 4 of sheet 'Data')" in (
        capsys.readouterr().err
    )
