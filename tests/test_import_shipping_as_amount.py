"""An orders file whose amount mapped is the shipping itself ('Shipping', 'Versandkosten') is refused, on every path.

Shopify's export mapped amount=Shipping: January's order revenue was 10.80 (4.90 + 5.90, what buyers paid the
carrier; the subtotals were 20 + 30 = 50) under exit 0, on pandas, on DuckDB and from a DuckDB table without an order
id. Order revenue is net of shipping: the column is refused naming it; the subtotal is still read (January 50, 10 in
February, by hand).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from xl_retention.cli import main

duckdb = pytest.importorskip("duckdb")

SHOP = (
    "Email,Created at,Subtotal,Shipping,Total\n"
    "a@x.com,2026-01-05,20.00,4.90,24.90\n"
    "b@x.com,2026-01-06,30.00,5.90,35.90\n"
    "a@x.com,2026-02-07,10.00,4.90,14.90\n"
)
REFUSED = (
    "xl-retention: error: {source}: {name!r} (taken as amount) is the shipping by its name, and order revenue is net "
    "of shipping: map amount to the orders' amounts (--columns amount=NAME: a subtotal, or a total beside the "
    "shipping column)"
)


def _run(capsys, *args: str) -> tuple[int, list[str]]:
    code = main(["import", *args])
    return code, capsys.readouterr().err.strip().splitlines()


@pytest.fixture()
def files(tmp_path: Path) -> Path:
    (tmp_path / "shop.csv").write_text(SHOP)
    (tmp_path / "de.csv").write_text(SHOP.replace("Shipping", "Versandkosten"))
    con = duckdb.connect(str(tmp_path / "shop.duckdb"))
    con.sql(f"CREATE TABLE s AS SELECT * FROM read_csv('{tmp_path / 'de.csv'}')")
    con.close()
    return tmp_path


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
@pytest.mark.parametrize("name", ["Shipping", "Versandkosten"])
def test_the_shipping_mapped_as_amount_is_refused(files: Path, capsys, backend: str, name: str) -> None:
    path = files / ("shop.csv" if name == "Shipping" else "de.csv")
    columns = f"customer_id=Email,date=Created at,amount={name}"
    code, err = _run(capsys, "--orders", str(path), "--columns", columns, "--backend", backend, "--to-csv",
                     str(files / "out"))  # fmt: skip
    assert (code, err) == (1, [REFUSED.format(source=path.name, name=name)])


def test_a_duckdb_table_is_refused_as_the_file(files: Path, capsys) -> None:
    columns = "customer_id=Email,date=Created at,amount=Versandkosten"
    code, err = _run(capsys, "--orders", "table:s", "--connection", str(files / "shop.duckdb"), "--backend", "duckdb",
                     "--columns", columns, "--to-csv", str(files / "out"))  # fmt: skip
    assert (code, err[-1:]) == (1, [REFUSED.format(source="table:s", name="Versandkosten")])


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_the_subtotal_is_read(files: Path, capsys, backend: str) -> None:
    columns = "customer_id=Email,date=Created at,amount=Subtotal"
    code, _ = _run(capsys, "--orders", str(files / "shop.csv"), "--columns", columns, "--backend", backend,
                   "--to-csv", str(files / "out"))  # fmt: skip
    assert code == 0
    cohorts = pd.read_csv(files / "out" / "order_revenue_cohorts.csv")
    assert cohorts["0"].tolist() == [50.0, 0.0] and cohorts["1"].tolist()[0] == 10.0
