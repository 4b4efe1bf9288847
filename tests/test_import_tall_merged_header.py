"""A header whose cells are merged down over two rows (a tall header, Merge & Center on A1:A2, B1:B2, ...) (H66/15).

Row 2, the lower half of every header cell, was refused as "an empty row inside the table". It is read as the header
Excel shows; the data rows keep their sheet rows in messages; a truly empty row below the data is refused as before.
"""

from __future__ import annotations

import openpyxl
import pytest

from xl_retention.reading import DataError
from xl_retention.workbook.importer import load_tables

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def _book(tmp_path, rows, merged=("A1:A2", "B1:B2", "C1:C2")):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "MRR"
    ws.append(["customer_id", "month", "mrr"])
    ws.append([None, None, None])
    for ref in merged:
        ws.merge_cells(ref)
    for row in rows:
        ws.append(list(row))
    path = tmp_path / "mrr.xlsx"
    wb.save(path)
    return path


ROWS = [("a", "2024-01", 100), ("b", "2024-01", 50), ("a", "2024-02", 100)]


def test_a_tall_header_is_read_as_the_header(tmp_path) -> None:
    frame = load_tables(_book(tmp_path, ROWS)).movements
    got = {str(m): (int(frame.loc[m, "customers_end"]), float(frame.loc[m, "mrr_end"])) for m in frame.index}
    assert got == {"2024-01": (2, 150.0), "2024-02": (1, 100.0)}


def test_rows_below_a_tall_header_are_named_by_their_sheet_rows(tmp_path) -> None:
    with pytest.raises(DataError, match=r"negative MRR in row 4 of sheet 'MRR': -50"):
        load_tables(_book(tmp_path, [("a", "2024-01", 100), ("b", "2024-01", -50)]))


def test_an_empty_row_under_a_header_merged_in_part_is_still_refused(tmp_path) -> None:
    with pytest.raises(DataError, match=r"an empty row inside the table on sheet 'MRR', in row 2"):
        load_tables(_book(tmp_path, ROWS, merged=("A1:A2", "B1:B2")))
