"""A typed table of Square's payments (Parquet, read by DuckDB as a table) was read in units: 4900 cents as 4,900.00,
the first cohort's January revenue 7400.0 for 74.0, where the same file on pandas is refused asking for --amounts
(e6d30676), and a Money object's amount flattened ('amount_money.amount') was read in units there too, where pandas
reads it in cents with a note. relational.vendor_amounts.square_cents_unsure now reads such a table as a file's: both
engines answer alike."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import refusal

from xl_retention import cli

A, B = "JDKYHBWT1D4F8MFH63DBMEB8YM", "8B3KQ0ZV5N2W7XH4J6TPCM1RAE"
REFUSAL = (
    "square.parquet, column 'amount': whole amounts under an API field's name beside customer ids as a payment API "
    f"writes them ('{A}') and currency codes: in cents, as Square's and Stripe's APIs write money (4900 as 49.00), or "
    "in units (4900.00)? say which with --amounts cents or --amounts units in row 1 (counting the Parquet file's first "
    "record as row 1): '4900'"
)
NOTE = (
    "money.parquet: the whole amounts of 'amount_money.amount' were read in cents, as Square's API writes a Money "
    "object's amount (4900 as 49.00); if they are whole units, import with --amounts units (or write them with a "
    "decimal mark, 4900.00)"
)


def _table(path: Path, ids: tuple[str, str] = (A, B), amount: str = "amount", currency: str = "currency") -> Path:
    pd.DataFrame(
        {
            "customer_id": [ids[0], ids[1], ids[0]],
            "date": pd.to_datetime(["2026-01-05", "2026-01-20", "2026-02-05"]),
            amount: [4900, 2500, 4900],
            currency: ["USD"] * 3,
        }
    ).to_parquet(path)
    return path


def _revenue(tmp_path: Path, capsys, path: Path, backend: str, *args: str) -> tuple[list[float], str]:
    out = tmp_path / f"out-{backend}-{'-'.join(args) or 'plain'}"
    capsys.readouterr()
    argv = ["import", "--orders", str(path), *args, "--backend", backend, "--through", "2026-02", "--to-csv", str(out)]
    assert cli.main(argv) == 0
    table = pd.read_csv(out / "order_revenue_cohorts.csv").set_index("cohort")
    return [float(table.loc["2026-01", "0"]), float(table.loc["2026-01", "1"])], capsys.readouterr().out


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_a_typed_table_of_squares_whole_amounts_is_refused_then_read_as_said(tmp_path, capsys, backend) -> None:
    path = _table(tmp_path / "square.parquet")
    args = ("--orders", str(path), "--backend", backend, "--to-csv", str(tmp_path / "o"))
    assert refusal(capsys, *args) == REFUSAL
    assert _revenue(tmp_path, capsys, path, backend, "--amounts", "cents")[0] == [74.0, 49.0]
    assert _revenue(tmp_path, capsys, path, backend, "--amounts", "units")[0] == [7400.0, 4900.0]


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_a_money_objects_amount_in_a_typed_table_is_read_in_cents(tmp_path, capsys, backend) -> None:
    path = _table(tmp_path / "money.parquet", amount="amount_money.amount", currency="amount_money.currency")
    revenue, out = _revenue(tmp_path, capsys, path, backend, "--columns", "amount=amount_money.amount")
    assert revenue == [74.0, 49.0]
    assert NOTE in out


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_ids_typed_by_a_person_keep_units_in_a_typed_table(tmp_path, capsys, backend) -> None:
    path = _table(tmp_path / "people.parquet", ids=("c1", "c2"))
    assert _revenue(tmp_path, capsys, path, backend)[0] == [7400.0, 4900.0]
