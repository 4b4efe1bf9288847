"""'NPS scores' whose month headers are texts ('Jun 2026': typed, or the header row of a table the team formatted
it as) took no import or extend, refused as "NPS scores: no column for 2026-06 in row 1 (a month per column)" while
G1 read 'Jun 2026' (H159's finding 07): untrue as the user sees the sheet, and naming no cell. Now the refusal names
the headers that say months as text and what to type. Workbooks made by build_template, edited with openpyxl.
"""

from __future__ import annotations

import openpyxl
from cli_process import run
from openpyxl.worksheet.table import Table, TableStyleInfo

from xl_retention.workbook import build_template

ANSWERS = "date,score\n2026-06-02,9\n2026-06-20,3\n2026-06-21,10\n"


def _tracker(tmp_path, columns: range, table: bool = False):
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=6)
    wb = openpyxl.load_workbook(path)
    ws = wb["NPS scores"]
    for column in columns:
        ws.cell(1, column).value = ws.cell(1, column).value.strftime("%b %Y")
    if table:
        ws.add_table(
            Table(displayName="Answers", ref="A1:G1001", tableStyleInfo=TableStyleInfo(name="TableStyleLight1"))
        )
    wb.save(path)
    return path


def test_import_of_answers_into_month_headers_typed_as_text_names_them(tmp_path):
    path = _tracker(tmp_path, range(2, 8), table=True)
    before = path.read_bytes()
    (tmp_path / "june.csv").write_text(ANSWERS)
    result = run("import", "--nps", tmp_path / "june.csv", "--into", path)
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr == (
        "xl-retention: error: 'NPS scores'!B1:G1 hold 'Jan 2026' to 'Jun 2026' as text, not dates, so no column there "
        "is a month's (2026-06 has none): type each month in row 1 as a date (2026-01-01 in B1), as the template "
        "writes them\n"
    )
    assert path.read_bytes() == before


def test_one_month_header_typed_as_text_is_named(tmp_path):
    path = _tracker(tmp_path, range(7, 8))
    (tmp_path / "june.csv").write_text(ANSWERS)
    result = run("import", "--nps", tmp_path / "june.csv", "--into", path)
    assert result.returncode == 1
    assert result.stderr == (
        "xl-retention: error: 'NPS scores'!G1 holds 'Jun 2026' as text, not a date, so no column there is a month's "
        "(2026-06 has none): type each month in row 1 as a date (2026-06-01 in G1), as the template writes them\n"
    )


def test_extend_of_month_headers_typed_as_text_names_them(tmp_path):
    path = _tracker(tmp_path, range(2, 8), table=True)
    before = path.read_bytes()
    result = run("extend", path, "--months", "1")
    assert result.returncode == 1
    assert result.stderr.startswith("xl-retention: error: 'NPS scores'!B1:G1 hold 'Jan 2026' to 'Jun 2026' as text")
    assert path.read_bytes() == before


def test_answers_import_into_date_headers_still_writes_them(tmp_path):
    path = _tracker(tmp_path, range(0))
    (tmp_path / "june.csv").write_text(ANSWERS)
    result = run("import", "--nps", tmp_path / "june.csv", "--into", path)
    assert result.returncode == 0, result.stderr
    ws = openpyxl.load_workbook(path)["NPS scores"]
    assert sorted(ws.cell(r, 7).value for r in range(2, 5)) == [3, 9, 10]
