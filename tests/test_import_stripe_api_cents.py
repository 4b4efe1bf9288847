"""A file that surely is an export of Stripe's API or Sigma (its ``object`` column, or ``ch_``/``sub_`` ids beside
``amount_captured``, ``livemode``) is read in cents without --amounts, also where a charge is below one unit (50
cents) or the amounts are a mix: it was refused asking for --amounts cents. An analyst's table of whole prices with
Stripe's customer ids is still refused. A ``unit_amount`` in cents of a zero-decimal currency (990 JPY is 990 yen)
was divided by 100 (MRR 59.90 for 5,990 yen)."""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pytest

from xl_retention import cli

CHARGES = [
    "id,object,amount,amount_captured,amount_refunded,balance_transaction,captured,created,currency,customer,livemode,"
    "paid,refunded,status",
    "ch_3A1,charge,50,50,0,txn_1,true,2024-01-05 10:00:00,usd,cus_A,true,true,false,succeeded",
    "ch_3A2,charge,4900,4900,0,txn_2,true,2024-01-09 10:00:00,usd,cus_B,true,true,false,succeeded",
    "ch_3A3,charge,75,75,0,txn_3,true,2024-02-05 10:00:00,usd,cus_A,true,true,false,succeeded",
]
MAPPED = ["--columns", "date=created,customer_id=customer"]


def write(tmp_path: Path, lines: list[str], name: str = "in.csv") -> Path:
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def cohorts(out: Path) -> list[list[str]]:
    with open(out / "order_revenue_cohorts.csv", newline="") as f:
        return list(csv.reader(f))


def mrr_end(out: Path) -> dict[str, float]:
    with open(out / "movements.csv", newline="") as f:
        return {r["month"]: round(float(r["mrr_end"]), 6) for r in csv.DictReader(f)}


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
@pytest.mark.parametrize("drop", [[], ["object", "livemode"]])  # by its object column, or by ch_ ids beside its fields
def test_a_stripe_charges_export_with_charges_below_a_dollar(tmp_path: Path, backend: str, drop: list[str]) -> None:
    frame = pd.DataFrame([r.split(",") for r in CHARGES[1:]], columns=CHARGES[0].split(",")).drop(columns=drop)
    path = tmp_path / "charges.csv"
    frame.to_csv(path, index=False)
    out = tmp_path / "out"
    assert cli.main(["import", "--orders", str(path), "--to-csv", str(out), "--backend", backend, *MAPPED]) == 0
    assert cohorts(out) == [["cohort", "0", "1"], ["2024-01", "49.5", "0.75"], ["2024-02", "0.0", ""]]


def test_a_stripe_charges_table_of_a_duckdb_database(tmp_path: Path) -> None:
    import duckdb

    frame = pd.DataFrame([r.split(",") for r in CHARGES[1:]], columns=CHARGES[0].split(","))
    for column in ("amount", "amount_captured", "amount_refunded"):
        frame[column] = frame[column].astype("int64")
    frame["created"] = pd.to_datetime(frame["created"])
    database = tmp_path / "stripe.duckdb"
    with duckdb.connect(str(database)) as con:
        con.register("frame", frame)
        con.execute("CREATE TABLE charges AS SELECT * FROM frame")
    out = tmp_path / "out"
    args = ["--orders", "table:charges", "--backend", "duckdb", "--connection", str(database), "--to-csv", str(out)]
    assert cli.main(["import", *args, *MAPPED]) == 0
    assert cohorts(out) == [["cohort", "0", "1"], ["2024-01", "49.5", "0.75"], ["2024-02", "0.0", ""]]


def test_an_analysts_table_of_whole_prices_is_still_refused(tmp_path, capsys: pytest.CaptureFixture[str]) -> None:
    lines = ["customer,created,amount,currency", "cus_A,2024-01-05,49,usd", "cus_B,2024-01-09,99,usd"]
    path = write(tmp_path, lines)
    assert cli.main(["import", "--orders", str(path), "--to-csv", str(tmp_path / "out"), *MAPPED]) != 0
    err = capsys.readouterr().err
    assert "say which with --amounts cents or --amounts units in row 2 (counting the header as row 1): '49'" in err


def test_a_stripe_subscriptions_export_in_yen_and_dollars(tmp_path: Path) -> None:
    head = "id,object,customer,status,created,ended_at,plan.amount,plan.interval,plan.interval_count,currency,livemode"
    dollars = [head, "sub_1,subscription,cus_A,active,2024-01-05,,99,month,1,usd,true",
               "sub_2,subscription,cus_B,active,2024-01-10,,4900,year,1,usd,true"]  # fmt: skip
    out = tmp_path / "usd"
    args = ["--columns", "customer_id=customer,start=created,end=ended_at", "--to-csv"]
    assert cli.main(["import", "--subscriptions", str(write(tmp_path, dollars)), *args, str(out)]) == 0
    assert mrr_end(out) == {"2024-01": round(0.99 + 49 / 12, 6)}
    yen = [line.replace(",usd,", ",jpy,").replace(",99,", ",990,") for line in dollars]
    out = tmp_path / "jpy"
    assert cli.main(["import", "--subscriptions", str(write(tmp_path, yen, "yen.csv")), *args, str(out)]) == 0
    assert mrr_end(out) == {"2024-01": round(990 + 4900 / 12, 6)}


@pytest.mark.parametrize("code", ["jpy", "JPY"])
def test_a_unit_amount_in_yen_is_not_divided(tmp_path: Path, code: str) -> None:
    lines = ["Customer ID,Created (UTC),unit_amount,interval,Currency", f"cus_A,2024-01-05,990,month,{code}",
             f"cus_B,2024-01-10,5000,month,{code}"]  # fmt: skip
    out = tmp_path / "out"
    args = ["--subscriptions", str(write(tmp_path, lines)), "--columns", "start=Created (UTC)", "--to-csv", str(out)]
    assert cli.main(["import", *args]) == 0
    assert mrr_end(out) == {"2024-01": 5990.0}


