"""An invoice's or a charge's total mapped as mrr beside a month ("Invoice Total", "Amount Billed", "Total Charged",
"Rechnungsbetrag", "Montant facturé", "Bezahlt") is refused as "Amount Paid" is: each row is an invoice, a yearly one
12 months' MRR in its month and the customer lost the month after (H222's finding 09: January MRR 1,300 and B lost
in February for 200 and none lost, exit 0)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import refusal, run

BILLED = "what an invoice or a charge billed"
ROWS = "A,2026-01,100\nB,2026-01,1200\nA,2026-02,100\nA,2026-03,100\n"
ADVICE = (
    "and the rows are payments (a yearly invoice would be 12 months' MRR in its month and the customer lost the month "
    "after), not each customer's month: import them with --orders, or give one row per customer and month with the "
    "MRR (or one per subscription with start, end and the price per interval)"
)


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
@pytest.mark.parametrize(
    ("name", "what"),
    [("Invoice Total", BILLED), ("Amount Billed", BILLED),
     ("Billed Amount", BILLED), ("Total Charged", BILLED),
     ("Rechnungsbetrag", BILLED), ("Montant facturé", BILLED),
     ("Importe facturado", BILLED), ("Bezahlt", "what a payment paid"),
     ("Montant payé", "what a payment paid")],
)  # fmt: skip
def test_an_invoice_total_as_mrr_is_refused(tmp_path: Path, capsys, name: str, what: str, backend: str) -> None:
    path = tmp_path / "in.csv"
    path.write_text(f'customer_id,month,"{name}"\n' + ROWS, encoding="utf-8")
    args = ["--subscriptions", str(path), "--columns", f"mrr={name}", "--backend", backend]
    assert (
        refusal(capsys, *args, "--to-csv", str(tmp_path / "o"))
        == f"in.csv: {name!r} (taken as mrr) is {what}, {ADVICE}"
    )


def test_an_mrr_column_is_read(tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_text("customer_id,month,MRR\nA,2026-01,100\nB,2026-01,100\nA,2026-02,100\nB,2026-02,100\n")
    movements = pd.read_csv(run(tmp_path, "--subscriptions", path) / "movements.csv")
    assert movements[["month", "customers_end", "mrr_end", "lost"]].values.tolist() == [
        ["2026-01", 2, 200.0, 0], ["2026-02", 2, 200.0, 0]]  # fmt: skip
