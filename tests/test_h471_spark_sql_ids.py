"""`xl-retention sql --dialect spark`: ids that pandas, DuckDB's and Spark's tables and the DuckDB and PostgreSQL
SQL refuse stop Spark's query too (H471). Spark's SQL compares ids as written (its header says so), and on
f2305921's case it counted (2026-01: 'Acme' MRR 10 and 'b' MRR 5; 2026-02: the second id MRR 10): 'Acme' beside
'acme ' as two customers (2026-02 new 1, lost 2), '(not set)' or noemail@example.com twice as one who stays (2026-02
lost 1), a blank '' or '   ' id as a customer (new 1, lost 2), where pandas refuses each. Now each stops the query
naming the id; ids as written otherwise, and an integer column's 0 an id."""

from __future__ import annotations

import datetime

import pytest

from xl_retention import cli

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

LOOKALIKE = (
    "xl-retention: subscriptions.customer_id values that differ only in capitals, spaces, apostrophes or hyphens "
    "({}: one customer typed two ways? two would be counted, where xl-retention import refuses them): write each id "
    "one way"
)
GUEST = (
    "xl-retention: subscriptions.customer_id is '{}' in a row, an id that stands for no one (a guest checkout: "
    "WooCommerce writes 0; Google Analytics '(not set)'; an erased customer): all of them would be one customer who "
    "returns, where xl-retention import refuses them: use another id for them (an e-mail), or remove those rows"
)
TILL = (
    "xl-retention: {}.{} is '{}' in a row, an id that stands for no one (a placeholder e-mail typed for walk-in "
    "sales): all of them would be one {} who returns, where xl-retention import refuses them: remove those rows, or "
    "give each {} their own id"
)
BLANK = (
    "xl-retention: subscriptions.customer_id is blank or NULL in a row (read as a row of no one, where xl-retention "
    "import refuses a blank): fill or remove it (the row's month: 2026-02-01)"
)
#: the first and second ids of f2305921's case and the stop each gives
CASES = {
    "capitals": ("Acme", "acme", LOOKALIKE.format("'Acme' and 'acme'")),
    "apostrophe": ("O'Neil", "O\u2019Neil", LOOKALIKE.format("'O'Neil' and 'O\u2019Neil'")),
    "two spaces": ("Anna Schmidt", "Anna  Schmidt", LOOKALIKE.format("'Anna  Schmidt' and 'Anna Schmidt'")),
    "trailing space": ("Acme", "acme ", LOOKALIKE.format("'Acme' and 'acme '")),
    "(not set)": ("(not set)", "(not set)", GUEST.format("(not set)")),
    "Guest, spaced": (" Guest ", "c", GUEST.format("Guest")),
    "placeholder e-mail": ("noemail@example.com", "noemail@example.com",
                           TILL.format("subscriptions", "customer_id", "noemail@example.com", "customer", "customer")),
    "blank": ("Acme", "", BLANK),
    "spaces only": ("Acme", "   ", BLANK),
    "NULL": ("Acme", None, BLANK),
}  # fmt: skip


def _sql(capsys, table: str) -> str:
    capsys.readouterr()
    assert cli.main(["sql", "--dialect", "spark", "--table", table]) == 0
    return capsys.readouterr().out.rstrip().rstrip(";")


def _subscriptions(spark, first, second, kind: str = "string") -> None:
    day = datetime.date.fromisoformat
    rows = [(first, day("2026-01-01"), 10.0), (second, day("2026-02-01"), 10.0), ("b" if kind == "string" else 7,
            day("2026-01-01"), 5.0)]  # fmt: skip
    schema = f"customer_id {kind}, month date, mrr double"
    spark.createDataFrame(rows, schema).createOrReplaceTempView("subscriptions")


def test_spark_sql_stops_on_the_ids_pandas_refuses(spark, capsys) -> None:
    sql = f"SELECT month, customers_end, new, lost FROM ({_sql(capsys, 'movements')}) t ORDER BY month"
    for case, (first, second, said) in CASES.items():
        _subscriptions(spark, first, second)
        with pytest.raises(Exception) as caught:
            spark.sql(sql).collect()
        assert said in str(caught.value), case
    _subscriptions(spark, "acme", "acme")  # one id, one way: counted
    assert [tuple(r)[1:] for r in spark.sql(sql).collect()] == [(2, 2, 0), (1, 0, 1)]
    _subscriptions(spark, 0, 0, "int")  # an integer column's 0 is an id (numbered from 0 or not: as written here)
    assert [tuple(r)[1:] for r in spark.sql(sql).collect()] == [(2, 2, 0), (1, 0, 1)]


def test_spark_sql_stops_on_a_placeholder_email_of_a_visit_or_an_order(spark, capsys) -> None:
    day = datetime.date.fromisoformat
    rows = [("walkin@store.com", day("2026-01-05")), ("v", day("2026-01-05"))]
    spark.createDataFrame(rows, "visitor_id string, date date").createOrReplaceTempView("visits")
    with pytest.raises(Exception) as caught:
        spark.sql(_sql(capsys, "visitors")).collect()
    assert TILL.format("visits", "visitor_id", "walkin@store.com", "visitor", "visitor") in str(caught.value)
    rows = [("guest", day("2026-01-05"), 10.0), ("a", day("2026-01-05"), 5.0)]
    spark.createDataFrame(rows, "customer_id string, date date, amount double").createOrReplaceTempView("orders")
    with pytest.raises(Exception) as caught:
        spark.sql(_sql(capsys, "purchases")).collect()
    assert GUEST.format("guest").replace("subscriptions", "orders") in str(caught.value)
