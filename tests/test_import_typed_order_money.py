"""A typed orders table (Parquet, a database's) with a payment date, a tax or a discount beside the amount is read by
the file rules (reading.paid_dates, taxes, order_discounts): the engines' own reading left them out."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from xl_retention.workbook.importer import load_tables


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_a_typed_table_leaves_unpaid_orders_out_and_takes_tax_and_discounts_off(tmp_path: Path, backend) -> None:
    frame = pd.DataFrame({
        "Buyer Email": ["a@x.com", "b@x.com", "a@x.com", "c@x.com"],
        "Sale Date": pd.to_datetime(["2024-01-05", "2024-01-06", "2024-02-05", "2024-02-06"]),
        "Total Price": [100.0, 50.0, 30.0, 40.0],
        "Paid On Date": pd.to_datetime(["2024-01-05", "2024-01-06", None, "2024-02-06"]),
    })  # fmt: skip
    frame.to_parquet(tmp_path / "ebay.parquet")
    columns = {"customer_id": "Buyer Email", "date": "Sale Date", "amount": "Total Price"}
    loaded = load_tables(orders=tmp_path / "ebay.parquet", columns=columns, backend=backend)
    assert loaded.order_revenue_cohorts.iloc[0].tolist() == [150.0, 0.0]  # a's unpaid February order left out
    shop = pd.DataFrame({
        "Email": ["a@x.com", "b@x.com", "a@x.com"],
        "Created at": pd.to_datetime(["2024-01-05", "2024-01-06", "2024-02-05"]),
        "Total": [132.0, 72.0, 36.0], "Taxes": [22.0, 12.0, 6.0],
    })  # fmt: skip
    shop.to_parquet(tmp_path / "shop.parquet")
    columns = {"customer_id": "Email", "date": "Created at", "amount": "Total"}
    loaded = load_tables(orders=tmp_path / "shop.parquet", columns=columns, backend=backend)
    assert loaded.order_revenue_cohorts.iloc[0].tolist() == [170.0, 30.0]
    square = pd.DataFrame({
        "Customer ID": ["C1", "C2", "C1"], "Date": pd.to_datetime(["2024-01-05", "2024-01-06", "2024-02-05"]),
        "Gross Sales": [100.0, 50.0, 30.0], "Discounts": [-20.0, 0.0, -30.0], "Net Sales": [80.0, 50.0, 0.0],
    })  # fmt: skip
    square.to_parquet(tmp_path / "square.parquet")
    columns = {"customer_id": "Customer ID", "date": "Date", "amount": "Gross Sales"}
    loaded = load_tables(orders=tmp_path / "square.parquet", columns=columns, backend=backend)
    assert loaded.order_revenue_cohorts.iloc[0].tolist() == [130.0, 0.0]
