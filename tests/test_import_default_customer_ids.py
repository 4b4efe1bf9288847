"""A till's, ERP's or invoicing tool's default customer for sales of no one known ('Unknown customer', 'Anonymous
Buyer', 'Retail Customer', 'POS Customer', 'Kassenkunde', 'Cliente contado') was read as one real customer: all those
sales one repeat purchaser (January repeat purchase rate 33.3% for 0), exit 0 (H200 finding 03). They are refused
as 'Guest' and 'Unknown' are (reading.guest_ids), a real customer's id beside them still read."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_cli import refusal, run

ROWS = ("a@x.com,2026-01-05,1001,10.00\n{0},2026-01-06,1002,20.00\n{0},2026-01-07,1003,30.00\n"
        "{0},2026-01-08,1004,30.00\nb@x.com,2026-01-09,1005,30.00\n{0},2026-02-07,1006,30.00\n"
        "a@x.com,2026-02-07,1007,30.00\n")  # fmt: skip
COLUMNS = ("--columns", "customer_id=Customer,order_id=Order ID")


@pytest.mark.parametrize(
    "label",
    ["Unknown customer", "Anonymous Buyer", "Retail Customer", "Default Customer", "POS Customer", "Kassenkunde",
     "Cliente contado", "Sin cliente", "Counter Sale", "Not logged in", "Barkunde", "Client inconnu"],
)  # fmt: skip
def test_a_default_customer_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str], label: str) -> None:
    path = tmp_path / "orders.csv"
    path.write_text("Customer,Date,Order ID,Amount\n" + ROWS.format(label), encoding="utf-8")
    shown = ", ".join([repr(label)] * 4)
    assert refusal(capsys, "--orders", str(path), *COLUMNS, "--to-csv", str(tmp_path / "o")) == (
        "orders.csv, column 'Customer': customer ids that stand for no one (a guest checkout: WooCommerce writes 0; "
        "Google Analytics '(not set)': all of them would be one customer who returns) in rows 3, 4, 5, 7 (counting "
        f"the header as row 1): {shown}: map the e-mail as the id, --columns customer_id=NAME (an e-mail or user id "
        "column), or remove those rows"
    )


def test_a_customer_named_like_a_word_of_them_is_read(tmp_path: Path) -> None:
    """'Retail' or 'Cash' alone, a shop's customer 'Store 12': no default customer's words."""
    path = tmp_path / "orders.csv"
    path.write_text("Customer,Date,Order ID,Amount\n" + ROWS.format("Retail").replace("b@x.com", "Store 12"))
    out = run(tmp_path, "--orders", path, *COLUMNS)
    january = (out / "purchases.csv").read_text().splitlines()[1].split(",")
    assert january[:3] == ["2026-01", "3", "1"]  # a@x.com, Retail (3 orders: a repeat purchaser), Store 12
