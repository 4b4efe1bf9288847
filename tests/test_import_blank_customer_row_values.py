"""A till's or shop's order with a blank customer id (Email) is refused showing the row's other values.

The refusal said "missing customer ids in row 3" and no more: the user had to open the file to find which sale it
was. It now shows the row by its values that are not blank (the order's id, date and amount), on pandas and DuckDB.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from xl_retention.cli import main
from xl_retention.reading import DataError
from xl_retention.tables import order_tables

TILL = (
    "Order ID,Date,Email,Total\n"
    "1001,2026-01-03,ann@example.com,25.00\n"
    "1002,2026-01-05,,12.50\n"
    "1003,2026-02-07,ann@example.com,30.00\n"
)
ADVICE = (
    "a row without one is no known customer's (a guest's or till sale?): fill the ids in, map a column that names "
    "each one, --columns customer_id=NAME, or remove those rows: the figures then count the known ones only"
)


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_a_blank_email_names_the_order(tmp_path: Path, capsys, backend: str) -> None:
    path = tmp_path / "till.csv"
    path.write_text(TILL)
    args = ["import", "--orders", str(path), "--columns", "customer_id=Email,amount=Total", "--backend", backend]
    assert main([*args, "--to-csv", str(tmp_path / "out")]) != 0
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [
        "xl-retention: error: till.csv, column 'Email': missing customer ids in row 3 (counting the header as row 1): "
        f"(Order ID '1002', Date '2026-01-05', Total '12.50'): {ADVICE}"
    ]


def test_a_frame_names_the_row_by_its_values() -> None:
    orders = pd.DataFrame({"order": [7, 8], "customer_id": ["a", None], "date": ["2026-01-03", "2026-01-04"]})
    with pytest.raises(DataError, match=r"in the row at index 1: \(order 8, date '2026-01-04'\): a row without one"):
        order_tables(orders)
