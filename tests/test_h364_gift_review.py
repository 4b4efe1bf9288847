"""H363's findings 1, 2, 5, 6, 7 on gift cards and gift types (reading.gift_cards, reading.gift_types).

1. A refund of a taxed Shopify order holding a gift card is of what is left once the gift card is taken off, in its
   own tax share: Kaffee 12.90 (tax 2.06) + Gift Card 50.00, Refunded Amount 12.90 is no purchase (was refused as
   'refunded amounts above the amount'), 6.45 leaves 5.42 (was 4.60, silently).
2. "The Regift Guide (PDF)" is no gift card ('egift' inside 'Regift'): counted as a sale.
5. A "Gift Card Holder" shipped and taxed is a product: counted (the whole file was refused).
6. DonorPerfect's gift_type of payment methods (CK, CC, CASH) is left alone (every value was refused).
7. A 'Category' column of Cash / Pledge / Pay-Cash: the pledge left out on duckdb as on pandas.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import refusal, run, written

HEADER = (
    "Name,Email,Financial Status,Currency,Subtotal,Shipping,Taxes,Total,Created at,Lineitem quantity,Lineitem name,"
    "Lineitem price,Lineitem requires shipping,Lineitem taxable,Refunded Amount\n"
)
T = " +0100"
BASE = f"#2,ben@example.de,paid,EUR,24.00,0.00,3.83,24.00,2026-01-10 12:00:00{T},1,Espresso Tassen,24.00,true,true,0\n"
COLUMNS = ("--columns", "customer_id=Email,date=Created at,amount=Total")


def _mixed(refunded: str, status: str = "partially_refunded") -> str:
    """Order #1: Kaffee 12.90 (its 19% tax 2.06) and a Gift Card of 50.00, refunded ``refunded``; #2: 24.00."""
    return HEADER + (
        f"#1,anna@example.de,{status},EUR,62.90,0.00,2.06,62.90,2025-12-22 09:00:00{T},1,Bio Kaffee 500g,12.90,"
        f"true,true,{refunded}\n#1,anna@example.de,,,,,,,2025-12-22 09:00:00{T},1,Gift Card,50.00,false,false,\n" + BASE
    )


def _file(tmp_path: Path, name: str, text: str, backend: str, typed: str | None = None) -> Path:
    """The file for ``backend``: a Parquet file of the CSV's values for duckdb (``typed``: its date column typed, its
    amounts numbers, as a warehouse's table holds them; else all text)."""
    path = written(tmp_path, f"{name}.csv", text)
    if backend == "pandas":
        return path
    parquet = tmp_path / f"{name}.parquet"
    frame = pd.read_csv(path, parse_dates=[typed]) if typed else pd.read_csv(path, dtype=str, keep_default_na=False)
    frame.to_parquet(parquet)
    return parquet


def _table(out: Path, name: str) -> pd.DataFrame:
    return pd.read_csv(out / name, index_col=0)


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_refund_of_an_order_with_a_gift_card_is_of_what_is_left(tmp_path: Path, backend: str) -> None:
    half = run(tmp_path, "--orders", _file(tmp_path, "half", _mixed("6.45"), backend), *COLUMNS, backend=backend)
    revenue = _table(half, "order_revenue_cohorts.csv")
    # by hand: 12.90 - 2.06 = 10.84 net; half of it refunded: 5.42 left; #2: 24.00 - 3.83 = 20.17
    assert revenue.loc["2025-12", "0"] == pytest.approx(5.42, abs=1e-9)
    assert revenue.loc["2026-01", "0"] == pytest.approx(20.17, abs=1e-9)


@pytest.mark.parametrize("refunded", ["12.90", "62.90"])  # the coffee refunded; the whole order (the gift card too)
def test_an_order_with_a_gift_card_refunded_in_full_is_no_purchase(tmp_path: Path, refunded: str) -> None:
    out = run(tmp_path, "--orders", written(tmp_path, "whole.csv", _mixed(refunded, "refunded")), *COLUMNS)
    assert _table(out, "purchases.csv")["buyers"].to_dict() == {"2026-01": 1}  # anna's order: no purchase


