"""Metronome's invoices write every amount in their credit type, named in a column of its own: ``credit_type_name``
``USD (cents)``, so a ``total`` of 12050 is 120.50. The amount's name said nothing of cents and the column was not
read: revenue (and a subscriptions file's MRR) 100 times too high, exit 0, no note (H569's finding 01: 2026-02
20,050.00 for 200.50). Whole amounts beside a value that says cents are read in cents with a note, on pandas and on
DuckDB (a typed Parquet table too); rows of another unit beside them, or amounts with decimals, are refused;
``--amounts units`` takes them as written.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import refusal, run

pytestmark = [
    pytest.mark.filterwarnings("ignore:The 'future.infer_string' option is deprecated"),
    pytest.mark.filterwarnings("ignore:fetch_arrow_table\\(\\) is deprecated"),
]
ORDERS = "customer_id,issued_at,credit_type_name,total\nacme,2026-02-01T00:00:00+00:00,{a},12050\nbeta,2026-02-01T00:00:00+00:00,{b},8000\n"  # noqa: E501
COLUMNS = ("--columns", "date=issued_at,amount=total")


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_amounts_said_in_cents_by_another_column_are_read_in_cents(tmp_path: Path, capsys, backend: str) -> None:
    path = tmp_path / "metronome_invoices.csv"
    path.write_text(ORDERS.format(a="USD (cents)", b="USD (cents)"))
    cohorts = pd.read_csv(run(tmp_path, "--orders", path, *COLUMNS, backend=backend) / "order_revenue_cohorts.csv")
    assert cohorts["0"].tolist() == [200.5]
    said = "the whole amounts of 'total' were read in cents, as 'credit_type_name' says ('USD (cents)': 12050 as "
    assert said + "120.50); if they are whole units, import with --amounts units" in capsys.readouterr().out
    units = run(tmp_path / "u", "--orders", path, *COLUMNS, "--amounts", "units", backend=backend)
    assert pd.read_csv(units / "order_revenue_cohorts.csv")["0"].tolist() == [20050.0]


def test_a_typed_table_and_a_subscriptions_mrr_are_read_in_cents(tmp_path: Path) -> None:
    frame = {"customer_id": ["acme", "beta"], "credit_type_name": ["USD (cents)"] * 2}
    orders, subscriptions = tmp_path / "orders.parquet", tmp_path / "subscriptions.parquet"
    pd.DataFrame({**frame, "issued_at": pd.to_datetime(["2026-02-01"] * 2), "total": [12050, 8000]}).to_parquet(orders)
    pd.DataFrame({**frame, "month": pd.to_datetime(["2026-01-01"] * 2), "mrr": [12050, 8000]}).to_parquet(subscriptions)
    for backend in ("pandas", "duckdb"):
        out = run(tmp_path / backend, "--orders", orders, *COLUMNS, backend=backend)
        assert pd.read_csv(out / "order_revenue_cohorts.csv")["0"].tolist() == [200.5]
        out = run(tmp_path / backend, "--subscriptions", subscriptions, backend=backend)
        assert pd.read_csv(out / "revenue_cohorts.csv")["0"].tolist() == [200.5]
    billing = tmp_path / "billing.csv"
    billing.write_text("customer_id,start,credit_type_name,amount,interval\nacme,2026-01-01,USD (cents),12050,month\n")
    assert pd.read_csv(run(tmp_path, "--subscriptions", billing) / "revenue_cohorts.csv")["0"].tolist() == [120.5]


def test_other_units_beside_cents_and_decimals_are_refused(tmp_path: Path, capsys) -> None:
    mixed = tmp_path / "mixed.csv"
    mixed.write_text(ORDERS.format(a="USD (cents)", b="credits"))
    err = refusal(capsys, "--orders", str(mixed), *COLUMNS, "--to-csv", str(tmp_path / "o"))
    assert err == (
        "mixed.csv, column 'credit_type_name': amounts said to be in cents by 'credit_type_name' "
        "in some rows ('USD (cents)') and not in others (their unit there cannot be told) in row 3 (counting the "
        "header as row 1): 'credits': say which with --amounts cents or --amounts units, or import the rows of one "
        "unit"
    )
    decimals = tmp_path / "decimals.csv"
    decimals.write_text(ORDERS.format(a="USD (cents)", b="USD (cents)").replace("12050", "120.50"))
    err = refusal(capsys, "--orders", str(decimals), *COLUMNS, "--to-csv", str(tmp_path / "d"))
    assert (
        "column 'total': amounts with a decimal mark or that are no numbers, where 'credit_type_name' says cents" in err
    )
    assert "if the amounts are in units, import with --amounts units" in err
