"""A title row inserted above a tracking sheet's headers (Customers!A1 'My customers 2025', the headers in row 2):
import --into and extend refused with "Customers: no column 'Month' in row 1 (the header it writes under)", a
header that is there, one row down. The tracker's months are read and written from row 2 (its formulas, names,
charts and pandas.read_excel read one row per month under row 1), so the refusal stays, now naming the cell of the
header, the text above it and what to do; the workbook is left as it was."""

from __future__ import annotations

import subprocess
import sys

import openpyxl
import pytest

from xl_retention.workbook import build_template

SUBS = "customer_id,month,mrr\na,2026-01,10\nb,2026-01,20\na,2026-02,10\n"


@pytest.mark.parametrize("title, rows", [("Customers", 1), ("Revenue", 2)])
@pytest.mark.parametrize("command", ["import", "extend"])
def test_a_title_above_the_headers_is_named(tmp_path, title: str, rows: int, command: str) -> None:
    path = build_template(tmp_path / "tracker.xlsx", start="2026-01", months=3)
    wb = openpyxl.load_workbook(path)
    wb[title].insert_rows(1, rows)  # the cells move down; the import reads the headers of row 1
    wb[title]["B1"] = "My figures 2026"
    wb.save(path)
    before = path.read_bytes()
    (tmp_path / "subs.csv").write_text(SUBS)
    args = ["import", "--subscriptions", str(tmp_path / "subs.csv"), "--into", str(path)]
    if command == "extend":
        args = ["extend", str(path), "--months", "1"]
    result = subprocess.run([sys.executable, "-m", "xl_retention.cli", *args], capture_output=True, text=True)
    assert (result.returncode, result.stdout) == (1, "")
    r = rows + 1
    assert result.stderr == (
        f"xl-retention: error: {title}!A{r} holds the header 'Month': the headers are in row {r}, not row 1 "
        f"('My figures 2026' above them), where the tracker's headers must be (its months are read and written from "
        f"row 2): delete the row{'s' if rows > 1 else ''} above them (a title can go in the sheet's name or a "
        "comment) and run again\n"
    )
    assert path.read_bytes() == before
