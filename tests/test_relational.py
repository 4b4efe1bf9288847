"""The relational tables (xl_retention.relational) on DuckDB: identical to the numpy tables and to the slow count."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, Phase, assume, given, settings
from hypothesis import strategies as st

# ibis 12 asks pandas 3 for an option pandas deprecates, on every conversion (not ours to fix)
pytestmark = [
    pytest.mark.filterwarnings("ignore:The 'future.infer_string' option is deprecated"),
    pytest.mark.filterwarnings("ignore:fetch_arrow_table\\(\\) is deprecated"),  # ibis 12 on duckdb 1.5
]

ibis = pytest.importorskip("ibis", reason="ibis-framework is not installed (pip install 'xl-retention[duckdb]')")
pytest.importorskip("duckdb", reason="duckdb is not installed (pip install 'xl-retention[duckdb]')")

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
from xl_retention.errors import RetentionInputError  # noqa: E402
from xl_retention.reading import DataError  # noqa: E402
from xl_retention.relational.segments import by_segment  # noqa: E402
from xl_retention.tables.subscriptions import segment_subscription_tables  # noqa: E402

NO_SHRINK = (Phase.explicit, Phase.reuse, Phase.generate)  # an engine query per example: shrinking takes minutes


def _table(con, name: str, frame: pd.DataFrame):
    """A database table of ``frame`` (create + insert: duckdb 2's create_table from pandas fails in ibis 12)."""
    table = con.create_table(name, schema=ibis.memtable(frame).schema())
    con.insert(name, frame)
    return table


FAST = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow], phases=NO_SHRINK)


# -- hand-computed fixtures ---------------------------------------------------------------------------------------
def test_the_hand_computed_movements() -> None:
    snaps = T.snapshots_from_intervals(INTERVALS, through="2024-06")
    pd.testing.assert_frame_equal(R.monthly_movements(snaps), EXPECTED_MOVEMENTS, check_exact=True)
    # through= after the intervals' last month (2024-05: E's return, G's loss) says the data covers it: the open
    # intervals run to it, as snapshots_from_intervals(through=) and import --through (H297)
    got = R.monthly_movements(INTERVALS, through="2024-06")
    pd.testing.assert_frame_equal(got, EXPECTED_MOVEMENTS, check_exact=True)
    window = R.monthly_movements(snaps, start="2024-03", end="2024-05")
    pd.testing.assert_frame_equal(window, EXPECTED_MOVEMENTS.loc["2024-03":"2024-05"], check_exact=True)
    same(R.subscription_tables(snaps, start="2024-01", end="2024-06"),
         T.subscription_tables(snaps, start="2024-01", end="2024-06"))  # fmt: skip
    for function in (R.subscription_tables, T.subscription_tables):  # a month after the data: every customer lost
        with pytest.raises(RetentionInputError, match=r"^end 2024-07 is after input's last month, 2024-06: "):
            function(snaps, start="2024-01", end="2024-07")
        # a month before the data: months of 0 customers, though nothing says there were none
        with pytest.raises(RetentionInputError, match=r"^start 2023-11 is before input's first month, 2024-01: "):
            function(snaps, start="2023-11", end="2024-06")


def test_grr_is_the_capped_customer_level_grr() -> None:
    snaps = T.snapshots_from_intervals(INTERVALS, through="2024-06")
    snaps["month"] = snaps["month"].astype(str)
    wide = snaps.pivot(index="customer_id", columns="month", values="mrr").fillna(0)
    cols = list(wide.columns)
    pairs = zip(cols[:-1], cols[1:], strict=True)
    capped = [np.minimum(wide[m], wide[p])[wide[p] > 0].sum() / wide[p].sum() for p, m in pairs]
    np.testing.assert_allclose(R.monthly_movements(snaps)["grr"].iloc[1:], capped, rtol=1e-15)


