"""`xl-retention sql`: a subscriptions table whose month holds times of day (a payments export taken as snapshots).

`xl-retention import` refuses a month column with times of day (reading.months.refuse_times: one row per event, each
payment would count as a month's MRR), from a CSV file or a table; the SQL counted them (a's two payments its MRR of
January and February). Now the query stops naming the time and the customer (sql_stops.months_without_times).
"""

from __future__ import annotations

import duckdb
import pytest

from xl_retention import cli

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def _sql(capsys) -> str:
    capsys.readouterr()
    assert cli.main(["sql", "--dialect", "duckdb", "--table", "movements"]) == 0
    return capsys.readouterr().out.rstrip().rstrip(";")


def test_a_month_with_a_time_of_day_stops_the_query_as_the_import_refuses_it(capsys, tmp_path) -> None:
    path = tmp_path / "w.duckdb"
    with duckdb.connect(str(path)) as db:
        db.execute("CREATE TABLE subscriptions (customer_id VARCHAR, month TIMESTAMP, mrr DOUBLE)")
        db.execute("INSERT INTO subscriptions VALUES ('a', '2026-01-01', 10), ('a', '2026-02-01', 10), "
                   "('b', '2026-02-01', 5)")  # fmt: skip
        sql = _sql(capsys)
        assert [(str(r[0])[:7], int(r[1])) for r in db.sql(f"SELECT month, customers_end FROM ({sql}) t ORDER BY 1")
                .fetchall()] == [("2026-01", 1), ("2026-02", 2)]  # fmt: skip
        db.execute("UPDATE subscriptions SET month = month + INTERVAL 10 HOUR WHERE customer_id = 'b'")
        with pytest.raises(duckdb.Error) as error:
            db.sql(sql).fetchall()
        assert "xl-retention: subscriptions.month is 2026-02-01 10:00:00 in a row, a time of day" in str(error.value)
        assert "(the row's customer_id: b)" in str(error.value)
    capsys.readouterr()
    assert cli.main(["import", "--subscriptions", "table:subscriptions", "--backend", "duckdb", "--connection",
                     str(path), "--to-csv", str(tmp_path / "out")]) == 1  # fmt: skip
    assert "column 'month': a month column with times of day" in capsys.readouterr().err
