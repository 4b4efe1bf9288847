"""A circular reference made through OFFSET's or INDIRECT's area is refused as any other (H173's finding 06).

The engine links =SUM(OFFSET(A2,0,0,3,1)) in A4 to A2, the reference it is given, not to A2:A4, the area it reads:
it computed 11 with status ok, and so with Dyn = OFFSET(S!$A$2,-1,0,3,1) in A1 and SUM(INDIRECT("A2:A"&ROW())) in
A4. Excel reports a circular reference and, iteration off, does not calculate the cell (Microsoft,
Worksheet.CircularReference); the same loop with a reference typed in was refused, "circular reference: S!A4". An
area that stops short of the cell (a running total over the rows above), or whose place or size alone is asked
(ROWS(OFFSET(..))), is computed as before.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
from one_sheet import recalc_sheet
from openpyxl.workbook.defined_name import DefinedName

from xl_retention.recalculation import recalc_file


def _refused(tmp_path: Path, cells: dict[str, object], names: dict[str, str] | None = None) -> tuple[str, str]:
    """(status, message) of sheet S holding ``cells`` (workbook ``names``) recalculated."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    for ref, value in cells.items():
        sheet[ref] = value
    for name, text in (names or {}).items():
        book.defined_names[name] = DefinedName(name, attr_text=text)
    book.save(tmp_path / "book.xlsx")
    report = recalc_file(tmp_path / "book.xlsx", tmp_path / "out.xlsx", engine="embedded")
    return report.status, report.message


def test_an_offset_area_holding_its_own_cell_is_a_circular_reference(tmp_path: Path) -> None:
    refused = _refused(tmp_path, {"A2": 5, "A3": 6, "A4": "=SUM(OFFSET(A2,0,0,3,1))"})
    assert refused == ("failed", "book.xlsx: circular reference: S!A4")


def test_a_name_defined_by_offset_over_its_own_cell_is_a_circular_reference(tmp_path: Path) -> None:
    refused = _refused(tmp_path, {"A2": 5, "A3": 6, "A1": "=SUM(Dyn)"}, names={"Dyn": "OFFSET(S!$A$2,-1,0,3,1)"})
    assert refused == ("failed", "book.xlsx: circular reference: S!A1")


def test_an_indirect_text_built_from_its_own_row_is_a_circular_reference(tmp_path: Path) -> None:
    refused = _refused(tmp_path, {"A2": 5, "A3": 6, "A4": '=SUM(INDIRECT("A2:A"&ROW()))'})
    assert refused == ("failed", "book.xlsx: circular reference: S!A4")


def test_a_loop_through_another_cell_is_a_circular_reference(tmp_path: Path) -> None:
    status, message = _refused(tmp_path, {"B1": 1, "B2": "=A4*2", "A4": "=SUM(OFFSET(B1,0,0,2,1))"})
    assert status == "failed"
    assert message.startswith("book.xlsx: circular reference: ") and "S!A4" in message


def test_areas_short_of_the_cell_are_computed(tmp_path: Path) -> None:
    cells = {
        "A2": 5,
        "A3": 6,
        "A4": "=SUM(OFFSET(A$2,0,0,ROW()-2))",  # A2:A3, a running total of the rows above
        "A5": '=SUM(INDIRECT("A2:A"&(ROW()-2)))',  # A2:A3
        "A6": "=ROWS(OFFSET(A2,0,0,5,1))",  # A2:A6, its size alone
        "A7": "=SUM(OFFSET(A2,0,0,2,1))*2",
    }
    report, values = recalc_sheet(tmp_path, cells)
    assert report.status == "ok", report.message
    assert [values[ref] for ref in ("A4", "A5", "A6", "A7")] == [11, 11, 5, 22]


def test_areas_above_the_cell_are_no_loop(tmp_path: Path) -> None:
    # H173's finding 13: a height of 0 is #REF! (reads nothing), a negative height reaches up from the moved cell
    # (OFFSET(B4,0,0,-3) is B2:B4); both were refused as circular references, the whole file failed
    cells: dict[str, object] = {f"C{row}": "=IF(ROW()=1,0,SUM(OFFSET(C$1,0,0,ROW()-1)))" for row in range(1, 6)}
    cells.update({"B2": 1, "B3": 2, "B4": 3, "B5": "=SUM(OFFSET(B4,0,0,-3))", "E1": 4, "E2": 5})
    cells["E3"] = "=AVERAGE(OFFSET(E3,-1,0,-2))"
    report, values = recalc_sheet(tmp_path, cells)
    assert report.status == "ok", report.message
    assert [values.get(f"C{row}") for row in range(1, 6)] == [0, 0, 0, 0, 0]
    assert (values["B5"], values["E3"]) == (6, 4.5)


def test_a_call_a_branch_may_not_run_is_no_loop(tmp_path: Path) -> None:
    # =IF(A1="",0,SUM(OFFSET(B1,0,0,3,1))) in B3: A1 blank, the OFFSET over B1:B3 never runs (Excel computes 0)
    report, values = recalc_sheet(tmp_path, {"B1": 1, "B2": 2, "B3": '=IF(A1="",0,SUM(OFFSET(B1,0,0,3,1)))'})
    assert report.status == "ok", report.message
    assert values["B3"] == 0


def test_the_size_or_row_of_an_offset_over_its_own_cell_is_computed(tmp_path: Path) -> None:
    # ROWS and CELL("row") ask the place or size of the reference only (as ROWS(A1:A3) in A1): Excel computes them;
    # the engine's graph links the cell to OFFSET's reference, itself, and the file was refused (H173's finding 13)
    cells = {
        "H1": "=ROWS(OFFSET(H1,0,0,3,1))",
        "I1": '=CELL("row",OFFSET(I1,2,0))',
        "J1": "=COLUMNS(OFFSET(J1,0,0,1,4))",
    }
    report, values = recalc_sheet(tmp_path, cells)
    assert report.status == "ok", report.message
    assert (values["H1"], values["I1"], values["J1"]) == (3, 3, 4)
