"""Google Play's earnings report (H266 findings 01, 02): "Amount (Merchant Currency)" (converted, USD on every row)
was refused for its "Buyer Currency" (USD, EUR), with advice to import one buyer currency at a time; its "Charge
refund" rows were called "neither a sale nor a refund" (the in-app order of 5.39 refunded in full still counted), and
its fees and taxes refused with no way forward. By hand: September 9.99 (1 buyer), October 15.38 (2 buyers), and
with the refund, October 9.99 (1 buyer)."""

from __future__ import annotations

from pathlib import Path

import pytest

from xl_retention.reading import DataError
from xl_retention.workbook.importer import load_tables

HEADER = (
    "Description,Transaction Date,Transaction Type,Refund Type,Product Type,Buyer Currency,Amount (Buyer Currency),"
    "Merchant Currency,Amount (Merchant Currency)\n"
)
SALES = """GPA.3371-5148-4219-36789,"Sep 3, 2026",Charge,,subscription,USD,9.99,USD,9.99
GPA.3371-5148-4219-36790,"Oct 3, 2026",Charge,,subscription,USD,9.99,USD,9.99
GPA.3388-1111-2222-33333,"Oct 12, 2026",Charge,,inapp,EUR,4.99,USD,5.39
"""
REFUND = 'GPA.3388-1111-2222-33333,"Oct 20, 2026",Charge refund,Full,inapp,EUR,-4.99,USD,-5.39\n'
FEES = """GPA.3371-5148-4219-36789,"Sep 3, 2026",Google fee,,subscription,USD,-1.50,USD,-1.50
GPA.3371-5148-4219-36789,"Sep 3, 2026",Tax,,subscription,USD,0.80,USD,0.80
"""
COLUMNS = {"customer_id": "Description", "order_id": "Description", "date": "Transaction Date",
           "amount": "Amount (Merchant Currency)"}  # fmt: skip


def _write(tmp_path: Path, rows: str) -> Path:
    path = tmp_path / "earnings.csv"
    path.write_text(HEADER + rows)
    return path


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_merchant_amount_is_read_in_its_own_currency(tmp_path: Path, backend: str) -> None:
    tables = load_tables(orders=_write(tmp_path, SALES), columns=COLUMNS, backend=backend)
    assert tables.purchases["buyers"].tolist() == [1, 2]
    assert tables.order_revenue_cohorts.iloc[:, 0].round(2).tolist() == [9.99, 15.38]


def test_buyer_amount_is_still_refused(tmp_path: Path) -> None:
    with pytest.raises(DataError) as caught:
        load_tables(orders=_write(tmp_path, SALES), columns={**COLUMNS, "amount": "Amount (Buyer Currency)"})
    assert "column 'Buyer Currency': 2 currencies (USD, EUR)" in str(caught.value), str(caught.value)


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_charge_refund_is_taken_off_its_order(tmp_path: Path, backend: str) -> None:
    tables = load_tables(orders=_write(tmp_path, SALES + REFUND), columns=COLUMNS, backend=backend)
    assert tables.purchases["buyers"].tolist() == [1, 1]
    assert tables.order_revenue_cohorts.iloc[:, 0].round(2).tolist() == [9.99, 9.99]


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_fees_and_taxes_on_top_are_left_out(tmp_path: Path, backend: str) -> None:
    # (refused before H442, advising to keep the Charge rows; a fee is no revenue taken off, and a Tax of its charge's
    # sign, +0.80, is paid on top of it: the rows of H433 finding 01's taxes are in tests/test_h442_play_taxes.py)
    tables = load_tables(orders=_write(tmp_path, SALES + REFUND + FEES), columns=COLUMNS, backend=backend)
    assert tables.purchases["buyers"].tolist() == [1, 1]
    assert tables.order_revenue_cohorts.iloc[:, 0].round(2).tolist() == [9.99, 9.99]
