"""A CSV file that starts with empty lines (eBay's orders report does) and has empty lines below its header: the
rows a refusal names count the header as row 1 and every empty line below it, as they do without the leading empty
lines (H26 finding 08: they were too small by the empty lines below the header)."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_cli import refusal

pytestmark = [
    pytest.mark.filterwarnings("ignore:The 'future.infer_string' option is deprecated"),
    pytest.mark.filterwarnings("ignore:fetch_arrow_table\\(\\) is deprecated"),
]
ADVICE = (  # what such a row is and the way out (H200 finding 11)
    "a row without one is no known customer's (a guest's or till sale?): fill the ids in, map a column that names each "
    "one, --columns customer_id=NAME, or remove those rows: the figures then count the known ones only"
)


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
@pytest.mark.parametrize(
    ("text", "row"),
    [
        ("\ncustomer_id,date,amount\n\na,2024-01-05,10\n,2024-01-06,10\nb,2024-01-07,10\n", 4),
        ("\n\ncustomer_id,date,amount\na,2024-01-05,10\n\n\n,2024-01-06,10\n", 5),
        ("\r\n \r\ncustomer_id,date,amount\r\n\r\na,2024-01-05,10\r\n,2024-01-06,10\r\n", 4),
        ("customer_id,date,amount\n\na,2024-01-05,10\n,2024-01-06,10\n", 4),  # as before
    ],
)
def test_rows_are_named_counting_the_header_as_row_1(tmp_path: Path, capsys, backend: str, text: str, row: int):
    path = tmp_path / "orders.csv"
    path.write_bytes(text.encode())
    message = refusal(capsys, "--orders", str(path), "--backend", backend, "--to-csv", str(tmp_path / "out"))
    assert message == (
        f"orders.csv, column 'customer_id': missing customer ids in row {row} (counting the header as row 1): "
        f"(date '2024-01-06', amount '10'): {ADVICE}"  # the row by its other values (session 29)
    )


def test_an_ebay_report_names_its_footer_row(tmp_path: Path, capsys) -> None:
    path = tmp_path / "ebay.csv"
    path.write_bytes(
        b'\r\n"Sales Record Number","Buyer Username","Total Price","Sale Date"\r\n\r\n'
        b'"1001","buyer_a","$12.00","Jan-05-24"\r\n"1002","buyer_b","$22.00","Jan-10-24"\r\n'
        b'"1003","buyer_a","$12.00","Feb-05-24"\r\n"3","record(s) downloaded,","",""\r\n'
        b'"Seller ID: myshop","","",""\r\n'
    )
    message = refusal(capsys, "--orders", str(path), "--columns", "customer_id=Buyer Username,date=Sale Date,"
                      "amount=Total Price", "--date-format", "%b-%d-%y", "--to-csv", str(tmp_path / "out"))  # fmt: skip
    assert message.endswith(  # the row by its values: the report's footer
        f"missing customer ids in row 7 (counting the header as row 1): (Sales Record Number 'Seller ID: myshop'): "
        f"{ADVICE}"
    )
