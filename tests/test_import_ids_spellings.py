"""One customer's id written '123' and '123.0' (a float column), or in full-width digits, is one customer."""

from __future__ import annotations

from pathlib import Path

import duckdb
import ibis
import pandas as pd
import pytest

from xl_retention import cli
from xl_retention.reading.values import clean_ids

SNAPSHOTS = "customer_id,month,mrr\n123,2024-01,100\n456,2024-01,50\n{again},2024-02,100\n456,2024-02,50\n"


def _movements(folder: Path) -> list[list]:
    m = pd.read_csv(folder / "movements.csv")
    return m[["month", "new", "lost", "customers_end", "mrr_end"]].values.tolist()


@pytest.mark.parametrize("again", ["123.0", "\uff11\uff12\uff13", "123.00"])
def test_one_customer_whatever_the_spelling(tmp_path: Path, capsys: pytest.CaptureFixture[str], again: str) -> None:
    (tmp_path / "s.csv").write_text(SNAPSHOTS.format(again=again), encoding="utf-8")
    assert cli.main(["import", "--subscriptions", str(tmp_path / "s.csv"), "--to-csv", str(tmp_path / "t")]) == 0
    assert _movements(tmp_path / "t") == [["2024-01", 2, 0, 2, 150.0], ["2024-02", 0, 0, 2, 150.0]]
    if "." in again:
        assert f"ids written as decimals ('{again}') read as the whole numbers" in capsys.readouterr().out


def test_orders_id_written_as_decimal_returns(tmp_path: Path) -> None:
    (tmp_path / "o.csv").write_text(
        "customer_id,date,amount\n1001,2024-01-05,20\n1002,2024-01-09,30\n1001.0,2024-02-03,25\n"
    )
    assert cli.main(["import", "--orders", str(tmp_path / "o.csv"), "--to-csv", str(tmp_path / "t")]) == 0
    p = pd.read_csv(tmp_path / "t" / "purchases.csv")
    assert p[["month", "buyers", "returning"]].values.tolist() == [["2024-01", 2, 0], ["2024-02", 1, 1]]


def test_other_ids_with_points_are_left_alone() -> None:
    assert clean_ids(pd.Series(["1.0", "1.5", "1"])).tolist() == ["1.0", "1.5", "1"]
    assert clean_ids(pd.Series(["A-1", "123.0"])).tolist() == ["A-1", "123.0"]


@pytest.mark.parametrize("again", ["123.0", "\uff11\uff12\uff13"])
def test_database_table_alike(again: str) -> None:
    from xl_retention.relational import monthly_movements

    con = ibis.duckdb.from_connection(duckdb.connect())
    frame = pd.DataFrame(
        {"customer_id": ["123", "456", again, "456"], "month": ["2024-01", "2024-01", "2024-02", "2024-02"],
         "mrr": [100.0, 50.0, 100.0, 50.0]}
    )  # fmt: skip
    frame["month"] = pd.to_datetime(frame["month"])
    m = monthly_movements(con.create_table("s", frame), backend=con)
    assert m[["new", "lost", "customers_end"]].values.tolist() == [[2, 0, 2], [0, 0, 2]]
