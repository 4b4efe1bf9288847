"""A report's footer below its table on a sheet (H243's finding 05): the refusal named its rows as "rows 21 of sheet
'MRR report'-22 of sheet 'MRR report'" (the sheet spliced into the range), and with Salesforce's own layout, an empty
row between the table and the footer, the import refused "an empty row inside the table ... in row 9: delete it"
first. Both now name the footer as one range of the sheet ("rows 21-22 of sheet 'MRR report'").
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from import_cli import refusal

FOOTER = ["Confidential Information - Do Not Distribute", "Copyright (c) 2000-2026 salesforce.com, inc."]


def _report(path: Path, gap: bool) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "MRR report"
    sheet.append(["Subscription MRR by Account"])
    sheet.append([])
    sheet.append(["Account Name", "Account ID", "Month", "MRR"])
    for month in (1, 2, 3):
        sheet.append(["Globex", "0015g00000AbCdEAAV", dt.datetime(2026, month, 1), 1000])
    if gap:
        sheet.append([])
    for line in FOOTER:
        sheet.append([line])
    book.save(path)


@pytest.mark.parametrize("gap, rows", [(False, "rows 7-8"), (True, "rows 7-9")])
def test_a_footer_is_named_as_one_range(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], gap: bool, rows: str
) -> None:
    path = tmp_path / "report.xlsx"
    _report(path, gap)
    err = refusal(capsys, "--subscriptions", str(path), "--columns", "customer_id=Account ID,month=Month,mrr=MRR",
                  "--to-csv", str(tmp_path / "out"))  # fmt: skip
    assert err.startswith(
        f"report.xlsx: {rows} of sheet 'MRR report' are the report's footer below the table ("
        + ("an empty row, then " if gap else "")
        + "'Confidential Information - Do Not Distribute'), no data"
    ), err
