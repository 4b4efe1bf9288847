"""A grouped (merged) header row above names none of which the import knows (H413 finding 01).

Row 1 'Customer' merged over A1:B1 and 'Order' over C1:E1, row 2 'ID', 'Email', 'Date', 'Number', 'Total': refused
"missing columns 'customer_id', 'date' (columns found: 'Customer', '', 'Order', '', ''); ... map them all:
--columns customer_id=NAME,...", '' columns no one can map; row 2 was named only once the mapped names were found.
The first refusal now names row 2, as README says of a grouped header row.
"""

from __future__ import annotations

import datetime
from pathlib import Path

import openpyxl

from xl_retention import cli

ROWS = [
    ["ID", "Email", "Date", "Number", "Total"],
    ["1", "a@x", datetime.datetime(2025, 1, 5), "1001", 10],
    ["2", "b@x", datetime.datetime(2025, 1, 7), "1002", 20],
]
NAMES = "holds the names 'ID', 'Email', 'Date', 'Number', ...: the header, below a title? delete the rows above it"


def _refusal(capsys, path: Path) -> tuple[int, str]:
    capsys.readouterr()
    code = cli.main(["import", "--orders", str(path), "--to-csv", str(path.parent / "out")])
    return code, capsys.readouterr().err


def test_a_merged_group_row_names_row_2_at_the_first_refusal(tmp_path, capsys) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Report"
    sheet.append(["Customer", None, "Order", None, None])
    sheet.merge_cells("A1:B1")
    sheet.merge_cells("C1:E1")
    for row in ROWS:
        sheet.append(row)
    book.save(tmp_path / "merged_header.xlsx")
    assert _refusal(capsys, tmp_path / "merged_header.xlsx") == (1, (
        "xl-retention: error: merged_header.xlsx: missing columns 'customer_id', 'date' (columns found: 'Customer', "
        f"'', 'Order', '', ''); row 2 of sheet 'Report' {NAMES}\n"
    ))  # fmt: skip
    assert not (tmp_path / "out").exists()


def test_a_csv_files_group_row_names_row_2(tmp_path, capsys) -> None:
    path = tmp_path / "orders.csv"
    path.write_text(
        "Customer,,Order,,\nID,Email,Date,Number,Total\n1,a@x,2025-01-05,1001,10\n2,b@x,2025-01-07,1002,20\n"
    )
    assert _refusal(capsys, path) == (1, (
        "xl-retention: error: orders.csv: missing columns 'customer_id', 'date' (columns found: 'Customer', '', "
        "'Order', '', ''); row 2 " + NAMES.replace(":", " (counting the first row as row 1):", 1) + "\n"
    ))  # fmt: skip


def test_names_over_blank_columns_without_a_row_of_names_keep_the_mapping_advice(tmp_path, capsys) -> None:
    path = tmp_path / "orders.csv"  # a header with blank names over data: nothing to name but the mapping
    path.write_text("Customer,,Order,,\n1,a@x,2025-01-05,1001,10\n2,b@x,2025-01-07,1002,20\n")
    code, err = _refusal(capsys, path)
    assert code == 1 and err.endswith(
        "(columns found: 'Customer', '', 'Order', '', ''); to use columns of other names, map them all: --columns "
        "customer_id=NAME,date=NAME,amount=NAME (in Python: columns={'customer_id': 'NAME', 'date': 'NAME', "
        "'amount': 'NAME'})\n"
    )
