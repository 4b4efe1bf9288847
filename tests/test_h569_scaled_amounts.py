"""A money column whose name says its amounts are in thousands or millions ("MRR (k$)", "MRR (000s)", German
reports' "Umsatz (TEUR)", "ARR ($M)") was read as currency units, exit 0, no note: MRR 1.7 where 1,700 is right
(H569's finding 04). It is refused naming the column and the scale; a name saying none is read as before.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import refusal, run


@pytest.mark.parametrize(
    ("column", "scale", "factor"),
    [("MRR (k$)", "thousands", "1,000"), ("MRR ($K)", "thousands", "1,000"), ("MRR (000s)", "thousands", "1,000"),
     ("MRR in thousands", "thousands", "1,000"), ("MRR (Tsd. EUR)", "thousands", "1,000"),
     ("ARR ($M)", "millions", "1,000,000")],
)  # fmt: skip
def test_a_subscriptions_column_in_thousands_is_refused(tmp_path: Path, capsys, column, scale, factor) -> None:
    path = tmp_path / "mrr.csv"
    path.write_text(f"customer_id,month,{column}\nacme,2026-01,1.2\nbeta,2026-01,0.5\nacme,2026-02,1.2\n")
    out = str(tmp_path / "o")
    message = refusal(capsys, "--subscriptions", str(path), "--columns", f"mrr={column}", "--to-csv", out)
    assert message == (
        f"mrr.csv: {column!r} (taken as mrr) says its amounts are in {scale}: read as currency units they would be "
        f"{factor} times too small; give the amounts in currency units (the column times {factor}) and map that column"
    )


def test_an_orders_column_in_thousands_of_euros_is_refused(tmp_path: Path, capsys) -> None:
    path = tmp_path / "orders.csv"
    path.write_text("customer_id,date,Umsatz (TEUR)\na,2026-01-05,1.5\nb,2026-01-07,0.25\n")
    out = str(tmp_path / "o")
    message = refusal(capsys, "--orders", str(path), "--columns", "amount=Umsatz (TEUR)", "--to-csv", out)
    assert message.startswith("orders.csv: 'Umsatz (TEUR)' (taken as amount) says its amounts are in thousands")


def test_a_column_saying_no_scale_is_read_as_units(tmp_path: Path) -> None:
    path = tmp_path / "mrr.csv"
    path.write_text("customer_id,month,MRR (USD)\nacme,2026-01,1200\nbeta,2026-01,500\nacme,2026-02,1200\n")
    movements = pd.read_csv(run(tmp_path, "--subscriptions", path, "--columns", "mrr=MRR (USD)") / "movements.csv")
    assert movements["mrr_end"].tolist() == [1700.0, 1200.0]
