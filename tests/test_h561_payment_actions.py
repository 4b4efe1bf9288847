"""A payment processor's actions export (Checkout.com's payment actions: an Authorization row, then a Capture or a
Void, a Refund written positive, all under the payment's "Payment ID") was refused: "rows of one order ... with
another date than its first row" (the rows are the payment's actions, not its lines), and with the column named
``Type``, "row types that say neither a sale nor a refund ... 'Capture'" (H542 finding 03). A capture is the money
taken (a sale's type), a refund row that payment's refund, an authorization and a void (the authorization released)
collect no money: left out with a note. A void sharing its payment with a capture is refused (was the sale voided?).
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from xl_retention import cli
from xl_retention.reading import DataError
from xl_retention.workbook.importer import load_tables

HEADER = "Action ID,Payment ID,Action Type,Processed On,Amount,Currency,Response Code,Customer Email\n"
ROWS = """act_1a,pay_1,Authorization,2026-01-05T11:32:10Z,100.00,EUR,10000,a@x.com
act_1b,pay_1,Capture,2026-01-05T11:35:10Z,100.00,EUR,10000,a@x.com
act_2a,pay_2,Authorization,2026-01-20T14:00:00Z,50.00,EUR,10000,b@x.com
act_2b,pay_2,Void,2026-01-20T15:00:00Z,50.00,EUR,10000,b@x.com
act_3a,pay_3,Authorization,2026-02-03T08:00:00Z,80.00,EUR,10000,a@x.com
act_3b,pay_3,Capture,2026-02-03T08:05:00Z,80.00,EUR,10000,a@x.com
act_3c,pay_3,Refund,2026-02-05T08:00:00Z,30.00,EUR,10000,a@x.com
act_4a,pay_4,Authorization,2026-02-10T08:00:00Z,20.00,EUR,20051,c@x.com
"""
COLUMNS = "customer_id=Customer Email,date=Processed On,amount=Amount,order_id=Payment ID"


def _write(tmp_path: Path, rows: str = ROWS, header: str = HEADER) -> Path:
    path = tmp_path / "actions.csv"
    path.write_text(header + rows)
    return path


def _mapping() -> dict[str, str]:
    return dict(pair.split("=") for pair in COLUMNS.split(","))


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_captures_are_the_sales_refunds_taken_off(tmp_path: Path, capsys, backend: str) -> None:
    args = ["import", "--orders", str(_write(tmp_path)), "--columns", COLUMNS, "--backend", backend]
    assert cli.main([*args, "--to-csv", str(tmp_path / "o")]) == 0
    with open(tmp_path / "o" / "purchases.csv", newline="") as f:
        got = [(r["month"], r["buyers"], r["returning"]) for r in csv.DictReader(f)]
    assert got == [("2026-01", "1", "0"), ("2026-02", "1", "1")]  # b's voided authorization: no buyer
    out = capsys.readouterr().out
    assert "actions.csv: 4 row(s) of type authorization in 'Action Type' left out, rows 2, 4, 6, 9" in out
    assert "actions.csv: 1 row(s) of type void in 'Action Type' left out, row 5" in out


def test_revenue_is_the_captures_less_the_refund(tmp_path: Path) -> None:
    tables = load_tables(orders=_write(tmp_path), columns=_mapping())
    assert tables.order_revenue_cohorts.iloc[0, :2].tolist() == [100.0, 50.0]


def test_captures_and_refunds_only_named_type(tmp_path: Path) -> None:
    kept = "".join(r + "\n" for r in ROWS.splitlines() if ",Capture," in r or ",Refund," in r)
    path = _write(tmp_path, kept, HEADER.replace("Action Type", "Type"))
    tables = load_tables(orders=path, columns=_mapping())
    assert tables.purchases["buyers"].tolist() == [1, 1]
    assert tables.order_revenue_cohorts.iloc[0, :2].tolist() == [100.0, 50.0]


def test_a_void_beside_its_payments_capture_is_refused(tmp_path: Path) -> None:
    rows = ROWS + "act_3d,pay_3,Void,2026-02-06T08:00:00Z,80.00,EUR,10000,a@x.com\n"
    with pytest.raises(DataError) as caught:
        load_tables(orders=_write(tmp_path, rows), columns=_mapping())
    assert str(caught.value) == (
        "actions.csv, column 'Action Type': rows of type void (an authorization released, no money) of an order "
        "('Payment ID' 'pay_3') with a sale's row (whether its sale was voided cannot be told: remove the voided "
        "sale's rows, or the void's) in row 10 (counting the header as row 1): 'Void'"
    )