@pytest.mark.parametrize(("code", "want"), [("JPY", 5990.0), ("USD", 59.9)])
def test_a_unit_amount_of_a_duckdb_table(tmp_path: Path, code: str, want: float) -> None:
    import duckdb

    frame = pd.DataFrame({"customer_id": ["cus_A", "cus_B"], "start": pd.to_datetime(["2024-01-05", "2024-01-10"]),
                          "unit_amount": [990, 5000], "interval": ["month"] * 2, "currency": [code] * 2})  # fmt: skip
    database = tmp_path / "subs.duckdb"
    with duckdb.connect(str(database)) as con:
        con.register("frame", frame)
        con.execute("CREATE TABLE subs AS SELECT * FROM frame")
    out = tmp_path / "out"
    args = ["--subscriptions", "table:subs", "--backend", "duckdb", "--connection", str(database), "--to-csv", str(out)]
    assert cli.main(["import", *args]) == 0
    assert mrr_end(out) == {"2024-01": want}


def test_columns_named_in_cents_of_a_zero_decimal_currency(tmp_path: Path) -> None:
    """Recurly's ``*_in_cents`` of yen are yen; so is an ``amount_cents`` or ``mrr_cents`` beside JPY."""
    recurly = ["account_code,activated_at,expires_at,unit_amount_in_cents,plan_interval_length,plan_interval_unit,"
               "currency", "a,2024-01-05,,990,1,months,JPY", "b,2024-01-10,,12000,12,months,JPY"]  # fmt: skip
    out = tmp_path / "recurly"
    args = ["--columns", "customer_id=account_code,start=activated_at,end=expires_at", "--to-csv", str(out)]
    assert cli.main(["import", "--subscriptions", str(write(tmp_path, recurly, "recurly.csv")), *args]) == 0
    assert mrr_end(out) == {"2024-01": 1990.0}
    snapshots = ["customer_id,month,mrr_cents,currency", "a,2024-01,5000,JPY", "b,2024-01,700,JPY"]
    out = tmp_path / "snapshots"
    args = ["--columns", "mrr=mrr_cents", "--to-csv", str(out)]
    assert cli.main(["import", "--subscriptions", str(write(tmp_path, snapshots, "s.csv")), *args]) == 0
    assert mrr_end(out) == {"2024-01": 5700.0}
    orders = ["customer_id,date,amount_cents,currency", "a,2024-01-05,500,JPY", "b,2024-01-06,1200,JPY",
              "a,2024-02-06,700,JPY"]  # fmt: skip
    out = tmp_path / "orders"
    args = ["--columns", "amount=amount_cents", "--to-csv", str(out)]
    assert cli.main(["import", "--orders", str(write(tmp_path, orders, "o.csv")), *args]) == 0
    assert cohorts(out) == [["cohort", "0", "1"], ["2024-01", "1700.0", "700.0"], ["2024-02", "0.0", ""]]


LEMON = [
    "id,customer_id,currency,subtotal,total,subtotal_formatted,total_formatted,status,created_at",
    "1,101,USD,999,999,$9.99,$9.99,paid,2024-01-05T10:00:00Z",
    "2,102,USD,4900,4900,$49.00,$49.00,paid,2024-01-09T10:00:00Z",
    "3,101,USD,999,999,$9.99,$9.99,paid,2024-02-05T10:00:00Z",
]


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_an_amount_beside_its_formatted_twin_is_read_as_the_twin_says(tmp_path: Path, backend: str) -> None:
    """Lemon Squeezy's API writes ``total`` in cents beside ``total_formatted``: 999 and '$9.99' (was 999.00)."""
    out = tmp_path / "out"
    args = ["--orders", str(write(tmp_path, LEMON)), "--columns", "date=created_at,amount=total", "--to-csv", str(out)]
    assert cli.main(["import", *args, "--backend", backend]) == 0
    assert cohorts(out) == [["cohort", "0", "1"], ["2024-01", "58.99", "9.99"], ["2024-02", "0.0", ""]]
    units = [line.replace("$9.99", "$999.00").replace("$49.00", "$4900.00") for line in LEMON]  # the twin says units
    out = tmp_path / "units"
    args = ["--orders", str(write(tmp_path, units)), "--columns", "date=created_at,amount=total", "--to-csv", str(out)]
    assert cli.main(["import", *args, "--backend", backend]) == 0
    assert cohorts(out) == [["cohort", "0", "1"], ["2024-01", "5899.0", "999.0"], ["2024-02", "0.0", ""]]


def test_an_amount_beside_its_formatted_twin_in_a_duckdb_table(tmp_path: Path) -> None:
    import duckdb

    frame = pd.DataFrame([r.split(",") for r in LEMON[1:]], columns=LEMON[0].split(","))
    for column in ("subtotal", "total"):
        frame[column] = frame[column].astype("int64")
    frame["created_at"] = pd.to_datetime(frame["created_at"]).dt.tz_localize(None)
    database = tmp_path / "shop.duckdb"
    with duckdb.connect(str(database)) as con:
        con.register("frame", frame)
        con.execute("CREATE TABLE orders AS SELECT * FROM frame")
    out = tmp_path / "out"
    args = ["--orders", "table:orders", "--backend", "duckdb", "--connection", str(database), "--to-csv", str(out)]
    assert cli.main(["import", *args, "--columns", "date=created_at,amount=total"]) == 0
    assert cohorts(out) == [["cohort", "0", "1"], ["2024-01", "58.99", "9.99"], ["2024-02", "0.0", ""]]
