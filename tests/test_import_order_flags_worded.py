"""Orders flagged refunded, reversed or cancelled in words the reading did not know ('Rückerstattet' = Ja/TRUE, German's
usual word; 'Reversed' = Yes, PayPal's; Italian 'Annullato' = 'sì', its yes written with the accent) were counted as
sales under exit 0: January 3 buyers and revenue 60.0 instead of 2 and 40.0 (H200's finding 05). A refund or reversal
flag is refused naming it (as 'Erstattet' is), the cancelled order left out (as 'Storniert' = ja is); the same flags
all false are read.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import refusal, run


def _orders(tmp_path: Path, column: str, flagged: str, other: str) -> Path:
    path = tmp_path / "orders.csv"
    path.write_text(
        f"Customer,Date,Order ID,Amount,{column}\na@x.com,2026-01-05,1001,10.00,{other}\n"
        f"b@x.com,2026-01-06,1002,20.00,{flagged}\nc@x.com,2026-01-07,1003,30.00,{other}\n"
        f"a@x.com,2026-02-07,1007,30.00,{other}\n",
        encoding="utf-8",
    )
    return path


COLUMNS = ["--columns", "customer_id=Customer,order_id=Order ID"]


REFUNDS = [("Rückerstattet", "Ja", "Nein"), ("Rückerstattet", "TRUE", "FALSE"), ("Reversed", "Yes", "No")]


@pytest.mark.parametrize(("column", "flagged", "other"), REFUNDS)
def test_a_refund_flag_is_refused(tmp_path: Path, capsys, column: str, flagged: str, other: str) -> None:
    path = _orders(tmp_path, column, flagged, other)
    message = refusal(capsys, "--orders", str(path), *COLUMNS, "--to-csv", str(tmp_path / "o"))
    assert message.startswith(
        f"orders.csv, column '{column}': rows flagged as a refund, a return, a reversal or a fraud with an amount "
        f"that is not negative (whether each is the refund of another row or a sale refunded cannot be told, and "
        f"counted it would be a sale) in row 3 (counting the header as row 1): '{flagged}'"
    )


def test_an_italian_cancelled_flag_si_leaves_the_order_out(tmp_path: Path) -> None:
    out = run(tmp_path, "--orders", _orders(tmp_path, "Annullato", "sì", "no"), *COLUMNS)
    purchases = pd.read_csv(out / "purchases.csv")
    assert purchases.iloc[0, 1] == 2
    assert pd.read_csv(out / "order_revenue_cohorts.csv").iloc[0, 1] == 40.0


@pytest.mark.parametrize("column", ["Rückerstattet", "Reversed", "Annullato"])
def test_the_flags_all_false_are_read(tmp_path: Path, column: str) -> None:
    out = run(tmp_path, "--orders", _orders(tmp_path, column, "no", "no"), *COLUMNS)
    assert pd.read_csv(out / "purchases.csv").iloc[0, 1] == 3
    assert pd.read_csv(out / "order_revenue_cohorts.csv").iloc[0, 1] == 60.0
