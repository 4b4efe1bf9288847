"""One currency spelled several ways in a currency column ('EUR', '€', 'Euro', 'euros'; 'USD', 'US$') was refused as
several currencies, with nothing to convert (H35 finding 15). Symbols and names of one currency are its code; two
currencies are still refused, as is a bare '$' beside 'USD' (several currencies write it). A database table alike."""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pytest

from xl_retention import cli


def run(tmp_path: Path, currencies: list[str], *more: str) -> int:
    rows = [f"{c},2024-0{m},{v},{cur}" for (c, m, v), cur in
            zip([("A", 1, 100), ("B", 1, 50), ("A", 2, 100), ("B", 2, 50)], currencies, strict=True)]  # fmt: skip
    path = tmp_path / "subs.csv"
    path.write_text("\n".join(["customer_id,month,mrr,currency", *rows]) + "\n", encoding="utf-8")
    return cli.main(["import", "--subscriptions", str(path), "--to-csv", str(tmp_path / "o"), *more])


@pytest.mark.parametrize(
    "currencies", [["EUR", "€", "Euro", "euros"], ["USD", "US$", "usd", "US Dollar"], ["PLN", "zł", "ZŁ", "pln"]]
)
@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_one_currency_spelled_several_ways(tmp_path: Path, currencies: list[str], backend: str) -> None:
    assert run(tmp_path, currencies, "--backend", backend) == 0
    with open(tmp_path / "o" / "movements.csv", newline="") as f:
        assert [r["mrr_end"] for r in csv.DictReader(f)] == ["150.0", "150.0"]


@pytest.mark.parametrize("currencies", [["EUR", "USD", "EUR", "USD"], ["USD", "$", "USD", "$"], ["€", "£", "€", "£"]])
def test_two_currencies_are_still_refused(tmp_path: Path, capsys, currencies: list[str]) -> None:
    assert run(tmp_path, currencies) == 1
    assert "column 'currency': 2 currencies" in capsys.readouterr().err


def test_a_database_table(tmp_path: Path) -> None:
    import duckdb

    frame = pd.DataFrame({"customer_id": ["A", "B", "A", "B"], "month": pd.to_datetime(["2024-01-01"] * 2 +
                          ["2024-02-01"] * 2), "mrr": [100.0, 50.0, 100.0, 50.0],
                          "currency": ["EUR", "€", "Euro", "euros"]})  # fmt: skip
    database = tmp_path / "subs.duckdb"
    with duckdb.connect(str(database)) as con:
        con.register("frame", frame)
        con.execute("CREATE TABLE subs AS SELECT * FROM frame")
    args = ["--subscriptions", "table:subs", "--backend", "duckdb", "--connection", str(database)]
    assert cli.main(["import", *args, "--to-csv", str(tmp_path / "o")]) == 0
    with open(tmp_path / "o" / "movements.csv", newline="") as f:
        assert [r["mrr_end"] for r in csv.DictReader(f)] == ["150.0", "150.0"]
