"""H357's task 2: a column named as a currency whose values are numbers (``currency_rate`` of 1.0 and 0.0067, a
``currency`` of 1.0) is no currency column, on the file's reading and the engines' alike (two numbers in a column
named ``currency``, ISO 4217's 840 and 392, are still refused as two currencies).

Taken for one, it hid the codes of ``ccy`` beside it: Stripe's 2900 cents of usd were read as 2,900.00 (MRR 2900.0
by hand 29.00) by a CSV file, a DuckDB table and a DataFrame; and a table's DOUBLE ``currency_rate`` stopped the
refusal of plan ids saying two currencies ('pro-USD-Monthly' beside 'pro-JPY-Monthly': MRR 1209.99 = 9.99 USD +
1,200 JPY, no word), which the DataFrame refused; a CSV file's "1.0" did too.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd
import pytest

from xl_retention import relational
from xl_retention.reading import DataError
from xl_retention.workbook.importer import load_tables

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning", "ignore::UserWarning")

STRIPE = """id,customer,plan_amount,plan_interval,ccy,{rate},start_date,ended_at
sub_1,cus_A,2900,month,usd,1.0,2025-06-03,
sub_2,cus_B,1200,month,jpy,{jpy},2025-06-10,
"""
STRIPE_COLUMNS = {"customer_id": "customer", "start": "start_date", "end": "ended_at"}
PLANS = """customer_id,start,end,amount,interval,plan,{rate}
a,2026-01-05,2026-03-05,9.99,month,pro-USD-Monthly,1.0
b,2026-01-07,2026-03-07,1200,month,pro-JPY-Monthly,1.0
"""


def _inputs(tmp_path: Path, text: str) -> tuple[Path, str]:
    path = tmp_path / "subs.csv"
    path.write_text(text)
    database = str(tmp_path / "w.duckdb")
    with duckdb.connect(database) as con:  # the rate a DOUBLE column
        con.execute(f"CREATE TABLE subs AS SELECT * FROM read_csv_auto('{path}')")
    return path, database


def test_stripe_cents_beside_a_rate_named_currency(tmp_path: Path) -> None:
    path, database = _inputs(tmp_path, STRIPE.format(rate="currency_rate", jpy="0.0067"))
    by_file = load_tables(path, columns=STRIPE_COLUMNS, segment="ccy=usd").movements
    by_table = load_tables("table:subs", columns=STRIPE_COLUMNS, backend="duckdb", connection=database,
                           segment="ccy=usd").movements  # fmt: skip
    by_frame = relational.subscription_tables(pd.read_csv(path), columns=STRIPE_COLUMNS, segment="ccy").movements
    assert by_file["mrr_end"].round(2).tolist() == [29.0]
    assert by_table["mrr_end"].round(2).tolist() == [29.0]
    assert by_frame["mrr_end"].round(2).tolist() == [1200.0, 29.0]  # jpy has no cents: 1200 is 1,200


@pytest.mark.parametrize("rate", ["currency_rate", "currency"])
def test_plan_currencies_refused_beside_a_rate_named_currency(tmp_path: Path, rate: str) -> None:
    path, database = _inputs(tmp_path, PLANS.format(rate=rate))
    said = "column 'plan': prices in 2 currencies (USD, JPY) said in its values"
    for load in (lambda: load_tables(subscriptions=path),
                 lambda: load_tables(subscriptions="table:subs", backend="duckdb", connection=database)):  # fmt: skip
        with pytest.raises(DataError) as caught:
            load()
        assert said in str(caught.value), caught.value


def test_a_currency_column_of_codes_still_stops_the_plan_refusal(tmp_path: Path) -> None:
    path, database = _inputs(tmp_path, PLANS.format(rate="currency").replace(",1.0\n", ",USD\n"))
    tables = load_tables(subscriptions="table:subs", backend="duckdb", connection=database)
    assert tables.movements["mrr_end"].round(2).tolist() == [1209.99, 1209.99, 0.0]
