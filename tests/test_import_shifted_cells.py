"""One column's cells moved down a row ("Insert cells, Shift cells down" on one cell of an export): refused naming the
column, the blank and the lone last value (reading.shifted_cells). It was refused as "missing customer ids in row 6"
(or, for the customer column, "missing customer ids in row 3"), naming no cause."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import refusal, run

ORDERS = [["a", "2026-01-05", "10.00"], ["b", "2026-01-06", "20.00"], ["c", "2026-01-07", "30.00"],
          ["d", "2026-02-07", "40.00"]]  # fmt: skip


def _shifted(column: int) -> str:
    """The orders with ``column``'s cell of row 3 inserted, the values below moved down a row."""
    values = [row[column] for row in ORDERS]
    moved = [values[0], "", *values[1:]]
    rows = [[*row] for row in ORDERS] + [["", "", ""]]
    for row, value in zip(rows, moved, strict=True):
        row[column] = value
    return "customer_id,date,amount\n" + "".join(",".join(row) + "\n" for row in rows)


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
@pytest.mark.parametrize(("column", "name", "last"), [(2, "amount", "'40.00'"), (1, "date", "'2026-02-07'"),
                                                     (0, "customer_id", "'d'")])  # fmt: skip
def test_a_column_moved_down_a_row_is_refused(tmp_path: Path, capsys, backend: str, column: int, name: str,
                                              last: str) -> None:  # fmt: skip
    path = tmp_path / "orders.csv"
    path.write_text(_shifted(column))
    err = refusal(capsys, "--orders", str(path), "--backend", backend, "--to-csv", str(tmp_path / "o"))
    assert err == (
        f"orders.csv, column {name!r}: its values seem moved down a row from a blank on (the first row named: a "
        "blank beside the row's other values; the last: this column's value alone below the table: a cell inserted "
        "with 'Shift cells down'?), each value between them on the next row's record in rows 3, 6 (counting the "
        f"header as row 1): blank, {last}: move them back up (delete the blank cell with 'Shift cells up')"
    )


def test_a_total_under_the_column_is_no_shift(tmp_path: Path, capsys) -> None:
    # a sum written under the amounts, beside an order without an amount: refused as before, not as moved cells
    path = tmp_path / "orders.csv"
    path.write_text("customer_id,date,amount\na,2026-01-05,10.00\nb,2026-01-06,\nc,2026-01-07,30.00\n,,40.00\n")
    assert "moved down" not in refusal(capsys, "--orders", str(path), "--to-csv", str(tmp_path / "o"))


def test_the_export_as_it_was_reads(tmp_path: Path) -> None:
    path = tmp_path / "orders.csv"
    path.write_text("customer_id,date,amount\n" + "".join(",".join(row) + "\n" for row in ORDERS))
    out = run(tmp_path, "--orders", path)
    assert pd.read_csv(out / "order_revenue_cohorts.csv")["0"].tolist() == [60.0, 40.0]