def test_each_table_by_hand() -> None:
    orders_ = pd.DataFrame({"customer_id": [1, 1, 2, 1, 3], "date": ["2024-01-03", "2024-01-20", "2024-02-01",
                            "2024-02-09", "2024-04-01"], "amount": [1, 2, 3, -4, 5]})  # fmt: skip
    got = R.order_tables(orders_)
    assert got.purchases.to_dict("list") == {
        "buyers": [1, 1, 0, 1], "repeat_purchasers": [1, 0, 0, 0], "returning": [0, 0, 0, 0],
        "repeat_purchase_rate": [1.0, 0.0, np.nan, 0.0], "returning_rate": [0.0, 0.0, np.nan, 0.0],
    } or got.purchases.fillna(-1).to_dict("list") == {  # NaN != NaN: compare with a stand-in
        "buyers": [1, 1, 0, 1], "repeat_purchasers": [1, 0, 0, 0], "returning": [0, 0, 0, 0],
        "repeat_purchase_rate": [1.0, 0.0, -1.0, 0.0], "returning_rate": [0.0, 0.0, -1.0, 0.0],
    }  # fmt: skip
    assert got.revenue_cohorts.iloc[0].tolist()[:2] == [3.0, 0.0]  # the refund of -4 is not revenue
    same(got, T.order_tables(orders_))
    answers_ = pd.DataFrame({"date": ["2024-01-05"] * 7 + ["2024-03-01"], "score": [10, 9, 9, 8, 7, 6, 3, None]})
    nps = R.nps_by_month(answers_)
    assert nps["responses"].tolist() == [7, 0, 0] and round(nps["nps_moe"].iloc[0], 6) == 61.707861
    same(nps, T.nps_by_month(answers_))


# -- Hypothesis: identical to the numpy tables and to the customer-by-customer count -----------------------------------
@FAST
@given(snapshots())
def test_subscriptions_equal_the_numpy_tables_and_the_slow_count(snaps: pd.DataFrame) -> None:
    got = R.subscription_tables(snaps)
    same(got, T.subscription_tables(snaps))
    same_as_the_slow_count(got, snaps)


@FAST
@given(snapshots(fractional=True), st.sampled_from([(None, None), ("2023-12", None), (None, "2024-05"),
                                                     ("2023-09", "2024-12")]))  # fmt: skip
def test_fractional_mrr_and_windows(snaps: pd.DataFrame, window: tuple) -> None:
    last = pd.Period(max(map(str, snaps["month"])), freq="M") if len(snaps) else None
    if window[1] is not None and last is not None and pd.Period(window[1], freq="M") > last:
        for function in (R.subscription_tables, T.subscription_tables):  # a month without snapshots: all lost
            with pytest.raises(RetentionInputError, match=rf"^end {window[1]} is after input's last month, {last}: "):
                function(snaps, *window)
        return
    first = pd.Period(min(map(str, snaps["month"])), freq="M") if len(snaps) else None
    if window[0] is not None and first is not None and pd.Period(window[0], freq="M") < first:
        for function in (R.subscription_tables, T.subscription_tables):  # months before the data: 0 customers
            with pytest.raises(
                RetentionInputError, match=rf"^start {window[0]} is before input's first month, {first}"
            ):
                function(snaps, *window)
        return
    if window[1] is not None and first is not None and pd.Period(window[1], freq="M") < first:
        for function in (R.subscription_tables, T.subscription_tables):  # the whole window before the data
            with pytest.raises(RetentionInputError, match=rf"^end {window[1]} is before input's first month, {first}"):
                function(snaps, *window)
        return
    if window[0] is not None and last is not None and pd.Period(window[0], freq="M") > last:
        for function in (R.subscription_tables, T.subscription_tables):  # the window's first month shown: all lost
            with pytest.raises(RetentionInputError, match=rf"^start {window[0]} is after input's last month, {last}: "):
                function(snaps, *window)
        return
    same(R.subscription_tables(snaps, *window), T.subscription_tables(snaps, *window), exact=False)


@pytest.mark.slow  # tens of seconds (a server, Spark or every formula): `python -m pytest -m slow`
@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow], phases=NO_SHRINK)
@given(orders(), visits(), answers(), intervals())
def test_orders_visits_answers_intervals_equal_the_numpy_tables(o, v, a, iv) -> None:
    same(R.order_tables(o), reference("orders", o))
    same(R.returning_visitors(v), reference("visits", v))
    same(R.nps_by_month(a), reference("answers", a))  # the same counts, so the same scores (one formula)
    same(R.subscription_tables(iv), reference("intervals", iv))


