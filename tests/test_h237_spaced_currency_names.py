"""Stripe API whole-cents amounts beside a currency column named with a space ('Currency Code', 'Currency ISO',
'Plan Currency') were read as units: June MRR 5,316.67 for 53.17 (2900 monthly + 29000 yearly cents), exit 0; the
spaced name made the file look like the Dashboard's. The currency column is now left out of the API-field test,
and the engines find the currency column with the file's finder (reading.money_currencies.money_currency_columns:
'ccy' of usd on a typed DuckDB table gave 5,316.67 too), so both paths give 53.17."""

from __future__ import annotations

import duckdb
import pytest

from xl_retention.reading.currency import MAJOR_CODES
from xl_retention.workbook.importer import load_tables

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning", "ignore::UserWarning")

COLUMNS = {"customer_id": "customer", "start": "start_date", "end": "ended_at"}


def _file(tmp_path, currency: str) -> str:
    path = tmp_path / "stripe.csv"
    path.write_text(
        f"id,customer,plan_amount,plan_interval,{currency},start_date,ended_at\n"
        "sub_1,cus_A,2900,month,usd,2025-06-03,\nsub_2,cus_B,29000,year,usd,2025-06-10,\n",
        encoding="utf-8",
    )
    return str(path)


@pytest.mark.parametrize("currency", ["Currency Code", "Currency ISO", "Plan Currency", "currency_iso", "ccy"])
def test_the_file_and_a_duckdb_table_read_cents_alike(tmp_path, currency: str) -> None:
    path = _file(tmp_path, currency)
    database = str(tmp_path / "w.duckdb")
    with duckdb.connect(database) as con:  # plan_amount BIGINT, the currency VARCHAR
        con.execute(f"CREATE TABLE subs AS SELECT * FROM read_csv_auto('{path}')")
    by_file = load_tables(path, columns=COLUMNS).movements["mrr_end"].iloc[-1]
    by_engine = load_tables("table:subs", columns=COLUMNS, backend="duckdb", connection=database).movements
    assert round(by_file, 2) == 53.17  # 29.00 + 290.00 / 12
    assert round(by_engine["mrr_end"].iloc[-1], 2) == 53.17


def test_the_major_codes_are_public() -> None:
    assert {"USD", "EUR", "JPY"} <= MAJOR_CODES
