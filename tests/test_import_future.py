"""Orders, visits and survey answers dated after the current month are refused by the import, as subscriptions are.

A pre-order, a delivery date, a year typed wrong or a survey tool's time zone would otherwise add a month that has
not happened yet, which a tracker's Dashboard then shows as its last month. The current month itself is counted.
Files (pandas), frames given to an engine and typed tables on DuckDB (read without pandas) refuse alike.
"""

import datetime as dt
from pathlib import Path

import ibis
import pandas as pd
import pytest

from xl_retention import cli
from xl_retention.reading import DataError, ReadOptions
from xl_retention.relational import api
from xl_retention.tables import nps_by_month, order_tables, returning_visitors

OPTIONS = ReadOptions(refuse_missing_months=True, today="2025-02-15")  # as the import reads: the current month 2025-02
ORDERS = pd.DataFrame({"customer_id": ["a", "b", "a"], "date": ["2025-01-05", "2025-02-10", "2025-03-01"],
                       "amount": [10.0, 20.0, 5.0]})  # fmt: skip
VISITS = pd.DataFrame({"visitor_id": ["u", "v", "u"], "date": ["2025-01-05", "2025-02-10", "2026-02-01"]})
ANSWERS = pd.DataFrame({"date": ["2025-01-05", "2025-02-10", "2025-04-30", "2025-03-02"], "score": [9, 10, 3, 7]})
EXPECTED = {
    "orders": "orders.csv, column 'date': rows for the month 2025-03, after the current month (2025-02): a month "
    "that has not happened yet is not counted; remove those rows (pre-orders, delivery dates, or a year typed wrong?)",
    "visits": "visits.csv, column 'date': rows for the month 2026-02, after the current month (2025-02): a month "
    "that has not happened yet is not counted; remove those rows (a year typed wrong, or times in another time zone?)",
    "answers": "answers.csv, column 'date': rows for the months 2025-03, 2025-04, after the current month (2025-02): "
    "a month that has not happened yet is not counted; remove those rows (a year typed wrong, or times in another "
    "time zone?)",
}
PANDAS = {"orders": (order_tables, ORDERS), "visits": (returning_visitors, VISITS), "answers": (nps_by_month, ANSWERS)}
ENGINE = {"orders": api.order_tables, "visits": api.returning_visitors, "answers": api.nps_by_month}


@pytest.mark.parametrize("kind", sorted(PANDAS))
def test_pandas_refuses_rows_after_the_current_month_naming_the_months(kind: str) -> None:
    function, frame = PANDAS[kind]
    with pytest.raises(DataError) as caught:
        function(frame, source=f"{kind}.csv", options=OPTIONS)
    assert str(caught.value) == EXPECTED[kind]


@pytest.mark.parametrize("kind", sorted(PANDAS))
@pytest.mark.parametrize("typed", [False, True])
def test_duckdb_refuses_them_alike_from_frames_and_typed_tables(kind: str, typed: bool) -> None:
    frame = PANDAS[kind][1].assign(date=lambda f: pd.to_datetime(f["date"])) if typed else PANDAS[kind][1]
    data = ibis.memtable(frame) if typed else frame  # typed: dates and numbers read by the engine, not by pandas
    with pytest.raises(DataError) as caught:
        ENGINE[kind](data, source=f"{kind}.csv", options=OPTIONS)
    assert str(caught.value) == EXPECTED[kind]


def test_typed_snapshots_on_duckdb_refuse_next_month_as_a_files_do() -> None:
    subs = pd.DataFrame({"customer_id": ["a", "a", "b"], "month": pd.to_datetime(["2025-01-01", "2025-02-01",
                         "2025-03-01"]), "mrr": [10.0, 10.0, 5.0]})  # fmt: skip
    with pytest.raises(DataError) as caught:
        api.subscription_tables(ibis.memtable(subs), source="subs.parquet", options=OPTIONS)
    assert str(caught.value) == (
        "subs.parquet, column 'month': rows for the month 2025-03, after the current month (2025-02): a month that "
        "has not happened yet is not counted; remove those rows (a forecast or a scheduled renewal?)"
    )
    through = ReadOptions(refuse_missing_months=True, today="2025-03")  # the current month is counted
    movements = api.subscription_tables(ibis.memtable(subs), source="s", options=through).movements
    assert movements["customers_end"].tolist() == [1, 1, 1]


def test_the_current_month_is_counted_and_the_functions_default_does_not_refuse() -> None:
    purchases = order_tables(ORDERS, source="orders.csv", options=ReadOptions(refuse_missing_months=True,
                             today="2025-03-31"))[0]  # fmt: skip
    assert purchases["buyers"].tolist() == [1, 1, 1]
    assert nps_by_month(ANSWERS, source="answers.csv")["responses"].tolist() == [1, 1, 1, 1]  # no import: no check


def test_the_import_refuses_a_next_month_order_by_the_date_of_the_run(tmp_path: Path, capsys) -> None:
    now = pd.Period(dt.date.today(), freq="M")
    path = tmp_path / "orders.csv"
    path.write_text(f"customer_id,date,amount\na,{now}-03,10\nb,{now + 1}-15,10\n")
    assert cli.main(["import", "--orders", str(path), "--into", str(tmp_path / "nothing.xlsx")]) == 1  # no workbook
    capsys.readouterr()
    assert cli.main(["import", "--orders", str(path), "--to-csv", str(tmp_path / "out")]) == 1
    assert capsys.readouterr().err.strip() == (
        f"xl-retention: error: orders.csv, column 'date': rows for the month {now + 1}, after the current month "
        f"({now}): a month that has not happened yet is not counted; remove those rows (pre-orders, delivery dates, "
        "or a year typed wrong?)"
    )
    assert not (tmp_path / "out").exists()
    path.write_text(f"customer_id,date,amount\na,{now}-03,10\n")
    assert cli.main(["import", "--orders", str(path), "--to-csv", str(tmp_path / "out")]) == 0
