"""A sheet with a title block of two cells (A1 'Report', B1 'Q3'), an empty row, then the header was refused as 'an
empty row inside the table ... in row 2': the title row was taken for the header. Such rows are title rows, skipped
as a one-cell title is: the table below reads, 2 customers and MRR 30 in January 2025."""

from __future__ import annotations

import openpyxl
import pytest

from xl_retention.reading import DataError
from xl_retention.workbook.importer import load_tables

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning", "ignore::UserWarning")

TABLE = [["customer_id", "month", "mrr"], ["a", "2025-01", 10], ["b", "2025-01", 20]]


@pytest.mark.parametrize(
    "title",
    [[["Report", "Q3"]], [["Report", "Q3"], ["Exported", "2025-02-01"]], [["Report"], ["Region", "EMEA"]]],
)
def test_a_title_block_of_two_cells_a_row_is_skipped(tmp_path, title: list[list[str]]) -> None:
    book = openpyxl.Workbook()
    for row in [*title, [], *TABLE]:
        book.active.append(row)
    path = tmp_path / "subs.xlsx"
    book.save(path)
    movements = load_tables(str(path)).movements
    assert movements.loc[movements.index[0], ["customers_end", "mrr_end"]].tolist() == [2, 30.0]


def test_an_empty_row_inside_a_two_column_table_is_still_refused(tmp_path) -> None:
    book = openpyxl.Workbook()
    for row in [["customer_id", "mrr"], ["a", 10], [], ["b", 20]]:
        book.active.append(row)
    path = tmp_path / "subs.xlsx"
    book.save(path)
    with pytest.raises(DataError, match=r"an empty row inside the table on sheet 'Sheet', in row 3"):
        load_tables(str(path))
