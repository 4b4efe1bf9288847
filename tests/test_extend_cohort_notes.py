"""extend (and import --into) grow the Cohorts sheet with the user's notes (comments) on it, each on its cell.

``xl-retention extend TRACKER --months N`` left Cohorts at its old months as soon as the sheet had a comment of the
user's ("Cohorts has comments or drawings of its own, so its tables cannot grow"): the survivors triangle and the sBG
fit stayed short of the new months. The notes now move with their cells (a note on the sBG fit, row 22 of a 6-month
tracker, is on row 28 of the 9-month one), their boxes too; a chart or picture on the sheet still stops it growing,
said as such.
"""

from __future__ import annotations

import re
import zipfile

import openpyxl
from openpyxl.chart import BarChart, Reference
from openpyxl.comments import Comment

from xl_retention import cli
from xl_retention.workbook import build_template


def _tracker(tmp_path):
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=6)
    wb = openpyxl.load_workbook(path)
    ws = wb["Cohorts"]
    assert (ws["A22"].value, ws["A39"].value.month) == ("fit", 2)  # the sBG fit; February's order cohort
    ws["B4"], ws["C39"] = 100, 7  # January's sign-ups; February's first buyers ordering a month later
    notes = {"A1": "what these tables are for", "B4": "January: the launch", "B22": "alpha: checked", "C39": "promo"}
    for ref, text in notes.items():
        ws[ref].comment = Comment(text, "me")
    wb.save(path)
    return path, notes


def test_extend_grows_cohorts_keeping_the_notes_on_their_cells(tmp_path, capsys):
    path, notes = _tracker(tmp_path)
    assert cli.main(["extend", str(path), "--months", "3"]) == 0
    assert "Cohorts keeps its" not in capsys.readouterr().out
    ws = openpyxl.load_workbook(path)["Cohorts"]
    assert ws["A28"].value == "fit" and ws["J3"].value == "Month 8"  # grown to 9 months
    assert ws["A48"].value.month == 2 and ws["C48"].value == 7 and ws["B4"].value == 100
    moved = {"A1": "A1", "B4": "B4", "B22": "B28", "C39": "C48"}
    got = {c.coordinate: c.comment.text for row in ws.iter_rows() for c in row if c.comment}
    assert got == {moved[ref]: text for ref, text in notes.items()}
    with zipfile.ZipFile(path) as z:  # the boxes moved with them (a VML row counts from 0)
        rows = [sorted(map(int, re.findall(rb"Row>(\d+)<", z.read(n)))) for n in z.namelist() if n.endswith(".vml")]
    assert [0, 3, 27, 47] in rows


def test_a_chart_on_cohorts_still_stops_it_growing_said_as_such(tmp_path, capsys):
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=6)
    wb = openpyxl.load_workbook(path)
    ws = wb["Cohorts"]
    chart = BarChart()
    chart.add_data(Reference(ws, min_col=2, min_row=3, max_row=9), titles_from_data=True)
    ws.add_chart(chart, "P3")
    wb.save(path)
    assert cli.main(["extend", str(path), "--months", "3"]) == 0
    out = capsys.readouterr().out
    assert "Cohorts keeps its 6 months: Cohorts has a chart or picture of its own" in out