# -- segments -------------------------------------------------------------------------------------------------------
@pytest.mark.slow  # tens of seconds (a server, Spark or every formula): `python -m pytest -m slow`
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow], phases=NO_SHRINK)
@given(snapshots(), orders())
def test_segments_equal_the_pandas_split_and_add_up(snaps: pd.DataFrame, o: pd.DataFrame) -> None:
    assume((snaps["mrr"] > 0).any() and (o["amount"] >= 0).any())  # no customer: no segment at all
    whole = T.subscription_tables(snaps)
    got = R.subscription_tables(snaps, segment="plan")
    ref = by_segment(segment_subscription_tables, snaps, "snapshots", "plan", whole.movements.index)
    same(got, ref)
    counts = ["customers_start", "new", "reactivated", "lost", "customers_end", "mrr_end", "expansion_mrr"]
    added = got.movements[counts].groupby(level="month").sum()
    pd.testing.assert_frame_equal(added, whole.movements[counts], check_exact=True)
    by_channel = R.order_tables(o, segment="channel")
    same(by_channel, by_segment(T.order_tables, o, "orders", "channel", T.order_tables(o).purchases.index))


def test_a_customer_counts_in_the_segment_of_their_first_active_month() -> None:
    subs = pd.DataFrame({"customer_id": ["a", "a", "a", "b", "b"], "month": ["2024-01", "2024-02", "2024-03",
                         "2024-01", "2024-02"], "mrr": [0, 10, 30, 20, 20], "plan": ["Pro", "Basic", "Pro", None,
                         "Pro"]})  # fmt: skip
    m = R.monthly_movements(subs, segment="plan")
    assert sorted(set(m.index.get_level_values("segment"))) == ["(blank)", "Basic"]
    basic = m.xs("Basic", level="segment")
    # a's upgrade to Pro in March is expansion in Basic, not a loss there and a new customer in Pro
    assert basic["expansion_mrr"].tolist() == [0.0, 0.0, 20.0] and basic["lost"].tolist() == [0, 0, 0]
    assert m.xs("(blank)", level="segment")["customers_end"].tolist() == [1, 1, 0]


# -- bad data: the same one-line errors -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("frame", "call"),
    [
        (pd.DataFrame({"customer_id": ["a", "b"], "month": ["2024-01", "2024-01"], "mrr": [5, -3]}), "subscriptions"),
        (
            pd.DataFrame(
                {
                    "customer_id": ["a", "a", "b", "a"],
                    "month": ["2024-01", "2024-02", "2024-02", "2024-02"],
                    "mrr": [5, 2, 1, 3],  # a's two MRRs in February (a 0 beside the 3 would add nothing: read)
                }
            ),
            "subscriptions",
        ),  # fmt: skip
        (pd.DataFrame({"customer_id": ["a", ""], "month": ["2024-01", "2024-02"], "mrr": [5, 1]}), "subscriptions"),
        (
            pd.DataFrame({"customer_id": ["a"], "start": ["2024-03-01"], "end": ["2024-01-01"], "mrr": [5]}),
            "subscriptions",
        ),  # fmt: skip
        (
            pd.DataFrame({"customer_id": ["a"], "month": ["2024-01"], "amount": [5], "interval": ["lunar"]}),
            "subscriptions",
        ),  # fmt: skip
        (pd.DataFrame({"date": ["2024-01-01", "2024-01-02"], "score": [9, 11]}), "nps"),
        (pd.DataFrame({"customer_id": ["a", "b"], "date": ["1900-01-01", "2024-01-01"]}), "orders"),
    ],
)
def test_bad_data_gets_the_numpy_paths_error(frame: pd.DataFrame, call: str) -> None:
    numpy_call = {"subscriptions": lambda f: reference("intervals" if "start" in f else "subscriptions", f),
                  "nps": T.nps_by_month, "orders": T.order_tables}[call]  # fmt: skip
    engine_call = {"subscriptions": R.subscription_tables, "nps": R.nps_by_month, "orders": R.order_tables}[call]
    with pytest.raises(DataError) as expected:
        numpy_call(frame)
    with pytest.raises(DataError) as got:
        engine_call(frame)  # a frame given in Python: its rows by their index labels on both paths
    assert str(got.value) == str(expected.value)


