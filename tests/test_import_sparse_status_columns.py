"""A status column blank on ordinary orders and saying 'Refunded' or 'Returned' on a few ('Refund Status', 'Return
Status', an RMA status, a hand-kept 'Returned' column) was left unread as a whole when one of its words was unknown
('Returned', 'On hold'): the refunded order counted as a purchase, exit 0, no note (H66 finding 12), where the same
column named 'Status' is refused naming the word. A column whose name says a status, a refund or a return is now the
orders' status column: its unknown words are asked as under 'Status'; one of known words only is read.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import refusal, run

ROWS = ["1,a,2024-01-05,100,", "2,b,2024-01-06,50,", "3,a,2024-02-05,80,{a}", "4,b,2024-02-06,60,",
        "5,c,2024-02-07,40,Refunded"]  # fmt: skip


def _orders(path: Path, column: str, word: str) -> Path:
    path.write_text("\n".join([f"order_id,customer_id,date,amount,{column}", *ROWS]).format(a=word) + "\n")
    return path


@pytest.mark.parametrize("column", ["Refund Status", "Return Status", "return_status", "Zahlungsstatus",
                                    "Retourenstatus", "RMA Status"])  # fmt: skip
def test_an_unknown_word_in_a_sparse_status_column_is_asked(tmp_path: Path, capsys, column: str) -> None:
    path = _orders(tmp_path / "orders.csv", column, "Returned")
    assert refusal(capsys, "--orders", str(path), "--to-csv", str(tmp_path / "o")) == (
        f"orders.csv, column '{column}': order statuses that say neither paid nor unpaid (whether these were purchases "
        "cannot be told: give them the status completed where they were paid, cancelled where they were not) in row 4 "
        "(counting the header as row 1): 'Returned'"
    )


def test_a_sparse_status_column_of_known_words_leaves_the_refunded_order_out(tmp_path: Path) -> None:
    purchases = pd.read_csv(run(tmp_path, "--orders", _orders(tmp_path / "orders.csv", "Refund Status", "")) /
                            "purchases.csv")  # fmt: skip
    assert purchases[["month", "buyers", "returning"]].values.tolist() == [["2024-01", 2, 0], ["2024-02", 2, 2]]


def test_a_reason_column_is_no_status_column(tmp_path: Path) -> None:
    """'Return Reason' says why, in free words: read as a note (c's order counted), not asked as statuses."""
    path = _orders(tmp_path / "orders.csv", "Return Reason", "Wrong size").read_text().replace("Refunded", "")
    (tmp_path / "r.csv").write_text(path)
    purchases = pd.read_csv(run(tmp_path, "--orders", tmp_path / "r.csv") / "purchases.csv")
    assert purchases[["month", "buyers", "returning"]].values.tolist() == [["2024-01", 2, 0], ["2024-02", 3, 2]]


def test_a_column_named_returned_is_asked_as_statuses(tmp_path: Path, capsys) -> None:
    """A hand-kept 'Returned' column saying Returned or Refunded: read as the orders' status column (its name says a
    return), whose word 'Returned' (a refund? an exchange?) is asked, not the orders dropped unasked."""
    path = _orders(tmp_path / "orders.csv", "Returned", "Returned")
    assert refusal(capsys, "--orders", str(path), "--to-csv", str(tmp_path / "o")) == (
        "orders.csv, column 'Returned': order statuses that say neither paid nor unpaid (whether these were purchases "
        "cannot be told: give them the status completed where they were paid, cancelled where they were not) in row 4 "
        "(counting the header as row 1): 'Returned'"
    )
