"""Stripe's prices in cents written with decimals (``unit_amount_decimal``, Sigma's ``price_unit_amount_decimal``:
9900.5 is 99.005) were read as units, MRR x100 (H35 finding 05): whole amounts only were taken for cents. They are
cents in a file of Stripe's customer ids, refused elsewhere asking for --amounts; a table of a database alike."""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pytest

from xl_retention import cli

SIGMA = [
    "id,customer,status,created,ended_at,currency,quantity,price_unit_amount_decimal,price_recurring_interval,"
    "price_recurring_interval_count",
    "sub_1,cus_A,active,2024-01-05 10:00:00,,usd,1,4900.0000,month,1",
    "sub_2,cus_B,active,2024-01-06 10:00:00,,usd,2,9900.5,month,1",
    "sub_3,cus_C,canceled,2024-02-06 10:00:00,2024-04-06 10:00:00,usd,1,49000,year,1",
]
MAPPED = (
    "customer_id=customer,start=created,end=ended_at,interval=price_recurring_interval,"
    "interval_count=price_recurring_interval_count,amount="
)


def run(tmp_path: Path, lines: list[str], column: str, *more: str) -> dict[str, float]:
    path = tmp_path / "subs.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    assert cli.main(["import", "--subscriptions", str(path), "--columns", MAPPED + column, "--to-csv", str(out),
                     *more]) == 0  # fmt: skip
    with open(out / "movements.csv", newline="") as f:
        return {r["month"]: round(float(r["mrr_end"]), 6) for r in csv.DictReader(f)}


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
@pytest.mark.parametrize("column", ["price_unit_amount_decimal", "unit_amount_decimal", "price.unit_amount_decimal"])
def test_stripes_decimal_cents_are_cents(tmp_path: Path, backend: str, column: str) -> None:
    lines = [SIGMA[0].replace("price_unit_amount_decimal", column), *SIGMA[1:]]
    mrr = run(tmp_path, lines, column, "--backend", backend)
    assert mrr["2024-01"] == 247.01  # 49.00 + 2 x 99.005, not 24701
    assert mrr["2024-02"] == round(247.01 + 490 / 12, 6)


def test_a_database_table_of_decimal_cents(tmp_path: Path) -> None:
    import duckdb

    frame = pd.DataFrame([r.split(",") for r in SIGMA[1:]], columns=SIGMA[0].split(","))
    frame["price_unit_amount_decimal"] = frame["price_unit_amount_decimal"].astype("float64")
    frame["quantity"] = frame["quantity"].astype("int64")
    database = tmp_path / "stripe.duckdb"
    with duckdb.connect(str(database)) as con:
        con.register("frame", frame)
        con.execute("CREATE TABLE subs AS SELECT * EXCLUDE (created, ended_at), CAST(created AS TIMESTAMP) created, "
                    "CAST(NULLIF(ended_at, '') AS TIMESTAMP) ended_at FROM frame")  # fmt: skip
    out = tmp_path / "out"
    args = ["--subscriptions", "table:subs", "--backend", "duckdb", "--connection", str(database)]
    assert cli.main(["import", *args, "--columns", MAPPED + "price_unit_amount_decimal", "--to-csv", str(out)]) == 0
    with open(out / "movements.csv", newline="") as f:
        assert {r["month"]: r["mrr_end"] for r in csv.DictReader(f)}["2024-01"] == "247.01"


def test_without_stripes_ids_it_is_refused_and_amounts_tells(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    lines = [line.replace("cus_", "c") for line in SIGMA]
    path = tmp_path / "subs.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    args = ["import", "--subscriptions", str(path), "--columns", MAPPED + "price_unit_amount_decimal"]
    assert cli.main([*args, "--to-csv", str(tmp_path / "no")]) != 0
    err = capsys.readouterr().err
    assert "'price_unit_amount_decimal' is named as Stripe names its prices in cents" in err
    assert "say which with --amounts cents or --amounts units" in err
    assert run(tmp_path, lines, "price_unit_amount_decimal", "--amounts", "cents")["2024-01"] == 247.01
    assert run(tmp_path, SIGMA, "price_unit_amount_decimal", "--amounts", "units")["2024-01"] == 24701.0


def test_chargebees_price_in_decimal_is_in_units(tmp_path: Path) -> None:
    lines = [SIGMA[0].replace("price_unit_amount_decimal", "unit_price_in_decimal")]
    lines += [
        r.replace("4900.0000", "49.00").replace("9900.5", "99.005").replace(",49000,", ",490,") for r in SIGMA[1:]
    ]
    assert run(tmp_path, lines, "unit_price_in_decimal")["2024-01"] == 247.01
