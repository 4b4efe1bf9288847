"""Whole amounts that may be cents or units (Stripe-like customer ids and currency codes, 49 or a column not named as
the API names its amounts): refused unless --amounts says which, on every engine (reading.revenue; was read in cents
with a note only: an MRR or revenue a hundredth of the file's, exit 0)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import refusal, run

PAYMENTS = pd.DataFrame({
    "customer": ["cus_A", "cus_A", "cus_B"], "created": pd.to_datetime(["2026-01-03", "2026-02-03", "2026-02-05"]),
    "revenue": [4900, 4900, 9900], "currency": ["usd", "usd", "usd"],
})  # fmt: skip
COLUMNS = ("--columns", "customer_id=customer,date=created,amount=revenue")


def _cohorts(out: Path) -> list[list[float]]:
    table = pd.read_csv(out / "order_revenue_cohorts.csv")
    return [[v for v in row[1:] if pd.notna(v)] for row in table.to_numpy().tolist()]


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_a_column_not_named_as_the_apis_is_refused_unless_told(tmp_path: Path, capsys, backend: str) -> None:
    path = tmp_path / "payments.parquet"
    PAYMENTS.to_parquet(path)
    err = refusal(capsys, "--orders", str(path), *COLUMNS, "--backend", backend, "--to-csv", str(tmp_path / "o"))
    assert err == (
        "payments.parquet, column 'revenue': whole amounts beside Stripe's customer ids and currency codes: in cents, "
        "as Stripe's API writes them (4900 as 49.00), or in units (4900.00)? ('revenue' is not named as the API names "
        "its amounts): say which with --amounts cents or --amounts units in row 1 "
        "(counting the Parquet file's first record as row 1): "
        "'4900'"
    )
    out = run(tmp_path, "--orders", path, *COLUMNS, "--amounts", "cents", backend=backend)
    assert _cohorts(out) == [[49.0, 49.0], [99.0]]
    out = run(tmp_path, "--orders", path, *COLUMNS, "--amounts", "units", backend=backend)
    assert _cohorts(out) == [[4900.0, 4900.0], [9900.0]]


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_the_apis_own_amounts_are_still_cents(tmp_path: Path, backend: str) -> None:
    path = tmp_path / "invoices.parquet"
    PAYMENTS.rename(columns={"revenue": "amount_paid"}).to_parquet(path)
    out = run(
        tmp_path, "--orders", path, "--columns", "customer_id=customer,date=created,amount=amount_paid", backend=backend
    )
    assert _cohorts(out) == [[49.0, 49.0], [99.0]]


def test_cents_said_of_amounts_with_a_decimal_mark_is_refused(tmp_path: Path, capsys) -> None:
    path = tmp_path / "orders.csv"
    path.write_text("customer_id,date,amount\na,2026-01-05,49.50\n")
    assert refusal(capsys, "--orders", str(path), "--amounts", "cents", "--to-csv", str(tmp_path / "o")) == (
        "orders.csv: --amounts cents, but 'amount' has amounts with a decimal mark or that are no numbers (cents are "
        "whole): import it without --amounts, or with --amounts units"
    )