def test_typed_parquet_is_read_by_the_engine_with_its_row_numbers(tmp_path) -> None:
    path = tmp_path / "subs.parquet"
    frame = pd.DataFrame({"Customer": ["a", "b", "c"], "Month": pd.to_datetime(["2024-01-01", "2024-01-15",
                          "2024-02-01"]), "MRR": [5.0, -3.0, -1.0]})  # fmt: skip
    frame.to_parquet(path)
    con = R.connect("duckdb")
    table = con.read_parquet(path, file_row_number=True).rename({"__row": "file_row_number"})
    with pytest.raises(DataError, match=r"^subs.parquet, column 'MRR': negative MRR in rows 2, 3 \(counting the "
                       r"Parquet file's first record as row 1\): -3.0, -1.0$"):  # fmt: skip
        R.subscription_tables(table, columns={"customer_id": "Customer"}, source="subs.parquet", backend=con)
    frame["MRR"] = [5.0, 3.0, 1.0]
    got = R.subscription_tables(_table(con, "subs", frame), columns={"customer_id": "Customer"})
    same(got, T.subscription_tables(frame, columns={"customer_id": "Customer"}))


def test_an_ibis_table_without_row_order_names_rows_by_their_values() -> None:
    con = R.connect("duckdb")
    table = _table(con, "orders", pd.DataFrame({"customer_id": ["a", None], "date": pd.to_datetime(
        ["2024-01-01", "2024-01-02"])}))  # fmt: skip
    with pytest.raises(DataError, match=r"^orders, column 'customer_id': missing customer ids in 1 row, e\.g\. "):
        R.order_tables(table, source="orders")


def test_billing_exports_in_the_engine_equal_the_reading_rules() -> None:
    frame = pd.DataFrame({"customer_id": ["a", "b", "c", "a"], "month": pd.to_datetime(["2024-01-01"] * 3 +
                          ["2024-02-01"]), "amount": [1200.0, 10.0, 50.0, 1200.0], "interval": ["year", "Weekly",
                          "month", "annual"], "quantity": [1, 1, 3, 2]})  # fmt: skip
    con = R.connect("duckdb")
    got = R.monthly_movements(_table(con, "billing", frame))
    assert got["mrr_end"].round(2).tolist() == [100 + 43.48 + 150, 200.0]
    same(got, T.monthly_movements(frame))


# -- CLI: --backend, --segment, table inputs, sql -------------------------------------------------------------------
def _write(tmp_path, name: str, frame: pd.DataFrame) -> str:
    path = tmp_path / name
    frame.to_csv(path, index=False) if name.endswith(".csv") else frame.to_parquet(path)
    return str(path)


def test_cli_backends_write_the_same_csv(tmp_path, capsys) -> None:
    subs = _write(
        tmp_path,
        "subs.csv",
        pd.DataFrame(
            {
                "customer_id": ["a", "a", "b", "b"],
                "month": ["2024-01", "2024-02", "2024-01", "2024-03"],
                "mrr": [10, 15, 20, 20],
                "plan": ["Pro", "Pro", "Basic", "Pro"],
            }
        ),
    )
    orders_ = _write(tmp_path, "orders.parquet", pd.DataFrame({"customer_id": ["a", "a", "b"], "date": pd.to_datetime(
        ["2024-01-03", "2024-01-09", "2024-03-01"]), "amount": [5.0, -5.0, 7.5]}))  # fmt: skip
    outputs = {}
    for backend in ("pandas", "duckdb"):
        assert main(["import", "--subscriptions", subs, "--orders", orders_, "--backend", backend, "--to-csv",
                     str(tmp_path / backend)]) == 0  # fmt: skip
        outputs[backend] = {p.name: p.read_text() for p in (tmp_path / backend).iterdir()}
    assert outputs["pandas"] == outputs["duckdb"] and "survivors.csv" in outputs["duckdb"]
    for backend in ("pandas", "duckdb"):
        assert main(["import", "--subscriptions", subs, "--segment", "plan", "--backend", backend, "--to-csv",
                     str(tmp_path / f"seg-{backend}")]) == 0  # fmt: skip
    seg = {b: (tmp_path / f"seg-{b}" / "movements.csv").read_text() for b in ("pandas", "duckdb")}
    assert seg["pandas"] == seg["duckdb"] and seg["duckdb"].startswith("segment,month,customers_start")
    assert main(["import", "--subscriptions", subs, "--segment", "plan", "--into", str(tmp_path / "t.xlsx")]) == 1
    assert "--segment plan=VALUE" in capsys.readouterr().err
    assert main(["import", "--subscriptions", subs, "--segment", "plan=Gold", "--backend", "duckdb", "--to-csv",
                 str(tmp_path / "gold")]) == 1  # fmt: skip
    assert capsys.readouterr().err.strip() == ("xl-retention: error: subs.csv: no customer is in segment "
                                               "plan='Gold' (segments: 'Basic', 'Pro')")  # fmt: skip


