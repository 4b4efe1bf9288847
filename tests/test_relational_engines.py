"""The relational tables on Spark (local mode) and on a PostgreSQL server these tests start and stop themselves.

Skipped, with the reason, where Java/PySpark or PostgreSQL's server programs are missing (.ci/run installs
default-jre-headless and postgresql). The server runs as an unprivileged user when the tests run as root.
"""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import HealthCheck, Phase, given, settings

# ibis 12 asks pandas 3 for an option pandas deprecates, on every conversion (not ours to fix)
pytestmark = [
    pytest.mark.filterwarnings("ignore:The 'future.infer_string' option is deprecated"),
    pytest.mark.filterwarnings("ignore:fetch_arrow_table\\(\\) is deprecated"),  # ibis 12 on duckdb 1.5
]

ibis = pytest.importorskip("ibis", reason="ibis-framework is not installed (pip install 'xl-retention[duckdb]')")

from import_cli import refusal  # noqa: E402
from postgres_server import throwaway_server  # noqa: E402
from relational_data import (  # noqa: E402
    answers,
    intervals,
    orders,
    reference,
    same,
    same_as_the_slow_count,
    snapshots,
    visits,
)
from test_movements import EXPECTED_MOVEMENTS, INTERVALS  # noqa: E402

from xl_retention import relational as R  # noqa: E402
from xl_retention import tables as T  # noqa: E402
from xl_retention.cli import main  # noqa: E402
from xl_retention.reading import DataError  # noqa: E402
from xl_retention.relational.segments import by_segment  # noqa: E402

FEW = settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.too_slow],
               phases=(Phase.explicit, Phase.reuse, Phase.generate))  # fmt: skip
SOME = settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow],
                phases=(Phase.explicit, Phase.reuse, Phase.generate))  # fmt: skip

ORDERS = pd.DataFrame({"customer_id": ["1", "1", "2", "1", "3", "2"], "date": ["2024-01-03", "2024-01-20",
                       "2024-02-01", "2024-02-09", "2024-04-01", "2024-04-02"], "amount": [1, 2, 3, -4, 5, 6],
                       "channel": ["web", "web", "shop", "web", "shop", "web"]})  # fmt: skip
VISITS = pd.DataFrame({"visitor_id": ["x", "y", "x", "z"], "date": ["2024-01-02", "2024-02-03", "2024-02-04",
                       "2024-04-01"]})  # fmt: skip
ANSWERS = pd.DataFrame({"date": ["2024-01-05"] * 7 + ["2024-03-01"], "score": [10, 9, 9, 8, 7, 6, 3, None]})


# -- Spark ----------------------------------------------------------------------------------------------------------


def test_spark_gives_the_numpy_tables(spark) -> None:
    con = ibis.pyspark.connect(spark)
    snaps = T.snapshots_from_intervals(INTERVALS, through="2024-06")
    got = R.subscription_tables(snaps, backend=con)
    pd.testing.assert_frame_equal(got.movements, EXPECTED_MOVEMENTS, check_exact=True)
    same(got, T.subscription_tables(snaps))
    same(R.order_tables(ORDERS, backend=con), T.order_tables(ORDERS))
    same(R.returning_visitors(VISITS, backend=con), T.returning_visitors(VISITS))
    same(R.nps_by_month(ANSWERS, backend=con), T.nps_by_month(ANSWERS))
    # through= after the intervals' last month (2024-05): the open intervals run to it, as import --through (H297)
    same(R.monthly_movements(INTERVALS, through="2024-06", backend=con), EXPECTED_MOVEMENTS)


def test_a_spark_dataframe_stays_in_spark_and_bad_rows_are_named(spark) -> None:
    frame = pd.DataFrame({"customer_id": ["a", "a", "b"], "month": pd.to_datetime(["2024-01-01", "2024-02-01",
                          "2024-02-01"]), "mrr": [10.0, 30.0, 5.0], "plan": ["Pro", "Basic", "Basic"]})  # fmt: skip
    got = R.subscription_tables(spark.createDataFrame(frame), segment="plan")
    ref = by_segment(T.subscription_tables, frame, "snapshots", "plan", T.monthly_movements(frame).index)
    same(got, ref)
    frame.loc[2, "mrr"] = -5.0
    with pytest.raises(DataError, match=r"^subs, column 'mrr': negative MRR in 1 row, e\.g\. customer_id 'b', month "
                       r"'2024-02-01', mrr -5\.0$"):  # fmt: skip
        R.monthly_movements(spark.createDataFrame(frame), source="subs")


