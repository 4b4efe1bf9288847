"""A quote opened in an orders CSV and never closed is refused, never left to swallow the orders after it (H188/13).

A note written ``"gift wrap, please`` without its closing quote took orders 3, 4 and 5 (each a line of the file's
five fields with a date) into order 2's note: 2 January and 1 February buyers for 3 and 3, exit 0, no word. Now a
text value whose lines after its first are rows of the file is refused naming the row where the quote opens; a
note of several lines (an address) is read as before.
"""

from __future__ import annotations

import pytest

from xl_retention.reading import DataError
from xl_retention.workbook.importer import load_tables

ORDERS = (
    "order_id,customer_id,date,amount,note\n"
    "1,a@x.com,2026-01-05,20.00,ok\n"
    '2,b@x.com,2026-01-20,30.00,"gift wrap, please\n'
    "3,c@x.com,2026-01-22,15.00,ok\n"
    "4,d@x.com,2026-02-03,10.00,ok\n"
    '5,a@x.com,2026-02-10,25.00,"call ""before"" delivery"\n'
    "6,e@x.com,2026-02-11,12.00,ok\n"
)


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_an_unclosed_quote_is_refused(tmp_path, backend: str) -> None:
    (tmp_path / "o.csv").write_text(ORDERS)
    with pytest.raises(DataError) as error:
        load_tables(orders=tmp_path / "o.csv", backend=backend)
    assert str(error.value) == (
        "o.csv, column 'note': a quoted value running over lines that are rows of the file (a quote opened and never "
        "closed: the orders on those lines would be lost in it) in row 3 (counting the header as row 1): 'gift wrap, "
        "please': close the quote, or remove it, and import again (the first line taken in: "
        "'3,c@x.com,2026-01-22,15.00,ok')"
    )
    # the quote closed: six orders, 3 and 3 buyers; a note of two lines (an address) is a note
    closed = ORDERS.replace('"gift wrap, please', '"gift wrap, please\nFlat 2, 10 High St, Leeds"')
    (tmp_path / "o.csv").write_text(closed)
    purchases = load_tables(orders=tmp_path / "o.csv", backend=backend).purchases
    assert purchases["buyers"].tolist() == [3, 3]
