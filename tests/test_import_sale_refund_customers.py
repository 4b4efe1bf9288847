"""A sale and its refund sharing a transaction id (the sale's id on its refund row, no order id column) whose rows
name two customers: refused naming the customer column, the id and the rows. It was refused as 'the same record in
two exports ... keep the row of the latest export', advice that drops the sale or the refund."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import refusal, run

TEXT = "transaction_id,customer_id,date,amount,type\nT1,a,2026-01-05,100.00,sale\nT2,b,2026-01-06,50.00,sale\n"


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_a_refund_of_another_customer_is_refused_naming_both(tmp_path: Path, capsys, backend: str) -> None:
    path = tmp_path / "payments.csv"
    path.write_text(TEXT + "T1,c,2026-01-20,-100.00,refund\n")
    err = refusal(capsys, "--orders", str(path), "--backend", backend, "--to-csv", str(tmp_path / "o"))
    assert err == (
        "payments.csv, column 'customer_id': a sale and its refund with one 'transaction_id' ('T1') and two "
        "customers ('a', 'c'): whose purchase the refund takes off cannot be told in rows 2, 4 (counting the header "
        "as row 1): 'a', 'c': give the refund row its sale's customer (or, if it refunds another sale, that sale's id)"
    )
    path.write_text(TEXT + "T1,a,2026-01-20,-100.00,refund\n")  # as the message says: the sale refunded in full
    out = run(tmp_path, "--orders", path, backend=backend)
    assert pd.read_csv(out / "purchases.csv")[["month", "buyers"]].values.tolist() == [["2026-01", 1]]