def test_cli_reads_a_table_of_a_duckdb_database(tmp_path, capsys) -> None:
    database = str(tmp_path / "warehouse.duckdb")
    con = R.connect("duckdb", database)
    _table(con, "subs", pd.DataFrame({"customer_id": ["a", "b"], "month": pd.to_datetime(["2024-01-01",
                     "2024-02-01"]), "mrr": [10.0, -2.0]}))  # fmt: skip
    con.disconnect()
    code = main(["import", "--subscriptions", "table:subs", "--backend", "duckdb", "--connection", database,
                 "--to-csv", str(tmp_path / "out")])  # fmt: skip
    assert code == 1
    assert capsys.readouterr().err.strip() == ("xl-retention: error: table:subs, column 'mrr': negative MRR in 1 row, "
                                               "e.g. customer_id 'b', month '2024-02-01', mrr -2.0")  # fmt: skip
    assert main(["import", "--subscriptions", "table:nope", "--backend", "duckdb", "--connection", database,
                 "--to-csv", str(tmp_path / "out")]) == 1  # fmt: skip
    assert "no table 'nope' in the duckdb database" in capsys.readouterr().err


@pytest.mark.parametrize("segment", [False, True])
def test_the_printed_sql_runs_and_gives_the_tables(capsys, segment: bool) -> None:
    subs = pd.DataFrame({"customer_id": ["a", "a", "b", "b", "c"], "month": pd.to_datetime(["2024-01-01",
                         "2024-02-01", "2024-01-01", "2024-03-01", "2024-02-01"]), "mrr": [10.0, 15, 20, 20, 5],
                         "segment": ["x", "x", "y", "x", "y"]})  # fmt: skip
    if not segment:
        subs = subs.drop(columns="segment")
    assert main(["sql", "--dialect", "duckdb", "--table", "movements"] + (["--segment"] if segment else [])) == 0
    sql = capsys.readouterr().out
    import duckdb

    assert sql.startswith("-- xl-retention monthly tables, dialect duckdb: counts and MRR sums only")
    assert "grr = (mrr_start - capped) / mrr_start" in sql
    db = duckdb.connect()
    db.register("subscriptions", subs)
    got = db.sql(sql.rstrip().rstrip(";")).df()
    assert list(got.columns) == ["month", *(["segment"] if segment else []), *T.MOVEMENT_COUNTS]  # no rate in SQL
    index = pd.PeriodIndex(got["month"], freq="M", name="month")
    if segment:
        index = pd.MultiIndex.from_arrays([got["segment"], index], names=["segment", "month"])
    table = T.movements_from_counts(got.drop(columns=["month", "segment"], errors="ignore").set_index(index))
    same(table, R.monthly_movements(subs, segment="segment" if segment else None))
    if not segment:
        same(table, T.monthly_movements(subs))
    for dialect in ("postgres", "spark", "snowflake", "bigquery", "trino"):
        assert main(["sql", "--dialect", dialect]) == 0
        assert capsys.readouterr().out.count("-- ") >= 6
    assert main(["sql", "--dialect", "klingon"]) == 1
    assert capsys.readouterr().err.startswith("xl-retention: error: cannot write SQL for dialect 'klingon'")


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_one_segment_fills_a_tracker(tmp_path, backend: str) -> None:
    from xl_retention.workbook.importer import load_tables

    subs = pd.DataFrame({"customer_id": ["a", "a", "b", "b", "c"], "month": ["2026-01", "2026-02", "2026-01",
                         "2026-03", "2026-02"], "mrr": [10, 15, 20, 20, 5], "plan": ["Pro", "Pro", "Basic", "Pro",
                         "Pro"]})  # fmt: skip
    path = _write(tmp_path, "subs.csv", subs)
    tables = load_tables(path, segment="plan=Pro", backend=backend)
    pro = subs[subs["customer_id"].isin(["a", "c"])]  # b signed up on Basic: b stays in Basic when on Pro
    # the segment's customers are all gone in 2026-03, the data's last month: written as their rows with MRR 0 (an
    # end after a snapshots frame's last month is refused: its customers would be counted lost unobserved)
    gone = pd.DataFrame({"customer_id": ["a"], "month": ["2026-03"], "mrr": [0], "plan": ["Pro"]})
    expected = T.subscription_tables(pd.concat([pro, gone]), start="2026-01", end="2026-03")
    same((tables.movements, tables.customer_cohorts, tables.survivors),
         (expected.movements, expected.customer_cohorts, expected.survivors))  # fmt: skip
    assert main(["new", str(tmp_path / "t.xlsx"), "--start", "2026-01", "--months", "6"]) == 0
    args = ["import", "--subscriptions", path, "--segment", "plan=Pro", "--into", str(tmp_path / "t.xlsx")]
    assert main([*args, "--backend", backend]) == 0


