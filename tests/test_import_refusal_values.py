"""Refusals name what the file holds, as the user sees it (H128 findings 02, 03, 05): a Parquet DECIMAL as its
digits (-29.00, not Decimal('-29.00')); a Magento 'Closed' status beside 'Total Refunded' asks for the amount to map,
not for the column the file has; two currencies in 'Grand Total (Purchased)' name the file's 'Grand Total (Base)'."""

from __future__ import annotations

import decimal
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from import_cli import refusal

MAGENTO = (
    "ID,Purchase Point,Purchase Date,Grand Total (Base),Grand Total (Purchased),Status,Customer Email,Subtotal,"
    "Shipping and Handling,Total Refunded\n"
    "100000001,Main Website,2026-01-05,$100.00,$100.00,Complete,a@x.com,$95.00,$5.00,\n"
    "100000002,EU Store,2026-01-20,$50.00,€46.00,Complete,a@x.com,$45.00,$5.00,\n"
    "100000003,Main Website,2026-02-03,$30.00,$30.00,Closed,b@x.com,$25.00,$5.00,$30.00\n"
)


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_a_parquet_decimal_is_shown_as_its_digits(tmp_path: Path, capsys, backend: str) -> None:
    path = tmp_path / "subs.parquet"
    money = pa.array([decimal.Decimal("49.00"), decimal.Decimal("-29.00")], type=pa.decimal128(10, 2))
    pq.write_table(pa.table({"customer_id": ["A", "B"], "month": ["2026-01-01", "2026-01-01"], "mrr": money}), path)
    message = refusal(capsys, "--subscriptions", str(path), "--backend", backend, "--to-csv", str(tmp_path / "o"))
    assert "Decimal(" not in message and "np.float64(" not in message
    assert message.startswith("subs.parquet, column 'mrr': negative MRR in row 2 ")
    assert message.endswith(": -29.00") or message.endswith(": -29.0")


def test_a_closed_magento_order_asks_for_the_amount_beside_total_refunded(tmp_path: Path, capsys) -> None:
    path = tmp_path / "magento.csv"
    path.write_text(MAGENTO.replace("€46.00", "$50.00"))
    message = refusal(capsys, "--orders", str(path), "--columns", "customer_id=Customer Email,date=Purchase Date,"
                      "order_id=ID", "--to-csv", str(tmp_path / "o"))  # fmt: skip
    assert message == (
        "magento.csv, column 'Status': order statuses that say refunded in full in Magento and paid (archived) in "
        "Shopify: map the order's amount whose refunds 'Total Refunded' holds ('Grand Total (Base)', 'Grand Total "
        "(Purchased)', 'Subtotal') with --columns amount=NAME, or give them the status refunded or completed in row "
        "4 (counting the header as row 1): 'Closed'"
    )


def test_two_currencies_name_the_base_currency_twin(tmp_path: Path, capsys) -> None:
    path = tmp_path / "magento.csv"
    path.write_text(MAGENTO)
    message = refusal(capsys, "--orders", str(path), "--columns", "customer_id=Customer Email,date=Purchase Date,"
                      "order_id=ID,amount=Grand Total (Purchased)", "--to-csv", str(tmp_path / "o"))  # fmt: skip
    assert message.startswith(
        "magento.csv, column 'Grand Total (Purchased)': amounts in 2 currencies ($, EUR) in rows 2, 3 (counting the "
        "header as row 1): '$100.00', '€46.00'; 'Grand Total (Base)' holds the amounts in one currency ($): import "
        "it with --columns 'amount=Grand Total (Base)'; amounts are added up"
    )
