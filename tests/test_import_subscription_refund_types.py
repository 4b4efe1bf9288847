"""A subscriptions file's refund typed in English in a transaction's or an event's type column ("Transaction Type" =
Refund, "Event Type" = refund, "Type" = Chargeback) is refused as a credit note is (the kind of H222's findings 01
and 04: read as C2's March payment, March 2 customers and MRR 150 for 1 and 100, exit 0)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import refusal, run


def _write(path: Path, column: str, sale: str, refund: str) -> None:
    rows = [("C1", "2026-01", 100, sale), ("C2", "2026-01", 50, sale), ("C1", "2026-02", 100, sale),
            ("C2", "2026-02", 50, sale), ("C1", "2026-03", 100, sale), ("C2", "2026-03", 50, refund)]  # fmt: skip
    path.write_text(f"customer_id,month,mrr,{column}\n" + "".join(",".join(map(str, r)) + "\n" for r in rows))


@pytest.mark.parametrize(
    ("column", "sale", "refund"),
    [("Transaction Type", "Charge", "Refund"), ("Event Type", "renewal", "refund"), ("Type", "Invoice", "Chargeback"),
     ("kind", "Invoice", "Credit Note")],
)  # fmt: skip
def test_a_refund_type_is_refused(tmp_path: Path, capsys, column: str, sale: str, refund: str) -> None:
    path = tmp_path / "s.csv"
    _write(path, column, sale, refund)
    assert refusal(capsys, "--subscriptions", str(path), "--to-csv", str(tmp_path / "o")) == (
        f"s.csv, column '{column}': credit notes or refunds (by their document type) read as a month's MRR in row 7 "
        f"(counting the header as row 1): '{refund}': a credit note is no month of a subscription: remove its rows "
        "and write each month's MRR after it (a month refunded in full: no row, or MRR 0), or remove this column if "
        "these rows are subscriptions' months"
    )


def test_without_refunds_the_file_is_read(tmp_path: Path) -> None:
    path = tmp_path / "s.csv"
    _write(path, "Transaction Type", "Charge", "Charge")
    movements = pd.read_csv(run(tmp_path, "--subscriptions", path) / "movements.csv")
    assert movements[["month", "customers_end", "mrr_end"]].values.tolist() == [
        ["2026-01", 2, 150.0], ["2026-02", 2, 150.0], ["2026-03", 2, 150.0]]  # fmt: skip
