"""The rates of `xl-retention sql`'s rows keep their month (and segment), as a warehouse returns them.

H68 finding 09: README sends the SQL's counts to ``xl_retention.tables.movements_from_counts`` (and
``purchases_``, ``visitors_``, ``nps_from_counts``) for the rates; given the rows as fetched (``month`` a column, and
``segment`` with --segment), they came back with a RangeIndex and no month: the rows matched by position only. Now
those columns become the index (months as periods), as the tables of the import have it.
"""

from __future__ import annotations

import duckdb
import pandas as pd

from xl_retention import cli
from xl_retention import tables as T

FIRSTS = pd.to_datetime(["2026-01-01", "2026-02-01", "2026-01-01", "2026-02-01"])
SUBS = pd.DataFrame({"customer_id": ["a", "a", "b", "b"], "month": FIRSTS, "mrr": [10.0, 10.0, 5.0, 0.0],
                     "segment": ["x", "x", "y", "y"]})  # fmt: skip
ANSWERS = pd.DataFrame({"date": pd.to_datetime(["2026-01-05", "2026-01-09", "2026-02-02"]), "score": [9.0, 3.0, 10.0]})


def _rows(capsys, table: str, *segment: str) -> pd.DataFrame:
    capsys.readouterr()
    assert cli.main(["sql", "--dialect", "duckdb", "--table", table, *segment]) == 0
    db = duckdb.connect()
    db.register("subscriptions", SUBS)
    db.register("answers", ANSWERS)
    return db.sql(capsys.readouterr().out.rstrip().rstrip(";")).df()


def test_the_sql_rows_rates_keep_their_month_and_segment(capsys) -> None:
    months = pd.period_range("2026-01", "2026-02", freq="M")
    moves = T.movements_from_counts(_rows(capsys, "movements"))
    assert moves.index.tolist() == months.tolist() and moves["customers_end"].tolist() == [2, 1]
    assert moves["crr"].tolist()[1] == 0.5
    split = T.movements_from_counts(_rows(capsys, "movements", "--segment"))
    assert split.index.names == ["segment", "month"]
    assert split["customers_end"].to_dict() == {("x", months[0]): 1, ("x", months[1]): 1, ("y", months[0]): 1,
                                                ("y", months[1]): 0}  # fmt: skip
    nps = T.nps_from_counts(_rows(capsys, "nps"))
    assert nps.index.tolist() == months.tolist() and nps["nps"].tolist() == [0.0, 100.0]
