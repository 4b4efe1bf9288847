"""`xl-retention sql --segment`: segment values typed two ways stop the query, as `xl-retention import` refuses them.

The file import refuses two segment values that differ only in capitals, spaces, apostrophes or hyphens ('EMEA' and
'emea': a0b715e) and reads 'EMEA ' as 'EMEA' and a blank as '(blank)'; the printed SQL made 'EMEA', 'emea' and
'EMEA ' three segments, silently (a customer's churn and another's arrival where the spelling changed). Now the SQL
labels segments as the import does and, where one is typed two ways, the query stops with an error naming both:
DuckDB, PostgreSQL, and Spark with ANSI mode off (where a text cast to a number is NULL: ``raise_error`` instead).
"""

from __future__ import annotations

import pandas as pd
import pytest

from xl_retention import cli
from xl_retention.workbook.importer import load_tables

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

MONTHS = pd.to_datetime(["2024-01-01", "2024-02-01", "2024-01-01", "2024-02-01", "2024-02-01", "2024-02-01"])
STOP = "segment values that differ only in capitals, spaces, apostrophes or hyphens ('EMEA' and 'emea'"


def _subs(segments: list[str | None]) -> pd.DataFrame:
    return pd.DataFrame({"customer_id": ["a", "a", "b", "b", "c", "d"], "month": MONTHS,
                         "mrr": [10.0, 10.0, 20.0, 20.0, 5.0, 7.0], "segment": segments})  # fmt: skip


def _sql(capsys, dialect: str) -> str:
    capsys.readouterr()
    assert cli.main(["sql", "--dialect", dialect, "--segment", "--table", "movements"]) == 0
    return capsys.readouterr().out.rstrip().rstrip(";")


def _duckdb(sql: str, subs: pd.DataFrame) -> dict[str, float]:
    import duckdb

    db = duckdb.connect()
    db.register("subscriptions", subs)
    got = db.sql(sql).df()
    return {s: float(v) for s, v in got[got["month"] == got["month"].max()].set_index("segment")["mrr_end"].items()}


def test_segments_typed_two_ways_stop_the_query(capsys) -> None:
    import duckdb

    sql = _sql(capsys, "duckdb")
    with pytest.raises(duckdb.ConversionException, match=STOP.replace("(", r"\(")):
        _duckdb(sql, _subs(["EMEA", "EMEA", "emea", "emea", "APAC", "APAC"]))
    with pytest.raises(duckdb.ConversionException, match="'O'Neil Ltd' and 'O’Neil  Ltd'"):
        _duckdb(sql, _subs(["O’Neil  Ltd", "O’Neil  Ltd", "O'Neil Ltd", "O'Neil Ltd", "APAC", "APAC"]))
    # a machine's codes keep their capitals, as the import's do: two segments
    codes = _subs(["price_1AbC", "price_1AbC", "price_1abc", "price_1abc", "APAC", "APAC"])
    assert _duckdb(sql, codes) == {"APAC": 12.0, "price_1AbC": 10.0, "price_1abc": 20.0}


def test_spaces_and_blanks_are_labelled_as_the_import_labels_them(capsys, tmp_path) -> None:
    subs = _subs(["EMEA ", "EMEA", " EMEA", "EMEA", None, ""])
    got = _duckdb(_sql(capsys, "duckdb"), subs)
    assert got == {"EMEA": 30.0, "(blank)": 12.0}
    subs.assign(month=subs["month"].dt.strftime("%Y-%m")).to_csv(tmp_path / "subs.csv", index=False)
    by_file = load_tables(tmp_path / "subs.csv", segment="segment").movements
    assert {s: float(by_file.loc[(s, pd.Period("2024-02", "M")), "mrr_end"]) for s in got} == got


def test_postgresql_stops_too(capsys) -> None:
    import psycopg
    from postgres_server import throwaway_server

    sql = _sql(capsys, "postgres")
    with throwaway_server("xl-retention-pg-h62-sql-") as url, psycopg.connect(url, autocommit=True) as con:
        con.execute("CREATE TABLE subscriptions (customer_id text, month date, mrr float8, segment text)")
        for r in _subs(["EMEA", "EMEA", "emea", "emea", "APAC", "APAC"]).itertuples():
            con.execute("INSERT INTO subscriptions VALUES (%s, %s, %s, %s)", (r.customer_id, r.month.date(), r.mrr,
                                                                              r.segment))  # fmt: skip
        with pytest.raises(psycopg.errors.InvalidTextRepresentation, match=STOP.replace("(", r"\(")):
            con.execute(sql).fetchall()


def test_spark_stops_with_ansi_mode_off(capsys, spark) -> None:
    sql = _sql(capsys, "spark")
    spark.conf.set("spark.sql.ansi.enabled", "false")  # Spark 3's default: a text cast to a number is NULL
    try:
        spark.createDataFrame(_subs(["EMEA", "EMEA", "emea", "emea", "APAC", "APAC"])).createOrReplaceTempView(
            "subscriptions"
        )
        with pytest.raises(Exception, match=STOP.replace("(", r"\(")):
            spark.sql(sql).collect()
        spark.createDataFrame(_subs(["free ", "free", "free", "free", "fee", "fee"])).createOrReplaceTempView(
            "subscriptions"
        )  # 'free' kept whole (Spark's TRIM of ibis' strip took 'f' for a space)
        got = spark.sql(sql).toPandas()
        assert sorted(got["segment"].unique()) == ["fee", "free"]
    finally:
        spark.conf.unset("spark.sql.ansi.enabled")
