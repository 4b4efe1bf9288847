"""A current tracker whose header 'Returning customers (ordered in an earlier month)' the user shortened: the import
refused, as it must, but said "trackers made before it compute 'Repeat purchase rate' from returning customers: make a
new tracker and import into it" (H188's finding 02), advice that throws away every sheet and formula of the user's.
The old tracker's note is for a sheet with neither of this layout's headers (an old one: "Of whom returning",
tests/test_import_purchases.py); with one of them the sheet is this layout's, and the refusal names the header only,
as for any other header.
"""

from __future__ import annotations

import openpyxl
import pytest
from cli_process import run

from xl_retention.workbook.monthly import REPEAT_HEADER, RETURNING_HEADER

ORDERS = "customer_id,date\na@x.com,2026-01-05\nb@x.com,2026-01-09\na@x.com,2026-02-03\n"


@pytest.mark.parametrize(("header", "short"), [(RETURNING_HEADER, "Returning customers"),
                                               (REPEAT_HEADER, "Repeat purchasers")])  # fmt: skip
def test_a_renamed_header_of_a_current_tracker_is_named_without_the_old_trackers_advice(tmp_path, header, short):
    book = tmp_path / "t.xlsx"
    assert run("new", book, "--start", "2026-01", "--months", "12").returncode == 0
    wb = openpyxl.load_workbook(book)
    ws = wb["Purchases and visits"]
    (cell,) = [c for c in ws[1] if c.value == header]
    cell.value = short
    wb.save(book)
    raw = book.read_bytes()
    orders = tmp_path / "orders.csv"
    orders.write_text(ORDERS)
    result = run("import", "--orders", orders, "--into", book)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        f"xl-retention: error: Purchases and visits: no column {header!r} in row 1 (the header it writes under)\n"
    )
    assert book.read_bytes() == raw
