"""recalc sizes the Lifetime value notes' rows for the text they show (H427's finding 02).

A tracker filled with three months of customers and revenue, no gross margin, recalculated: its Lifetime value rows
were 62, 77, 32, 62, 47, 62 and 47 points tall (rows 3, 5, 7, 8, 9, 12, 13, each the template's room for its note's
longest text) while only C3 and C8 showed a note; rendered, tall empty rows. Now each row holds its note as it is:
C3's 160 characters 4 lines (62 points), C8's "Type the gross margin (B4) to see the lifetime values." 2 lines (32), the
others the sheet's default height. A long note still gets its room (C5 naming a churn rate typed as text: 4 lines,
62), a row the user gave a height of their own keeps it, and the template as written keeps its rooms for Excel, which
does not fit a row to a formula's value.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl

from xl_retention.recalculation import recalc_file
from xl_retention.workbook import build_template

NOTE_ROWS = (3, 5, 7, 8, 9, 12, 13)
TEMPLATE = {3: 62, 5: 77, 7: 32, 8: 62, 9: 47, 12: 62, 13: 47}


def _tracker(folder: Path, typed: dict[tuple[str, str], object] | None = None, height: float | None = None) -> Path:
    """Three months from 2026-01: customers 100 -> 105, 108, 110, MRR 1,000 -> 1,080, 1,150; no gross margin;
    ``typed``: more cells; ``height``: row 9's height set by the user."""
    path = build_template(folder / "t.xlsx", start="2026-01", months=3)
    wb = openpyxl.load_workbook(path)
    customers, revenue = wb["Customers"], wb["Revenue"]
    customers["B2"], revenue["B2"] = 100, 1000
    for row, (gained, end) in zip((2, 3, 4), ((10, 105), (8, 108), (6, 110)), strict=True):
        customers[f"C{row}"], customers[f"D{row}"] = gained, end
    for row, moves in ((2, (100, 20, 0, 10, 30)), (3, (80, 10, 5, 5, 20))):
        for column, amount in zip("CDEFG", moves, strict=True):
            revenue[f"{column}{row}"] = amount
    for (sheet, ref), value in (typed or {}).items():
        wb[sheet][ref] = value
    if height is not None:
        wb["Lifetime value"].row_dimensions[9].height = height
    wb.save(path)
    return path


def _rows(path: Path, folder: Path) -> tuple[dict[int, float | None], dict[int, object]]:
    report = recalc_file(path, folder / "out.xlsx", engine="embedded")
    assert report.status == "ok", report.message
    ws = openpyxl.load_workbook(report.output, data_only=True)["Lifetime value"]
    return {r: ws.row_dimensions[r].height for r in NOTE_ROWS}, {r: ws[f"C{r}"].value for r in NOTE_ROWS}


def test_rows_fit_the_notes_shown(tmp_path: Path) -> None:
    heights, notes = _rows(_tracker(tmp_path), tmp_path)
    assert notes == {
        3: "Default: the last month's MRR at end / customers at end (here 2026-02's: Revenue stops there, Customers "
        "runs to 2026-03). Type your own figure over it to keep it.",
        5: None,
        7: None,
        8: "Type the gross margin (B4) to see the lifetime values.",
        9: None,
        12: None,
        13: None,
    }
    assert heights == {3: 62, 5: None, 7: None, 8: 32, 9: None, 12: None, 13: None}


def test_a_long_note_keeps_its_room_and_a_users_height_stays(tmp_path: Path) -> None:
    path = _tracker(tmp_path, {("Customers", "G3"): "5.5%", ("Lifetime value", "B4"): 0.8}, height=40)
    heights, notes = _rows(path, tmp_path)
    assert notes[5] == (
        "see Customers!G3: that month's churn rate is the text '5.5%', typed over its formula, which the average does "
        "not read; copy the column's formula back there, or type the rate as a number."
    )
    assert notes[8] == "No value: the monthly churn (B5) is an error: C5 says where."
    # C7: B7's error said since H474 (its row was left to its default beside an empty note)
    assert heights == {3: 62, 5: 62, 7: 32, 8: 32, 9: 40, 12: None, 13: None}  # C5: 4 lines of 48


def test_the_template_keeps_its_rooms(tmp_path: Path) -> None:
    ws = openpyxl.load_workbook(_tracker(tmp_path))["Lifetime value"]
    assert {r: ws.row_dimensions[r].height for r in NOTE_ROWS} == TEMPLATE
