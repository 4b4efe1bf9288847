"""Every note beside Lifetime value's figures is as tall as its longest text (H248's task 1).

Rendered by LibreOffice, C5's "see Customers!G5: that month's churn rate is the text '5.5%', typed over its formula,
which the average does not read; copy the column's formula back there, or type the rate as a number." (7861ec74's
note, 186 characters) was cut after two lines: its row was 30 points high (two lines of 11-point text) in a column 48
wide. So were C8's ARPA blank for a customers at end (4 lines), C9's deleted Cohorts sheet (3), C12's infinite sBG
lifetime (4) and C13's inputs that are text (3). Each row now holds its note's longest text: 15 points a line of
column C wrapped at 48 characters (Excel and LibreOffice put 48 to 57 italic characters a line there).
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import openpyxl
import pytest

from xl_retention.recalculation import recalc_file
from xl_retention.workbook import build_template

MONTHS = [(137, 2421), (141, 2436), (129, 2440), (145, 2451)]  # Aug-Nov 2026: gained, at end
MOVES = [[4180, 1240, 310, 620, 3410], [4650, 980, 0, 450, 3120], [3380, 1510, 220, 780, 2940],
         [5020, 1130, 150, 540, 3870]]  # fmt: skip
NOTES = ("C3", "C5", "C7", "C8", "C9", "C12", "C13")


def _lines(text: str) -> int:
    return len(textwrap.wrap(text, 48))


def _room(ws, ref: str) -> int:
    """The lines of 11-point text row ``ref``'s height holds (15 points a line)."""
    return int((ws.row_dimensions[int(ref[1:])].height or 15) // 15)


def _tracker(tmp_path: Path, typed: dict[tuple[str, str], object]) -> Path:
    path = build_template(tmp_path / "t.xlsx", start="2026-08", months=6)
    wb = openpyxl.load_workbook(path)
    customers, revenue = wb["Customers"], wb["Revenue"]
    customers["B2"], revenue["B2"] = 2412, 52310
    for row, ((gained, end), moves) in enumerate(zip(MONTHS, MOVES, strict=True), start=2):
        customers[f"C{row}"], customers[f"D{row}"] = gained, end
        for column, amount in zip("CDEFG", moves, strict=True):
            revenue[f"{column}{row}"] = amount
    wb["Lifetime value"]["B4"] = 0.78
    for (sheet, ref), value in typed.items():
        wb[sheet][ref] = value
    wb.save(path)
    return path


TEXT_TYPED = (
    "see Customers!G5: that month's churn rate is the text '5.5%', typed over its formula, which the average does not "
    "read; copy the column's formula back there, or type the rate as a number."
)


@pytest.mark.parametrize(
    ("typed", "ref", "text"),
    [
        ({("Customers", "G5"): "5.5%"}, "C5", TEXT_TYPED),
        ({("Customers", "D4"): None}, "C5", "see Customers!D4: a churn rate of the last 12 months is an error from "
         "that cell (blank, text that is no number, an error, or figures that cannot be); fill or correct it there."),
        ({("Customers", "D5"): None, ("Customers", "C5"): None}, "C8", "No value: ARPA (B3) is blank: see "
         "Customers!D5, the customers at end of the last month with MRR at end, blank, 0 or no number: fill it, or "
         "type your ARPA in B3."),
        ({("Lifetime value", "B6"): 0, ("Lifetime value", "B9"): 0.8, ("Lifetime value", "B10"): 3}, "C12",
         "No value: with no discount (B6 blank or 0) the expected sBG lifetime is infinite for an alpha (B9) of 1 or "
         "less; type a discount rate above 0 (1% or 0.01)."),
        ({("Lifetime value", "B3"): "n/a", ("Lifetime value", "B9"): 0.8, ("Lifetime value", "B10"): 3}, "C13",
         "No value: ARPA (B3), the gross margin (B4) or the discount rate (B6) holds text that is no number; type a "
         "number there (80% or 0.8)."),
    ],
)  # fmt: skip
def test_a_recalculated_note_fits_its_row(tmp_path, typed, ref, text):
    report = recalc_file(_tracker(tmp_path, typed), tmp_path / "out.xlsx", engine="embedded")
    ws = openpyxl.load_workbook(report.output, data_only=True)["Lifetime value"]
    assert ws[ref].value == text
    assert ws[ref].alignment.wrap_text
    assert _lines(text) <= _room(ws, ref), (ref, _lines(text), ws.row_dimensions[int(ref[1:])].height)


def test_every_text_a_note_can_give_fits_its_row(tmp_path):
    """The longest text literal of each note's formula (C9's "No sBG fit: this workbook has no Cohorts sheet ...", 137
    characters, 3 lines), with a cell's address where the note joins one to its texts, fits the note's row."""
    ws = openpyxl.load_workbook(build_template(tmp_path / "t.xlsx", start="2026-01", months=12))["Lifetime value"]
    heights = {ref: ws.row_dimensions[int(ref[1:])].height for ref in NOTES}
    assert heights == {"C3": 62, "C5": 77, "C7": 32, "C8": 62, "C9": 47, "C12": 62, "C13": 47}  # C3: ccc02e61
    for ref in NOTES:
        formula = ws[ref].value
        if not formula.startswith("="):
            assert ws[ref].alignment.wrap_text and _lines(formula) <= _room(ws, ref), ref
            continue
        longest = max(re.findall(r'"((?:[^"]|"")*)"', formula), key=len).replace('""', '"')
        longest += " Customers!D14" if "&" in formula else ""  # a note joining a cell's address to its text
        assert ws[ref].alignment.wrap_text and _lines(longest) <= _room(ws, ref), (ref, longest)


def test_the_dashboards_purchases_figure_in_error_fits_its_cell(tmp_path):
    """Dashboard!F5 "see 'Purchases and visits'!E5" (29 characters) was cut to "see 'Purchas" in F, 10 wide, G's month
    beside it: F is 15 wide and wrapped, the figures' rows two lines tall (E:G as wide as before together)."""
    path = build_template(tmp_path / "t.xlsx", start="2026-08", months=6)
    wb = openpyxl.load_workbook(path)
    shop = wb["Purchases and visits"]
    for row, figures in enumerate([(310, 120, 40), (325, 131, 38), (301, 128, 44), (340, "n/a", 51)], start=2):
        for column, value in zip("BCD", figures, strict=True):
            shop[f"{column}{row}"] = value
    wb.save(path)
    report = recalc_file(path, tmp_path / "out.xlsx", engine="embedded")
    ws = openpyxl.load_workbook(report.output, data_only=True)["Dashboard"]
    assert [ws[f"F{row}"].value for row in (4, 5)] == [0.15, "see 'Purchases and visits'!E5"]
    assert [ws.column_dimensions[c].width for c in "EFG"] == [21, 15, 11]
    assert all(ws[f"F{row}"].alignment.wrap_text for row in (4, 5, 6))
    assert [ws.row_dimensions[row].height for row in range(4, 10)] == [32] * 6
    assert len(textwrap.wrap(ws["F5"].value, 15)) == 2  # (E's "Returning customer rate" is one line of 147 pixels)