def test_a_refund_between_what_is_left_and_the_whole_order_is_refused(tmp_path: Path, capsys) -> None:
    path = written(tmp_path, "between.csv", _mixed("30.00"))
    err = refusal(capsys, "--orders", str(path), *COLUMNS, "--to-csv", str(tmp_path / "o"))
    assert err.startswith(
        "between.csv, column 'Refunded Amount': refunds of orders with gift cards sold above the order's amount "
        "without its gift cards and below its whole amount"
    )
    assert "in row 2 (counting the header as row 1): '30.00'" in err


def test_regift_and_a_gift_card_holder_are_products(tmp_path: Path) -> None:
    text = HEADER + (
        f"#1,anna@example.de,paid,EUR,9.99,0.00,0.00,9.99,2025-12-22 09:00:00{T},1,The Regift Guide (PDF),9.99,"
        f"false,false,0\n#3,lea@example.de,paid,EUR,15.00,0.00,0.00,15.00,2025-12-23 09:00:00{T},1,Gift Cardigan,"
        f"15.00,false,false,0\n#4,max@example.de,paid,EUR,11.90,0.00,1.90,11.90,2025-12-24 09:00:00{T},1,"
        f"Gift Card Holder,11.90,true,true,0\n" + BASE
    )
    out = run(tmp_path, "--orders", written(tmp_path, "products.csv", text), *COLUMNS)
    revenue = _table(out, "order_revenue_cohorts.csv")
    assert revenue.loc["2025-12", "0"] == pytest.approx(9.99 + 15.00 + 10.00, abs=1e-9)  # 11.90 - 1.90 tax
    assert _table(out, "purchases.csv")["buyers"].to_dict() == {"2025-12": 3, "2026-01": 1}


GIFTS = "gift_id,donor_id,gift_date,amount,gift_type\n" + (
    "1,D1,2025-01-15,100.00,CK\n2,D2,2025-01-20,50.00,CC\n3,D1,2025-02-15,25.00,CASH\n4,D3,2025-02-20,10.00,EFT\n"
)
GIFT_COLUMNS = ("--columns", "customer_id=donor_id,date=gift_date,amount=amount,order_id=gift_id")


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_a_gift_type_of_payment_methods_is_left_alone(tmp_path: Path, backend: str) -> None:
    out = run(tmp_path, "--orders", _file(tmp_path, "dp", GIFTS, backend), *GIFT_COLUMNS, backend=backend)
    revenue = _table(out, "order_revenue_cohorts.csv")
    assert revenue.loc["2025-01", ["0", "1"]].tolist() == [150.0, 25.0]
    assert revenue.loc["2025-02", "0"] == 10.0


CATEGORY = "Constituent ID,Gift Date,Gift Amount,Category\n" + (
    "D100,2025-01-15,100.00,Cash\nD101,2025-01-10,1200.00,Pledge\nD101,2025-01-20,100.00,Pay-Cash\n"
    "D101,2025-02-20,100.00,Pay-Cash\n"
)
CATEGORY_COLUMNS = ("--columns", "customer_id=Constituent ID,date=Gift Date,amount=Gift Amount")


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_a_gift_type_column_found_by_its_values_on_every_backend(tmp_path: Path, backend: str) -> None:
    path = _file(tmp_path, "cat", CATEGORY, backend, typed="Gift Date")
    out = run(tmp_path, "--orders", path, *CATEGORY_COLUMNS, backend=backend)
    revenue = _table(out, "order_revenue_cohorts.csv")
    assert revenue.loc["2025-01", ["0", "1"]].tolist() == [200.0, 100.0]  # the pledge of 1,200 left out