def test_parquet_with_text_dates_is_read_by_the_readers(tmp_path, capsys) -> None:
    frame = pd.DataFrame({"customer_id": ["a", "a", "b"], "month": ["05/01/2024", "05/02/2024", "13/02/2024"],
                          "mrr": ["10,5", "12,0", "3,0"]})  # fmt: skip
    path = _write(tmp_path, "subs.parquet", frame)
    for backend in ("pandas", "duckdb"):
        assert main(["import", "--subscriptions", path, "--backend", backend, "--to-csv", str(tmp_path / backend)]) == 0
    assert (tmp_path / "pandas" / "movements.csv").read_text() == (tmp_path / "duckdb" / "movements.csv").read_text()
    frame.loc[2, "month"] = "31/02/2024"
    _write(tmp_path, "subs.parquet", frame)
    errors = []
    for backend in ("pandas", "duckdb"):
        assert main(["import", "--subscriptions", path, "--backend", backend, "--to-csv", str(tmp_path / "x")]) == 1
        errors.append(capsys.readouterr().err)
    assert errors[0] == errors[1] and "subs.parquet, column 'month'" in errors[0]


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow], phases=NO_SHRINK)
@given(intervals(), st.lists(st.sampled_from(["Basic", "Pro"]), min_size=12, max_size=12))
def test_interval_segments_equal_the_pandas_split(iv: pd.DataFrame, plans: list[str]) -> None:
    iv = iv.assign(plan=plans[: len(iv)])
    assume((iv["mrr"] > 0).any())
    whole = T.subscription_tables(T.snapshots_from_intervals(iv))
    through = whole.movements.index[-1]

    def compute(rows, start, end, **kw):
        return segment_subscription_tables(T.snapshots_from_intervals(rows, through=through, **kw), start, end)

    ref = by_segment(compute, iv, "intervals", "plan", whole.movements.index)
    same(R.subscription_tables(iv, segment="plan"), ref)


@pytest.mark.parametrize(
    ("ids", "months", "mrr", "message"),
    [
        (["a", None, "b"], ["2024-01-01"] * 3, [1.0, 2.0, 3.0], r"column 'customer_id': missing customer ids in 1 row"),
        (
            ["a", " a ", "b"],
            ["2024-01-01"] * 3,
            [1.0, 2.0, 3.0],
            r"duplicate snapshots .* in 2 rows, e\.g\. "
            r"customer_id 'a', month '2024-01-01'; customer_id 'a', month '2024-01-01'$",
        ),  # fmt: skip
        (["a", "b", "c"], ["1900-03-01", "2024-01-01", "2024-02-01"], [1.0, 2.0, 3.0], r"more than 100 years apart"),
        (
            ["a", "b", "c"],
            ["1900-01-01", "2024-01-01", "2024-02-01"],
            [1.0, 2.0, 3.0],
            r"column 'month': dates of 1900-01-01 00:00:00, with no other date within a year \(a missing date "
            r"exported as 0, .* in 1 row, e\.g\. customer_id 'a', month '1900-01-01': leave it blank, or give the real "
            r"date$",
        ),  # as a file's (test_sql_zero_day_dates)
        (["a", "b", "c"], ["2024-01-01"] * 3, [1.0, -2.0, None], r"column 'mrr': blank numbers in 1 row"),
    ],
)
def test_a_typed_table_is_checked_from_the_window_pass_with_the_same_errors(ids, months, mrr, message) -> None:
    con = R.connect("duckdb")
    frame = pd.DataFrame({"customer_id": ids, "month": pd.to_datetime(months), "mrr": mrr})
    table = _table(con, "subs", frame)
    with pytest.raises(DataError, match=message):
        R.subscription_tables(table, source="subs")
    with pytest.raises(DataError, match=message):  # the separate check pass (end given) says the same
        R.subscription_tables(table, source="subs", end="2024-01")
