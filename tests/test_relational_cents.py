"""Stripe's integer amounts in cents are read alike whichever engine reads a typed table (H4 item 4).

A Parquet file or database table of Stripe's API, Sigma or a warehouse sync (every customer id ``cus_...``, one
lower-case currency column, integer amounts) holds 4900 for 49.00: order amounts and billing prices are divided by
100 on pandas (reading.smallest_units.stripe_minor_units), DuckDB and Spark (relational.inputs._stripe_minor_units)
alike.
The same table with other ids, or with amounts that have cents (49.5), is in units everywhere; a float column of
whole numbers (4900.0) is cents as an integer column is (H10 i25).
"""

import os
import shutil

import pandas as pd
import pytest

from xl_retention.workbook.importer import load_tables

INVOICES = pd.DataFrame({
    "id": ["in_1", "in_2", "in_3"], "customer": ["cus_A", "cus_A", "cus_B"], "amount_paid": [4900, 4900, 9900],
    "currency": ["usd", "usd", "usd"], "created": pd.to_datetime(["2026-01-03", "2026-02-03", "2026-02-05"]),
})  # fmt: skip
ORDER_COLUMNS = {"customer_id": "customer", "date": "created", "amount": "amount_paid"}
PLANS = pd.DataFrame({
    "id": ["sub_1", "sub_2"], "customer": ["cus_A", "cus_B"], "plan_amount": [4900, 49000],
    "plan_interval": ["month", "year"], "plan_interval_count": [1, 1], "quantity": [1, 1], "currency": ["usd", "usd"],
    "start_date": pd.to_datetime(["2026-01-03", "2026-01-05"]), "ended_at": pd.to_datetime([None, None]),
})  # fmt: skip
PLAN_COLUMNS = {"customer_id": "customer", "start": "start_date", "end": "ended_at"}


@pytest.fixture(scope="module", params=["pandas", "duckdb", "spark"])
def backend(request):
    if request.param == "spark":
        if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
            pytest.skip("no Java runtime: Spark cannot run")
        pytest.importorskip("pyspark")
        from xl_retention.relational.backends import spark_session

        session = spark_session("local[2]")
        yield "spark"
        session.stop()
        return
    yield request.param


def revenue(frame: pd.DataFrame, tmp_path, backend: str, **columns) -> list[list[float]]:
    frame.to_parquet(tmp_path / "invoices.parquet")
    cohorts = load_tables(orders=tmp_path / "invoices.parquet", backend=backend, columns=ORDER_COLUMNS | columns)
    table = cohorts.order_revenue_cohorts
    return [[v for v in row if pd.notna(v)] for row in table.to_numpy().tolist()]


def test_stripe_integer_order_amounts_are_cents_on_every_engine(tmp_path, backend):
    assert revenue(INVOICES, tmp_path, backend) == [[49.0, 49.0], [99.0]]


def test_other_ids_or_decimal_amounts_are_units_on_every_engine(tmp_path, backend):
    assert revenue(INVOICES.assign(customer=["A", "A", "B"]), tmp_path, backend) == [[4900.0, 4900.0], [9900.0]]
    decimals = INVOICES.assign(amount_paid=[49.5, 49.5, 99.0])  # amounts with cents: in units
    assert revenue(decimals, tmp_path, backend) == [[49.5, 49.5], [99.0]]
    assert revenue(INVOICES.assign(currency=["USD"] * 3), tmp_path, backend) == [[4900.0, 4900.0], [9900.0]]


def test_typed_dates_as_text_keep_the_currency_column_for_the_rule(tmp_path, backend):
    # text dates: the table is read as a file's rows are (relational.inputs needs_reading), currency column included
    text = INVOICES.assign(created=["2026-01-03", "2026-02-03", "2026-02-05"])
    assert revenue(text, tmp_path, backend) == [[49.0, 49.0], [99.0]]


def test_stripe_integer_billing_prices_are_cents_on_every_engine(tmp_path, backend):
    PLANS.to_parquet(tmp_path / "plans.parquet")
    tables = load_tables(tmp_path / "plans.parquet", backend=backend, columns=PLAN_COLUMNS)
    # 4900 cents a month (49.00) and 49000 cents a year (490.00 / 12)
    assert tables.movements["mrr_end"].iloc[0] == pytest.approx(49 + 490 / 12, rel=1e-12)
