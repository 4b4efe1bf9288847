"""A column of each row's line type (Lightspeed X-Series' 'Line Type': a 'Sale' row with the receipt's totals, a 'Sale
Line' row per item adding up to it, a 'Payment' row) was not read as a type column: the totals and their items were
added up, each sale counted twice (H188 finding 04: January 130.00 for 65.00). It is read as one now: a type that
says neither a sale nor a refund is refused naming its rows, and the file of the 'Sale' rows reads 65.00 / 15.00."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_cli import refusal, run

HEADER = "Date,Receipt Number,Line Type,Customer Code,Quantity,Subtotal,Sales Tax,Total,Status\n"
SALES = [
    "2026-01-05 10:23:45,1001,Sale,C-0001,2,40.00,6.00,46.00,completed\n",
    "2026-01-05 10:23:45,1001,Sale Line,C-0001,1,25.00,3.75,28.75,completed\n",
    "2026-01-05 10:23:45,1001,Sale Line,C-0001,1,15.00,2.25,17.25,completed\n",
    "2026-01-05 10:23:45,1001,Payment,C-0001,,,,,completed\n",
    "2026-01-19 15:02:11,1002,Sale,C-0002,1,25.00,3.75,28.75,completed\n",
    "2026-01-19 15:02:11,1002,Sale Line,C-0002,1,25.00,3.75,28.75,completed\n",
    "2026-02-03 11:00:00,1003,Sale,C-0001,1,15.00,2.25,17.25,completed\n",
    "2026-02-03 11:00:00,1003,Sale Line,C-0001,1,15.00,2.25,17.25,completed\n",
]
COLUMNS = "customer_id=Customer Code,date=Date,order_id=Receipt Number,amount=Subtotal"


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_sale_lines_beside_their_sale_are_refused(tmp_path: Path, capsys, backend: str) -> None:
    path = tmp_path / "sales.csv"
    path.write_text(HEADER + "".join(SALES))
    args = ["--orders", str(path), "--columns", COLUMNS, "--to-csv", str(tmp_path / "o"), "--backend", backend]
    assert refusal(capsys, *args) == (
        "sales.csv, column 'Line Type': row types that say neither a sale nor a refund (whether these were purchases "
        "cannot be told) in rows 3, 4, 7, 9 (counting the header as row 1): 'Sale Line', 'Sale Line', 'Sale Line', "
        "'Sale Line'"
    )


def test_the_sale_rows_alone_count_each_sale_once(tmp_path: Path) -> None:
    path = tmp_path / "sales.csv"
    path.write_text(HEADER + "".join(row for row in SALES if ",Sale," in row))
    out = run(tmp_path, "--orders", path, "--columns", COLUMNS)
    assert (out / "order_revenue_cohorts.csv").read_text().splitlines()[1] == "2026-01,65.0,15.0"
