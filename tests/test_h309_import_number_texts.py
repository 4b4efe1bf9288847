"""import --into writes its figures' ``<v>`` texts with recalc's writer (recalculation/excel_numbers.number_text,
one writer): a whole count as ``1000`` (openpyxl reads an int), a float as Excel stores it, 17 significant digits
(``19.989999999999998`` for 19.99, ``0.58000000000000007`` for 1.58 - 1), each read back as the very double the
import computed. It wrote repr's texts (``19.99``, ``0.5800000000000001``), and ``inf`` or ``nan`` as they were,
texts no cell can hold."""

from __future__ import annotations

import math
import re
import struct
import zipfile
from pathlib import Path

import openpyxl
import pytest
from cli_process import run

from xl_retention.workbook import build_template
from xl_retention.workbook.inplace import Package


def _bits(number: float) -> bytes:
    return struct.pack("<d", number)


def _stored(path: Path, part: str) -> dict[str, str]:
    with zipfile.ZipFile(path) as package:
        xml = package.read(part).decode()
    return dict(re.findall(r'<c r="([B-G][2-4])"[^>]*><v>([^<]*)</v></c>', xml))


def test_import_into_writes_counts_as_whole_numbers_and_mrr_as_excel_stores_it(tmp_path: Path) -> None:
    book = tmp_path / "tracker.xlsx"
    build_template(book, start="2025-01", months=3)
    rows = ["customer_id,month,mrr", "c0,2025-01,19.99"]
    rows += [f"c{i},{month},1" for month in ("2025-01", "2025-02") for i in range(1, 1000)] + ["c1,2025-03,1.58"]
    (tmp_path / "subs.csv").write_text("\n".join(rows) + "\n")
    result = run("import", "--subscriptions", tmp_path / "subs.csv", "--into", book)
    assert result.returncode == 0, result.stderr
    customers = _stored(book, "xl/worksheets/sheet3.xml")
    revenue = _stored(book, "xl/worksheets/sheet4.xml")
    assert {ref: customers[ref] for ref in ("C2", "D2", "D3", "D4")} == {
        "C2": "1000",
        "D2": "1000",
        "D3": "999",
        "D4": "1",
    }
    assert {ref: revenue[ref] for ref in ("C2", "G3", "D4", "G4")} == {
        "C2": "1018.99",
        "G3": "19.989999999999998",  # at the parent: 19.99
        "D4": "0.58000000000000007",  # at the parent: 0.5800000000000001
        "G4": "998",
    }
    wb = openpyxl.load_workbook(book)
    counts = [wb["Customers"][ref].value for ref in ("C2", "D2", "D3", "D4")]
    assert counts == [1000, 1000, 999, 1] and {type(c) for c in counts} == {int}
    mrr = [wb["Revenue"][ref].value for ref in ("C2", "G3", "D4", "G4")]
    assert [_bits(m) for m in mrr] == [_bits(x) for x in (19.99 + 999, 19.99, 1.58 - 1, 998.0)]
    assert type(mrr[3]) is int


@pytest.mark.parametrize("value", [math.inf, -math.inf, math.nan, 10**400])
def test_a_number_no_cell_can_hold_is_refused_naming_the_cell(tmp_path: Path, value: float) -> None:
    book = tmp_path / "tracker.xlsx"
    build_template(book, start="2025-01", months=3)
    sheet = Package(book).sheet("Revenue")
    with pytest.raises(ValueError, match=r"^Revenue!C2: .* is not a number a cell can hold"):
        sheet.set_value("C2", value)  # at the parent: <v>inf</v>, <v>nan</v>, 401 digits
