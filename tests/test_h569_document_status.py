"""An ERP's invoice list (SAP Business One's A/R invoices) says whether each invoice is paid in "Document Status"
(Open: not paid in full yet; Closed: paid or cancelled), or DocStatus O/C in its query form. That column was read by
no rule: the Open invoice counted as a purchase, exit 0, no note (H569's finding 02: February 2 buyers and 1,547.00
for 1 and 357.00), where the same column named 'Status' is refused naming the word. A document's status is the
order's now: its unknown words are asked as under 'Status', its known ones read.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import refusal, run

ROWS = ["1001,2026-01-05,C20000,1190.00,{a}", "1002,2026-01-12,C30000,595.00,{a}", "1005,2026-02-03,C20000,1190.00,{b}",
        "1006,2026-02-15,C50000,357.00,{a}"]  # fmt: skip
COLUMNS = "order_id=Document Number,date=Posting Date,customer_id=Customer Code,amount=Document Total"


def _invoices(path: Path, column: str, paid: str, other: str) -> Path:
    header = f"Document Number,Posting Date,Customer Code,Document Total,{column}"
    path.write_text("\n".join([header, *ROWS]).format(a=paid, b=other) + "\n")
    return path


@pytest.mark.parametrize(
    ("column", "paid", "other", "named"),
    [
        ("Document Status", "Closed", "Open", "in row 4 (counting the header as row 1): 'Open'"),
        ("DocStatus", "C", "O", "in rows 2, 3, 4, 5 (counting the header as row 1): 'C', 'C', 'O', 'C'"),
        ("Belegstatus", "Geschlossen", "Offen", "in rows 2, 3, 4, 5 (counting the header as row 1): 'Geschlossen', "
         "'Geschlossen', 'Offen', 'Geschlossen'"),
    ],
)  # fmt: skip
def test_a_document_status_of_unknown_words_is_asked(tmp_path: Path, capsys, column, paid, other, named) -> None:
    path = _invoices(tmp_path / "invoices.csv", column, paid, other)
    assert refusal(capsys, "--orders", str(path), "--columns", COLUMNS, "--to-csv", str(tmp_path / "o")) == (
        f"invoices.csv, column '{column}': order statuses that say neither paid nor unpaid (whether these were "
        "purchases cannot be told: give them the status completed where they were paid, cancelled where they were "
        f"not) {named}"
    )


def test_a_document_status_of_known_words_leaves_the_unpaid_invoice_out(tmp_path: Path) -> None:
    path = _invoices(tmp_path / "invoices.csv", "Document Status", "Paid", "Unpaid")
    purchases = pd.read_csv(run(tmp_path, "--orders", path, "--columns", COLUMNS) / "purchases.csv")
    assert purchases[["month", "buyers", "returning"]].values.tolist() == [["2026-01", 2, 0], ["2026-02", 1, 0]]
