"""A file named .xls that is no Excel 97-2003 workbook (a web shop's or bank's "Excel" download: an HTML table, a
CSV file, Excel's XML Spreadsheet 2003, or an .xlsx workbook renamed) was refused as 'an old Excel 97-2003 .xls
workbook (or a password-protected file)', by its name alone. Now the refusal says what the file holds and what to do
(xl_retention.reading.files); a true .xls keeps its message."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest
from import_cli import refusal

HTML = (
    "<html><head><meta charset='utf-8'></head><body><table><tr><td>customer_id</td><td>date</td><td>amount</td></tr>"
    "<tr><td>a</td><td>2026-01-05</td><td>10</td></tr></table></body></html>"
)
XML = (
    '<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n'
    '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="Orders"/></Workbook>\n'
)


@pytest.mark.parametrize(
    ("content", "said"),
    [
        (HTML, "orders.xls is a web page (HTML) holding a table, not an Excel workbook, whatever its name (.xls) says: "
               "open it in Excel and save it as .xlsx, or export the data as CSV"),
        ("\ufeffcustomer_id\tdate\tamount\na\t2026-01-05\t10\n",
         "orders.xls is a text (CSV) file, not what its name (.xls) says: rename it .csv"),
        (XML, "orders.xls is an XML Spreadsheet 2003 of Excel, not an .xlsx workbook: open it in Excel and save it as "
              ".xlsx"),
    ],
)  # fmt: skip
def test_a_text_file_named_xls_is_named_for_what_it_is(tmp_path, capsys, content, said) -> None:
    (tmp_path / "orders.xls").write_text(content, encoding="utf-8")
    assert refusal(capsys, "--orders", str(tmp_path / "orders.xls"), "--to-csv", str(tmp_path / "out")) == said


def test_an_xlsx_workbook_named_xls_is_asked_to_be_renamed(tmp_path, capsys) -> None:
    book = openpyxl.Workbook()
    book.active.append(["customer_id", "date", "amount"])
    book.active.append(["a", dt.date(2026, 1, 5), 10])
    book.save(tmp_path / "orders.xls")
    message = refusal(capsys, "--orders", str(tmp_path / "orders.xls"), "--to-csv", str(tmp_path / "out"))
    assert message == "orders.xls is an Excel workbook (.xlsx), not what its name (.xls) says: rename it .xlsx"


def test_a_true_xls_keeps_its_message(tmp_path, capsys) -> None:
    (tmp_path / "orders.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504)
    message = refusal(capsys, "--orders", str(tmp_path / "orders.xls"), "--to-csv", str(tmp_path / "out"))
    assert (
        message == "orders.xls is an old Excel 97-2003 .xls workbook (or a password-protected file): save it as .xlsx"
    )
