"""The Lifetime value's labels and figures at the top of the note rows upgrade makes taller (H273's item 4).

Before: a tracker made before fe1aeffa (rows of 30 points, its labels and figures aligned at the bottom, as cells are
by default) brought up by upgrade got rows as tall as the notes need (H261's task 3: row 5 77 points, row 8 62, ...),
but its labels ('Monthly churn (average of the last 12 months with a churn rate)', ...) and figures stayed at the
bottom of those rows, below the note's first line (rendered with LibreOffice: soffice --convert-to pdf, pdftoppm).
The template puts them at the top (lifetime_value.lifetime_sheet); upgrade now does too, the rest of their look kept.
"""

from __future__ import annotations

import openpyxl
from openpyxl.styles import Alignment

from xl_retention.workbook import build_template, sheets
from xl_retention.workbook.upgrade_file import upgrade_workbook

EARLIER_HEIGHTS = {3: 30, 5: 30, 7: 30, 8: 45, 9: 30, 12: 30, 13: 30}  # workbooks/retention_template.xlsx at d3ada42b


def test_upgrade_puts_the_labels_and_figures_of_taller_rows_at_the_top(tmp_path):
    path = build_template(tmp_path / "t.xlsx", start="2026-08", months=8)
    wb = openpyxl.load_workbook(path)
    ws = wb["Lifetime value"]
    for row, height in EARLIER_HEIGHTS.items():
        ws.row_dimensions[row].height = height
        for column in "AB":
            ws[f"{column}{row}"].alignment = Alignment()  # an earlier template's: at the bottom
    ws["B5"], ws["C5"] = sheets.CHURN_12_OUT_UNSAID, sheets.LIFETIME_NOTE_C5_OUT_UNSAID
    wb.save(path)
    looks = {
        ref: repr((ws[ref].font, ws[ref].fill, ws[ref].border, ws[ref].number_format)) for ref in ("A5", "B5", "B3")
    }
    upgrade_workbook(path)
    ws = openpyxl.load_workbook(path)["Lifetime value"]
    assert ws.row_dimensions[5].height == 77
    taller = [row for row, height in EARLIER_HEIGHTS.items() if ws.row_dimensions[row].height > height]
    assert taller == [3, 5, 7, 8, 9, 12, 13]
    assert {f"{c}{row}": ws[f"{c}{row}"].alignment.vertical for row in taller for c in "AB"} == {
        f"{c}{row}": "top" for row in taller for c in "AB"
    }
    assert not ws["A5"].alignment.wrap_text  # its wrapping as it was
    assert {ref: repr((ws[ref].font, ws[ref].fill, ws[ref].border, ws[ref].number_format)) for ref in looks} == looks
    assert ws["A4"].alignment.vertical is None  # a row not made taller: as it was
