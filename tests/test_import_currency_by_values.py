"""A column of currency codes under a name the import does not know ("ccy", "curr", "Währ.") is a currency column."""

from __future__ import annotations

from pathlib import Path

import duckdb
import ibis
import pandas as pd
import pytest

from xl_retention import cli
from xl_retention.reading import DataError

ERROR = "xl-retention: error: "


@pytest.mark.parametrize("name", ["ccy", "CCY Code", "Währ.", "denomination", "unit"])
def test_orders_in_two_currencies_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str) -> None:
    (tmp_path / "o.csv").write_text(
        f'customer_id,date,amount,order_id,"{name}"\na,2024-01-05,100,o1,EUR\nb,2024-01-06,10000,o2,JPY\n',
        encoding="utf-8",
    )
    assert cli.main(["import", "--orders", str(tmp_path / "o.csv"), "--to-csv", str(tmp_path / "t")]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"{ERROR}o.csv, column '{name}': 2 currencies (EUR, JPY) in rows 2, 3 ")
    assert not (tmp_path / "t").exists()


def test_snapshots_split_by_that_column_are_read(tmp_path: Path) -> None:
    (tmp_path / "s.csv").write_text("customer_id,month,mrr,curr\na,2024-01,100,EUR\nb,2024-01,10000,jpy\n")
    args = ["import", "--subscriptions", str(tmp_path / "s.csv"), "--to-csv", str(tmp_path / "t")]
    assert cli.main(args) == 1
    assert cli.main([*args, "--segment", "curr=EUR"]) == 0
    m = pd.read_csv(tmp_path / "t" / "movements.csv")
    assert m["mrr_end"].tolist() == [100.0]


def test_codes_that_are_no_currency_column_are_read(tmp_path: Path) -> None:
    # one currency, or plan codes that happen to be currency codes ("ALL", "TOP"): nothing to refuse
    (tmp_path / "s.csv").write_text("customer_id,month,mrr,ccy,tier\na,2024-01,100,EUR,ALL\nb,2024-01,50,EUR,TOP\n")
    assert cli.main(["import", "--subscriptions", str(tmp_path / "s.csv"), "--to-csv", str(tmp_path / "t")]) == 0
    assert pd.read_csv(tmp_path / "t" / "movements.csv")["mrr_end"].tolist() == [150.0]


def test_database_table_alike() -> None:
    from xl_retention.relational import monthly_movements

    con = ibis.duckdb.from_connection(duckdb.connect())
    frame = pd.DataFrame({"customer_id": ["a", "b"], "month": pd.to_datetime(["2024-01-01"] * 2),
                          "mrr": [100.0, 10000.0], "ccy": ["EUR", "JPY"]})  # fmt: skip
    with pytest.raises(DataError, match=r"column 'ccy': 2 currencies \(EUR, JPY\)"):
        monthly_movements(con.create_table("s", frame), backend=con)
