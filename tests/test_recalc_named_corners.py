"""Names and sheet-qualified references as corners of the range operator (H28 finding 02).

``=SUM(Start:INDIRECT("A"&B1))`` (a fixed first cell named Start, the end where B1 says) was #VALUE!, COUNT 0, ROWS
#N/A; the bookend idiom ``=SUM(Start:Finish)`` and ``Start:A4`` were not computed; ``=SUM(S!$A$1:INDIRECT("A"&B1))``
on sheet S #REF! and COUNT 0, status ok. Excel's ``:`` gives the smallest range holding both references.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
from openpyxl.workbook.defined_name import DefinedName

from xl_retention.recalculation import recalc_file

NAMES = {"Start": "S!$A$1", "Finish": "S!$A$3", "Whole": "S!$A:$A"}


def _recalc(tmp_path: Path, formulas: list[str], on: str = "S") -> tuple[str, list[object], set[str]]:
    book = openpyxl.Workbook()
    data = book.active
    data.title = "S"
    for row in range(1, 11):
        data.cell(row, 1, row)  # A1:A10 = 1..10
    data["B1"] = 3  # how many rows to take
    sheet = data if on == "S" else book.create_sheet(on)
    for row, formula in enumerate(formulas, 1):
        sheet.cell(row, 4, "=" + formula)
    for name, target in NAMES.items():
        book.defined_names[name] = DefinedName(name, attr_text=target)
    book.save(tmp_path / "book.xlsx")
    result = recalc_file(tmp_path / "book.xlsx", tmp_path / "out.xlsx", engine="embedded")
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)[on]
    return (
        result.status,
        [out.cell(row, 4).value for row in range(1, len(formulas) + 1)],
        {u.address for u in result.unsupported},
    )


def test_a_name_as_a_corner_of_a_range_is_its_reference(tmp_path: Path) -> None:
    formulas = [
        'SUM(Start:INDIRECT("A"&B1))',
        'COUNT(Start:INDIRECT("A"&B1))',
        'ROWS(Start:INDIRECT("A"&B1))',
        'SUM(Whole:INDIRECT("A"&B1))',  # A:A with A3 is A:A
        "SUM(Start:Finish)",
        "SUM(Start:A4)",
        "SUM(Start:OFFSET(A1,2,0))",
        'IFERROR(COUNT(Start:INDIRECT("A"&B1)),-1)',
    ]
    status, values, listed = _recalc(tmp_path, formulas)
    assert (status, listed) == ("ok", set())
    assert values == [6, 3, 3, 55, 6, 10, 6, 3]


def test_a_range_from_a_sheet_qualified_cell_to_a_computed_one_on_the_same_sheet(tmp_path: Path) -> None:
    formulas = [
        'SUM(S!$A$1:INDIRECT("A"&B1))',
        'COUNT(S!$A$1:INDIRECT("A"&B1))',
        "SUM(A1:INDEX(S!A:A,3))",
        "SUM('S'!A1:OFFSET(A1,3,0))",
    ]
    status, values, listed = _recalc(tmp_path, formulas)
    assert (status, listed) == ("ok", set())
    assert values == [6, 3, 6, 10]


def test_names_of_another_sheet_as_corners(tmp_path: Path) -> None:
    formulas = ["SUM(Start:Finish)", 'SUM(Start:INDIRECT("S!A"&S!B1))', "SUM(Start:INDEX(S!A:A,4))"]
    status, values, listed = _recalc(tmp_path, formulas, on="Summary")
    assert (status, listed) == ("ok", set())
    assert values == [6, 6, 10]


def test_a_corner_whose_indirect_text_names_the_sheet(tmp_path: Path) -> None:
    # INDIRECT("S!A3") names its sheet: the other corner is written with it too (A1:INDIRECT("S!A3") was #REF!, and
    # Start:INDIRECT("S!A"&B1) COUNT 0 once the name was written without its sheet)
    formulas = [
        'SUM(Start:INDIRECT("S!A3"))',
        'SUM(A1:INDIRECT("S!A3"))',
        'COUNT(Start:INDIRECT("S!A"&B1))',
        'SUM(INDIRECT("S!A3"):A1)',
    ]
    status, values, listed = _recalc(tmp_path, formulas)
    assert (status, listed) == ("ok", set())
    assert values == [6, 6, 3, 6]


def test_a_name_and_a_sheet_qualified_corner(tmp_path: Path) -> None:
    # Start:S!A4 (Start a name of S!$A$1, no sheet called Start) is the range S!A1:A4: Excel reads it as the name, a
    # colon and a reference; the cell was listed as a 3-D reference (not computed). Also with the sheet quoted, a
    # whole column named (Whole:S!B1 is A:B), and from another sheet.
    formulas = ["SUM(Start:S!A4)", "ROWS(Start:'S'!$A$3)", "SUM(Whole:S!B1)", "SUM(Finish:S!A5)"]
    status, values, listed = _recalc(tmp_path, formulas)
    assert (status, listed) == ("ok", set())
    assert values == [10, 3, 58, 12]
    status, values, listed = _recalc(tmp_path, ["SUM(Start:S!A4)", "COUNT(Finish:S!A1)"], on="Summary")
    assert (status, listed) == ("ok", set())
    assert values == [10, 3]


def test_a_sheet_called_like_the_name_makes_a_3d_reference(tmp_path: Path) -> None:
    # With a sheet called Start, Start:S!A4 is the 3-D reference (A4 on every sheet from Start to S), name or not.
    book = openpyxl.Workbook()
    book.active.title = "Start"
    book["Start"]["A4"] = 100
    data = book.create_sheet("S")
    for row in range(1, 11):
        data.cell(row, 1, row)
    data["D1"] = "=SUM(Start:S!A4)"
    book.defined_names["Start"] = DefinedName("Start", attr_text="S!$A$1")
    book.save(tmp_path / "book.xlsx")
    result = recalc_file(tmp_path / "book.xlsx", tmp_path / "out.xlsx", engine="embedded")
    assert result.status == "ok", result.message
    assert openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]["D1"].value == 104