def test_import_with_spark_reads_parquet_in_spark(spark, tmp_path) -> None:
    frame = pd.DataFrame({"customer_id": ["a", "a", "b"], "month": pd.to_datetime(["2024-01-01", "2024-02-01",
                          "2024-02-01"]), "mrr": [10.0, 30.0, 5.0]})  # fmt: skip
    frame.to_parquet(tmp_path / "subs.parquet")
    for backend in ("pandas", "spark"):
        code = main(["import", "--subscriptions", str(tmp_path / "subs.parquet"), "--backend", backend, "--to-csv",
                     str(tmp_path / backend)])  # fmt: skip
        assert code == 0
    for name in ("movements.csv", "customer_cohorts.csv", "survivors.csv"):
        assert (tmp_path / "spark" / name).read_text() == (tmp_path / "pandas" / name).read_text()


def test_import_with_spark_names_the_sheet_rows_of_an_excel_input(spark, tmp_path, capsys) -> None:
    from test_reading_rows_engines import NEGATIVE, under_a_title

    path = under_a_title(tmp_path / "subs.xlsx", NEGATIVE)  # title in A1, table from B3: data from row 4
    for backend in ("pandas", "spark"):
        assert main(["import", "--subscriptions", str(path), "--backend", backend, "--to-csv",
                     str(tmp_path / backend)]) == 1  # fmt: skip
        assert capsys.readouterr().err.strip().splitlines()[-1] == (
            "xl-retention: error: subs.xlsx, column 'mrr': negative MRR in rows 5, 6, 7, 8, 9 and 2 more of sheet "
            "'Data': -20, -21, -22, -23, -24"
        )


def test_spark_refuses_subscription_ids_as_pandas_does(spark, tmp_path, capsys) -> None:
    """H464's finding 01 on Spark, which shares DuckDB's path (relational.api's fused snapshots pass): a Spark
    DataFrame of 'Acme' beside 'acme' (or O'Neil/O\u2019Neil, two spaces, 'acme ', '(not set)' or a till's
    noemail@example.com twice) gave tables, 2026-02 lost 2 and churn 1.0 where pandas refuses; now Spark refuses as
    DuckDB does, and a blank id as pandas does (H471)."""
    from test_h466_subscription_id_checks import CASES, _by_values, _refused, _snapshots

    for case, (first, second, problem, engine_problem, advice) in CASES.items():
        frame = _snapshots(first, second)
        assert _refused(lambda f=frame: T.subscription_tables(f)) == (
            f"input, column 'customer_id': {problem} in the rows at index 0, 1: {first!r}, {second!r}{advice}"
        ), case
        for run in (R.subscription_tables, R.monthly_movements):
            assert _refused(lambda f=frame, run=run: run(spark.createDataFrame(f))) == (
                f"input, column 'customer_id': {engine_problem or problem} {_by_values(first, second)}{advice}"
            ), case
    missing = (
        "input, column 'customer_id': missing customer ids in {}: a row without one is no known customer's (a guest's "
        "or till sale?): fill the ids in, map a column that names each one, columns={{'customer_id': 'NAME'}}, or "
        "remove those rows: the figures then count the known ones only"
    )
    for blank in ("", "   "):
        frame = _snapshots("Acme", blank)
        assert _refused(lambda f=frame: T.subscription_tables(f)) == missing.format(
            "the row at index 1: (month '2026-02-01', mrr 10.0)"
        )
        assert _refused(lambda f=frame: R.subscription_tables(spark.createDataFrame(f))) == missing.format(
            "1 row, e.g. customer_id blank, month '2026-02-01', mrr 10.0"
        )
    path = tmp_path / "subs.parquet"
    _snapshots("Acme", "acme").to_parquet(path, index=False)
    rows = {
        "pandas": "rows 1, 2 (counting the Parquet file's first record as row 1): 'Acme', 'acme'",
        "spark": "2 rows, e.g. customer_id 'Acme'; customer_id 'acme'",
    }  # Spark's read has no row numbers
    for backend, named in rows.items():
        out = tmp_path / backend
        said = refusal(capsys, "--subscriptions", str(path), "--backend", backend, "--to-csv", str(out))
        assert said == (
            "subs.parquet, column 'customer_id': customer ids that differ only in capitals, spaces, apostrophes or "
            "hyphens ('Acme' and 'acme': one customer typed two ways, or two? Excel's MATCH and COUNTIF take them as "
            f"one) in {named}: write each customer's id one way, or give two customers ids that differ otherwise"
        ), backend
        assert not out.exists()


@pytest.mark.slow  # tens of seconds (a server, Spark or every formula): `python -m pytest -m slow`
@FEW
@given(snapshots(), orders(), visits(), answers(), intervals())
def test_spark_on_random_inputs(spark, snaps, o, v, a, iv) -> None:
    con = ibis.pyspark.connect(spark)
    got = R.subscription_tables(snaps, backend=con)
    same(got, T.subscription_tables(snaps))
    same_as_the_slow_count(got, snaps)
    same(R.order_tables(o, backend=con), reference("orders", o))
    same(R.returning_visitors(v, backend=con), reference("visits", v))
    same(R.nps_by_month(a, backend=con), reference("answers", a))
    same(R.subscription_tables(iv, backend=con), reference("intervals", iv))


