"""--segment values that differ only in capitals, spaces, apostrophes or hyphens are refused, naming both spellings.

A plan typed ``Pro`` in most rows and ``PRO`` in one (H50 finding 01) made two segments, and ``--segment plan=Pro``
left the ``PRO`` customer out of the Pro tracker (2 customers, MRR 140 for 3 and 170), silently; Excel's pivot
tables and COUNTIF take them as one. Whether one segment typed two ways or two are meant cannot be told: refused as
look-alike customer ids are (docs/metrics.md, "Segments"), on the pandas path, DuckDB (a file, a typed table) and
Spark; a machine's code (``price_1AbC``, ``price_1abc``) keeps its capitals.
"""

from __future__ import annotations

import duckdb
import pandas as pd
import pytest

from xl_retention import relational as R
from xl_retention.reading import DataError
from xl_retention.workbook.importer import load_tables

pytestmark = [
    pytest.mark.filterwarnings("ignore:The 'future.infer_string' option is deprecated"),
    pytest.mark.filterwarnings("ignore:fetch_arrow_table\\(\\) is deprecated"),
]

SUBS = pd.DataFrame({
    "customer_id": ["a", "b", "c", "d"] * 2,
    "month": ["2024-01"] * 4 + ["2024-02"] * 4,
    "mrr": [90, 50, 30, 20] * 2,
    "plan": ["Pro", "Pro", "PRO", "Basic", "Pro", "Pro", "Pro", "Basic"],
})  # fmt: skip
REFUSED = (
    "column 'plan': segment values that differ only in capitals, spaces, apostrophes or hyphens ('Pro' and 'PRO': "
    "one segment typed two ways? Excel's pivot tables and COUNTIF take them as one): write each segment's value one "
    "way in rows 2, 3, 4, 6, 7 and 1 more (counting the header as row 1): 'Pro', 'Pro', 'PRO', 'Pro', 'Pro'"
)


def _refusal(**arguments) -> str:
    with pytest.raises(DataError) as caught:
        load_tables(**arguments)
    return str(caught.value)


@pytest.mark.parametrize("segment", ["plan", "plan=Pro"])
@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_a_segment_typed_in_two_cases_is_refused_naming_both(tmp_path, backend, segment) -> None:
    SUBS.to_csv(tmp_path / "subs.csv", index=False)
    found = _refusal(subscriptions=tmp_path / "subs.csv", backend=backend, segment=segment)
    assert found == f"subs.csv, {REFUSED}"


def test_a_duckdb_table_of_such_segments_is_refused_as_the_file_is(tmp_path) -> None:
    with duckdb.connect(str(tmp_path / "w.duckdb")) as con:
        frame = SUBS.assign(month=pd.to_datetime(SUBS["month"]).dt.date)
        con.register("frame", frame)
        con.execute("CREATE TABLE subs AS SELECT * FROM frame")
    found = _refusal(subscriptions="table:subs", backend="duckdb", connection=str(tmp_path / "w.duckdb"),
                     segment="plan=Pro")  # fmt: skip
    said, _ = REFUSED.split(" in rows 2, 3, 4, 6, 7 and 1 more ")  # a table's rows: how many, the first by value
    assert found == (
        f"table:subs, {said} in 6 rows, e.g. customer_id 'a', month '2024-01-01', plan 'Pro'; customer_id 'a', month "
        "'2024-02-01', plan 'Pro'; customer_id 'b', month '2024-01-01', plan 'Pro'; customer_id 'b', month "
        "'2024-02-01', plan 'Pro'; customer_id 'c', month '2024-01-01', plan 'PRO'"
    )


@pytest.mark.parametrize(
    ("pro", "other"),
    [("DE", "de"), ("Pro Plan", "Pro  Plan"), ("O'Neil", "O\u2019Neil"), ("Self-serve", "Self\u2010serve")],
)
def test_every_look_alike_spelling_is_refused_on_orders(tmp_path, pro, other) -> None:
    orders = pd.DataFrame({
        "customer_id": ["a", "b", "a"],
        "date": ["2024-01-05", "2024-01-07", "2024-02-05"],
        "amount": [10, 20, 30],
        "country": [pro, other, pro],
    })  # fmt: skip
    orders.to_csv(tmp_path / "o.csv", index=False)
    found = _refusal(orders=tmp_path / "o.csv", backend="pandas", segment="country")
    assert found.startswith(f"o.csv, column 'country': segment values that differ only in capitals, spaces, "
                            f"apostrophes or hyphens ({pro!r} and {other!r}: ")  # fmt: skip


def test_one_spelling_gives_one_segment_with_every_customer(tmp_path) -> None:
    SUBS.assign(plan=SUBS["plan"].replace("PRO", "Pro")).to_csv(tmp_path / "subs.csv", index=False)
    for backend in ("pandas", "duckdb"):
        moves = load_tables(subscriptions=tmp_path / "subs.csv", backend=backend, segment="plan=Pro").movements
        assert moves.loc["2024-01", "customers_end"] == 3
        assert moves.loc["2024-01", "mrr_end"] == 170


def test_machine_codes_keep_their_capitals(tmp_path) -> None:
    SUBS.assign(plan=["price_1AbC"] * 3 + ["price_1abc"] + ["price_1AbC"] * 3 + ["price_1abc"]).to_csv(
        tmp_path / "subs.csv", index=False
    )
    moves = load_tables(subscriptions=tmp_path / "subs.csv", backend="pandas", segment="plan").movements
    assert moves.xs("2024-01", level="month")["customers_end"].to_dict() == {"price_1AbC": 3, "price_1abc": 1}


def test_spark_refuses_such_segments(spark) -> None:
    with pytest.raises(DataError, match=r"column 'plan': segment values that differ only in capitals.*'Pro' and 'PRO'"):
        R.subscription_tables(spark.createDataFrame(SUBS.assign(month=pd.to_datetime(SUBS["month"]))), segment="plan")


def test_a_currency_code_in_two_cases_is_one_currency_on_every_path(tmp_path) -> None:
    subs = SUBS.assign(plan=["usd", "EUR", "USD", "eur", "USD", "EUR", "usd", "EUR"]).rename(
        columns={"plan": "currency"}
    )
    subs.to_csv(tmp_path / "subs.csv", index=False)
    with duckdb.connect(str(tmp_path / "w.duckdb")) as con:
        con.register("frame", subs.assign(month=pd.to_datetime(subs["month"]).dt.date))
        con.execute("CREATE TABLE subs AS SELECT * FROM frame")
    for given in ({"backend": "pandas"}, {"backend": "duckdb", "connection": str(tmp_path / "w.duckdb")}):
        path = "table:subs" if "connection" in given else tmp_path / "subs.csv"
        moves = load_tables(subscriptions=path, segment="currency", **given).movements
        assert moves.xs("2024-01", level="month")["mrr_end"].to_dict() == {"EUR": 70, "USD": 120}, given
