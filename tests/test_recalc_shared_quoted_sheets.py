"""A formula filled down in Excel (a shared formula) reading a quoted sheet whose name holds a word like a cell.

Excel saves ``='Q1 2024'!A1`` filled down C1:C3 once, ``<f t="shared" ref="C1:C3" si="0">``, its copies as
``<f t="shared" si="0"/>``; each copy is the first one with the reference after ``!`` moved. The engine's own
expansion moved the name's word too: C2 read ``'Q2 2024'!A2`` (the next quarter's number, status ok) and C3 of a
sheet ``'A1 notes'`` gave #REF!. Every copy of such a formula is now given the engine as Excel reads it.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
from test_recalc_features import patch, recalculated

SHEETS = ("Q1 2024", "Q2 2024", "Q3 2024", "Budget v1", "Budget v2", "Budget v3", "Q1", "Q2", "A1 notes")
#: column -> the formula in row r, filled down rows 1 to 3
FILLED = {
    "C": "'Q1 2024'!A{r}",
    "D": "SUM('Budget v1'!A{r}:A{s})",
    "E": "'Q1'!A{r}*2",
    "F": "'A1 notes'!A{r}+Data!A{r}",
}


def test_filled_down_copies_read_the_quoted_sheet_their_first_cell_names(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.active.title = "S"
    for k, name in enumerate((*SHEETS, "Data"), 1):
        sheet = book.create_sheet(name)
        for r in range(1, 6):
            sheet.cell(r, 1, k * 100 + r)  # Q1 2024: 101, 102, ...; Q2 2024: 201, ...
    for column, text in FILLED.items():
        for r in range(1, 4):
            book["S"][f"{column}{r}"] = "=" + text.format(r=r, s=r + 1)
    path = tmp_path / "book.xlsx"
    book.save(path)
    replacements = []
    for si, (column, text) in enumerate(FILLED.items()):
        for r in range(1, 4):
            stored = text.format(r=r, s=r + 1).encode()
            shared = (
                f'<f t="shared" ref="{column}1:{column}3" si="{si}">{text.format(r=1, s=2)}</f>'
                if r == 1
                else f'<f t="shared" si="{si}"/>'
            )
            replacements.append((b"<f>" + stored + b"</f>", shared.encode()))
    patch(path, "xl/worksheets/sheet1.xml", *replacements)
    got, _ = recalculated(path)
    assert [got[f"C{r}"] for r in (1, 2, 3)] == [101, 102, 103]  # the engine gave 101, 202 ('Q2 2024'), 303
    assert [got[f"D{r}"] for r in (1, 2, 3)] == [401 + 402, 402 + 403, 403 + 404]
    assert [got[f"E{r}"] for r in (1, 2, 3)] == [1402, 1404, 1406]  # Q1 is the 7th sheet
    assert [got[f"F{r}"] for r in (1, 2, 3)] == [901 + 1001, 902 + 1002, 903 + 1003]