# -- PostgreSQL -----------------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def postgres():
    """A throwaway PostgreSQL server on a free loopback port: its URL (stopped and deleted afterwards)."""
    with throwaway_server("xl-retention-pg-") as url:
        yield url


@pytest.mark.slow  # tens of seconds (a server, Spark or every formula): `python -m pytest -m slow`
@SOME
@given(snapshots(), orders(), visits(), answers(), intervals())
def test_postgres_on_random_inputs(postgres, snaps, o, v, a, iv) -> None:
    con = R.connect("postgres", postgres)
    got = R.subscription_tables(snaps, backend=con)
    same(got, T.subscription_tables(snaps))
    same_as_the_slow_count(got, snaps)
    same(R.order_tables(o, backend=con), reference("orders", o))
    same(R.returning_visitors(v, backend=con), reference("visits", v))
    same(R.nps_by_month(a, backend=con), reference("answers", a))
    same(R.subscription_tables(iv, backend=con), reference("intervals", iv))
    whole = T.order_tables(o)
    if (o["amount"] >= 0).any():  # all refunds: no customer, so no segment at all
        same(R.order_tables(o, backend=con, segment="channel"),
             by_segment(T.order_tables, o, "orders", "channel", whole.purchases.index))  # fmt: skip


def test_import_reads_postgres_tables(postgres, tmp_path, capsys) -> None:
    con = R.connect("postgres", postgres)
    subs = pd.DataFrame({"Customer": ["a", "a", "b", "b"], "Month": pd.to_datetime(["2024-01-01", "2024-02-01",
                         "2024-01-01", "2024-03-01"]), "MRR": [10.0, 15.0, 20.0, 20.0]})  # fmt: skip
    con.create_table("subs", schema=ibis.memtable(subs).schema())
    con.insert("subs", subs)
    subs.to_csv(tmp_path / "subs.csv", index=False)
    common = ["--columns", "customer_id=Customer", "--to-csv"]
    assert main(["import", "--subscriptions", str(tmp_path / "subs.csv"), *common, str(tmp_path / "csv")]) == 0
    assert main(["import", "--subscriptions", "table:subs", "--backend", "postgres", "--connection", postgres,
                 *common, str(tmp_path / "pg")]) == 0  # fmt: skip
    for name in ("movements.csv", "customer_cohorts.csv", "revenue_cohorts.csv", "survivors.csv"):
        assert (tmp_path / "pg" / name).read_text() == (tmp_path / "csv" / name).read_text(), name
    capsys.readouterr()
    bad = subs.assign(MRR=[10.0, -1.0, 20.0, 20.0])
    con.create_table("bad", schema=ibis.memtable(bad).schema())
    con.insert("bad", bad)
    assert main(["import", "--subscriptions", "table:bad", "--backend", "postgres", "--connection", postgres,
                 *common, str(tmp_path / "bad")]) == 1  # fmt: skip
    assert capsys.readouterr().err.strip() == ("xl-retention: error: table:bad, column 'MRR': negative MRR in 1 row, "
                                               "e.g. Customer 'a', Month '2024-02-01', MRR -1.0")  # fmt: skip
    assert main(["import", "--subscriptions", "table:subs", "--backend", "postgres", "--connection",
                 "postgres://nobody@127.0.0.1:1/none", *common, str(tmp_path / "x")]) == 1  # fmt: skip
    assert capsys.readouterr().err.startswith("xl-retention: error: cannot connect to postgres://nobody@127.0.0.1:1")


def test_the_printed_postgres_sql_runs_on_the_server(postgres, capsys) -> None:
    con = R.connect("postgres", postgres)
    subs = pd.DataFrame(
        {
            "customer_id": ["a", "a", "b", "b", "c"],
            "month": pd.to_datetime(["2024-01-01", "2024-02-01", "2024-01-01", "2024-03-01", "2024-02-01"]),
            "mrr": [10.0, 15, 20, 20, 5],
        }
    )
    stamped = con.create_table("subscriptions_stamped", schema=ibis.memtable(subs).schema())
    con.insert("subscriptions_stamped", subs)
    con.create_table("subscriptions", stamped.mutate(month=stamped.month.cast("date")))
    assert main(["sql", "--dialect", "postgres", "--table", "movements"]) == 0
    sql = capsys.readouterr().out.rstrip().rstrip(";")
    got = con.sql(sql).execute()
    assert list(got.columns) == ["month", *T.MOVEMENT_COUNTS]  # counts only: the rates are made from them
    counts = got.drop(columns="month").set_index(pd.PeriodIndex(got["month"], freq="M", name="month"))
    same(T.movements_from_counts(counts), T.monthly_movements(subs))
