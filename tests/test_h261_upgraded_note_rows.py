"""The rows of Lifetime value's notes of a tracker brought up by upgrade (or import, extend) are as tall as this
version's notes need (H261's task 3): a tracker made before fe1aeffa kept its rows of 30 points (C8's 45), so the notes
upgrade wrote there (C5's "see Customers!G5: that month's churn rate is the text '5.5%', ..." of five lines) were cut
after two lines when rendered (LibreOffice: soffice --convert-to pdf, pdftoppm). A row made taller by the user, and the
row of a note of the user's own, keep their heights."""

from __future__ import annotations

import openpyxl

from xl_retention.workbook import build_template, sheets
from xl_retention.workbook.upgrade_file import upgrade_workbook

#: the heights of a tracker made before fe1aeffa (workbooks/retention_template.xlsx at d3ada42b)
EARLIER_HEIGHTS = {3: 30, 5: 30, 7: 30, 8: 45, 9: 30, 12: 30, 13: 30}
HEIGHTS = {3: 62, 5: 77, 7: 32, 8: 62, 9: 47, 12: 62, 13: 47}


def _earlier(tmp_path, **cells):
    path = build_template(tmp_path / "t.xlsx", start="2026-08", months=8)
    wb = openpyxl.load_workbook(path)
    ws = wb["Lifetime value"]
    assert {row: ws.row_dimensions[row].height for row in HEIGHTS} == HEIGHTS
    for row, height in EARLIER_HEIGHTS.items():
        ws.row_dimensions[row].height = height
    ws["B5"], ws["C5"] = sheets.CHURN_12_OUT_UNSAID, sheets.LIFETIME_NOTE_C5_OUT_UNSAID  # an earlier template's
    for ref, value in cells.items():
        ws[ref] = value
    wb.save(path)
    return path


def test_upgrade_makes_the_note_rows_as_tall_as_the_notes_need(tmp_path):
    path = _earlier(tmp_path)
    upgrade_workbook(path)
    ws = openpyxl.load_workbook(path)["Lifetime value"]
    assert ws["C5"].value == sheets.LIFETIME_NOTE_C5
    assert {row: ws.row_dimensions[row].height for row in HEIGHTS} == HEIGHTS
    assert ws["B5"].value == sheets.CHURN_12 and ws["B4"].value is None  # the cells as upgrade leaves them


def test_a_taller_row_and_a_note_of_the_users_keep_their_heights(tmp_path):
    path = _earlier(tmp_path, C9="Our own note on the fit")
    wb = openpyxl.load_workbook(path)
    wb["Lifetime value"].row_dimensions[8].height = 120
    wb.save(path)
    upgrade_workbook(path)
    ws = openpyxl.load_workbook(path)["Lifetime value"]
    assert (ws.row_dimensions[8].height, ws.row_dimensions[9].height, ws.row_dimensions[5].height) == (120, 30, 77)
    assert ws["C9"].value == "Our own note on the fit"


def test_extend_and_import_make_them_as_tall_too(tmp_path):
    from xl_retention import cli  # noqa: PLC0415

    path = _earlier(tmp_path)
    assert cli.main(["extend", str(path), "--months", "1"]) == 0
    ws = openpyxl.load_workbook(path)["Lifetime value"]
    assert {row: ws.row_dimensions[row].height for row in HEIGHTS} == HEIGHTS
    (tmp_path / "import").mkdir()
    path = _earlier(tmp_path / "import")
    csv = tmp_path / "subs.csv"
    csv.write_text("customer_id,start,end,mrr\nc1,2026-08-03,,50\nc2,2026-09-10,2026-11-02,80\n")
    assert cli.main(["import", "--subscriptions", str(csv), "--into", str(path)]) == 0
    ws = openpyxl.load_workbook(path)["Lifetime value"]
    assert {row: ws.row_dimensions[row].height for row in HEIGHTS} == HEIGHTS
