"""A Paddle Billing subscriptions export (the API's flattened objects) with start, end and quantity mapped was refused
asking for "an 'amount' column, or map it: --columns amount=NAME" without naming the file's one price column,
items[0].price.unit_price.amount (H211 finding 03): it is named, as Maxio's product_price_in_cents is
(reading.billing_columns._nested_price); mapped as said, the file is read (2026-11: 3 customers, MRR 239 = 49 +
1200 / 12 + 270 / 3, by hand)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from import_cli import refusal, run

ROWS = """id,status,customer_id,currency_code,created_at,started_at,first_billed_at,next_billed_at,paused_at,canceled_at,current_billing_period.starts_at,current_billing_period.ends_at,billing_cycle.interval,billing_cycle.frequency,items[0].price.id,items[0].price.unit_price.amount,items[0].price.unit_price.currency_code,items[0].quantity
sub_01a,active,ctm_01a,USD,2026-01-10T10:00:00.000Z,2026-01-10T10:00:00.000Z,2026-01-10T10:00:00.000Z,2026-12-10T10:00:00.000Z,,,2026-11-10T10:00:00.000Z,2026-12-10T10:00:00.000Z,month,1,pri_01,4900,USD,1
sub_01b,canceled,ctm_01b,USD,2026-02-03T10:00:00.000Z,2026-02-03T10:00:00.000Z,2026-02-03T10:00:00.000Z,,,2026-05-03T10:00:00.000Z,,,month,1,pri_01,4900,USD,2
sub_01c,active,ctm_01c,USD,2026-03-15T10:00:00.000Z,2026-03-15T10:00:00.000Z,2026-03-15T10:00:00.000Z,2027-03-15T10:00:00.000Z,,,2026-03-15T10:00:00.000Z,2027-03-15T10:00:00.000Z,year,1,pri_02,120000,USD,1
sub_01d,past_due,ctm_01d,USD,2026-04-01T10:00:00.000Z,2026-04-01T10:00:00.000Z,2026-04-01T10:00:00.000Z,2026-12-01T10:00:00.000Z,,,2026-11-01T10:00:00.000Z,2026-12-01T10:00:00.000Z,month,3,pri_03,27000,USD,1
"""  # noqa: E501
MAPPED = "start=started_at,end=canceled_at,quantity=items[0].quantity"


def test_the_refusal_names_the_price_column(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    path = tmp_path / "paddle.csv"
    path.write_text(ROWS)
    assert refusal(capsys, "--subscriptions", str(path), "--columns", MAPPED, "--to-csv", str(tmp_path / "o")) == (
        "paddle.csv: a billing interval column ('billing_cycle.interval') needs the price per interval: an 'amount' "
        "column, or map it: --columns amount=NAME (in Python: columns={'amount': 'NAME'}); "
        "'items[0].price.unit_price.amount' is named as a price: --columns 'amount=items[0].price.unit_price.amount'"
    )
    out = run(tmp_path, "--subscriptions", path, "--columns", MAPPED + ",amount=items[0].price.unit_price.amount")
    with open(out / "movements.csv", newline="") as handle:
        november = [r for r in csv.DictReader(handle) if r["month"] == "2026-11"]
    assert [(r["customers_end"], r["mrr_end"]) for r in november] == [("3", "239.0")]


def test_a_database_tables_refusal_names_the_price_column_too() -> None:
    # the engines' copy of the refusal named no column (the review of 4728d09d): it is the file's, from its rows
    import io

    import duckdb
    import ibis
    import pandas as pd

    from xl_retention import relational as R
    from xl_retention.reading import DataError

    con = duckdb.connect()
    frame = pd.read_csv(io.StringIO(ROWS), dtype=str)
    con.register("frame", frame)
    con.execute(  # typed as a database's: read by the engine, not as a file's text
        "CREATE TABLE paddle AS SELECT id, customer_id, CAST(started_at AS TIMESTAMP) AS started_at, "
        'CAST(canceled_at AS TIMESTAMP) AS canceled_at, "billing_cycle.interval", '
        'CAST("billing_cycle.frequency" AS INTEGER) AS "billing_cycle.frequency", '
        'CAST("items[0].price.unit_price.amount" AS INTEGER) AS "items[0].price.unit_price.amount", '
        'CAST("items[0].quantity" AS INTEGER) AS "items[0].quantity" FROM frame'
    )
    table = ibis.duckdb.from_connection(con).table("paddle")
    columns = dict(pair.split("=", 1) for pair in MAPPED.split(","))
    with pytest.raises(DataError) as caught:
        R.monthly_movements(table, columns=columns, source="paddle")
    assert str(caught.value).endswith(
        "needs the price per interval: an 'amount' column, or map it: --columns amount=NAME (in Python: columns="
        "{'amount': 'NAME'}); 'items[0].price.unit_price.amount' is named as a price: --columns "
        "'amount=items[0].price.unit_price.amount'"
    )
