"""The refusal of refund rows above their order's amount quotes the amounts as the file writes them, naming the
row and the column (was: '-140.0', the number read)."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_cli import refusal


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
@pytest.mark.parametrize(("sale", "refund"), [('"$100.00"', '"-$140.00"'), ('"100,00 €"', '"-140,00 €"')])
def test_a_refund_above_its_order_quotes_the_file(tmp_path: Path, capsys, backend: str, sale: str, refund: str) -> None:
    path = tmp_path / "orders.csv"
    path.write_text(f"order_id,customer_id,date,Total\n1001,a,2026-01-05,{sale}\n1002,b,2026-01-06,{sale}\n"
                    f"1001,a,2026-01-20,{refund}\n")  # fmt: skip
    err = refusal(capsys, "--orders", str(path), "--columns", "amount=Total", "--backend", backend,
                  "--to-csv", str(tmp_path / "o"))  # fmt: skip
    assert err == (
        "orders.csv, column 'Total': refund rows above their order's amount (order order_id '1001': -40 in all) in "
        f"row 4 (counting the header as row 1): {refund.strip(chr(34))!r}"
    )
