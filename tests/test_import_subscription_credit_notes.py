"""A subscriptions file's credit notes and refunds are no paying months: a row whose document type says a credit note
("Document Type" = Credit Note, as ERPs list them, the amount positive) or flagged refunded ("Refunded" = Yes; App
Store Connect's "Refund" = Yes) is refused naming the column and rows, as the orders import refuses them (H222's
findings 01 and 04: read as a month's MRR, C2 who left in April counted as paying, churn 0)."""

from __future__ import annotations

import pandas as pd
from import_cli import refusal, run

#: C1 pays 100 Jan-Apr; C2 pays 50 Jan-Mar, and in April a credit note of 50 (C2 left)
ROWS = [("INV-1", "C1", "2026-01", 100), ("INV-2", "C2", "2026-01", 50), ("INV-3", "C1", "2026-02", 100),
        ("INV-4", "C2", "2026-02", 50), ("INV-5", "C1", "2026-03", 100), ("INV-6", "C2", "2026-03", 50),
        ("INV-7", "C1", "2026-04", 100)]  # fmt: skip


def _write(path, header: str, rows: list[tuple]) -> None:
    path.write_text(header + "\n" + "".join(",".join(map(str, r)) + "\n" for r in rows))


def test_a_credit_note_row_is_refused(tmp_path, capsys) -> None:
    path = tmp_path / "docs.csv"
    rows = [(n, "Invoice", c, m, v) for n, c, m, v in ROWS] + [("CN-1", "Credit Note", "C2", "2026-04", 50)]
    _write(path, "Document Number,Document Type,customer_id,month,mrr", rows)
    assert refusal(capsys, "--subscriptions", str(path), "--to-csv", str(tmp_path / "o")) == (
        "docs.csv, column 'Document Type': credit notes or refunds (by their document type) read as a month's MRR in "
        "row 9 (counting the header as row 1): 'Credit Note': a credit note is no month of a subscription: remove its "
        "rows and write each month's MRR after it (a month refunded in full: no row, or MRR 0), or remove this column "
        "if these rows are subscriptions' months"
    )
    # without the credit note's row: April 1 customer, MRR 100, C2 lost (50)
    _write(path, "Document Number,Document Type,customer_id,month,mrr", rows[:-1])
    movements = pd.read_csv(run(tmp_path, "--subscriptions", path) / "movements.csv")
    april = movements[movements["month"] == "2026-04"].iloc[0]
    assert (april["customers_end"], april["mrr_end"], april["lost"]) == (1, 100.0, 1)


def test_a_month_flagged_refunded_is_refused(tmp_path, capsys) -> None:
    path = tmp_path / "flags.csv"
    rows = [(n, c, m, v, "No") for n, c, m, v in ROWS] + [("INV-8", "C2", "2026-04", 50, "Yes")]
    _write(path, "Invoice,customer_id,month,mrr,Refunded", rows)
    message = refusal(capsys, "--subscriptions", str(path), "--to-csv", str(tmp_path / "o"))
    assert message.startswith(
        "flags.csv, column 'Refunded': rows flagged as a refund, a return, a reversal or a fraud with an amount that "
        "is not negative (whether each is the refund of another row or a sale refunded cannot be told, and counted it "
        "would be a sale) in row 9 (counting the header as row 1): 'Yes'"
    )
    refund = tmp_path / "appstore.csv"  # App Store Connect's Subscriber report: Refund = Yes on a row of its own
    rows = [(c, m, v, "") for _, c, m, v in ROWS] + [("C2", "2026-04", 50, "Yes")]
    _write(refund, "Subscriber ID,Event Date,Developer Proceeds,Refund", rows)
    columns = "customer_id=Subscriber ID,month=Event Date,mrr=Developer Proceeds"
    message = refusal(capsys, "--subscriptions", str(refund), "--columns", columns, "--to-csv", str(tmp_path / "p"))
    assert message.startswith("appstore.csv, column 'Refund': rows flagged as a refund") and "row 9" in message
