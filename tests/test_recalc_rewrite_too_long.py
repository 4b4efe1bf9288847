"""A formula whose rewrite for the embedded engine is longer than the engine reads (65,536 bytes, 16,384 tokens): ten
uses of a named dynamic range (``Dyn = OFFSET(S!$A$1,0,0,COUNTA(S!$A:$A),1)``), each written in where it is used,
gave 16,385+ tokens. The cell was listed as asking SEQUENCE "for fewer than one row or column here (0, a blank cell,
a negative number)", then as not computed (the file incomplete); now each name's area is asked of the engine and the
formula rewritten with it as a range (:mod:`xl_retention.recalculation.limit_areas`): 20, as Excel. A formula still
too long (150 uses), or whose name's area cannot be told (INDIRECT in it), is listed with that reason."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from one_sheet import recalc_sheet
from openpyxl.workbook.defined_name import DefinedName

from xl_retention.recalculation import recalc_file

USE = "IFERROR(LOOKUP(2,1/ISTEXT(Dyn),ROW(INDEX(Dyn,0))),0)"  # the row of the last text of Dyn: 2
NAMES = {"Dyn": "OFFSET(S!$A$1,0,0,COUNTA(S!$A:$A),1)"}


def test_ten_uses_are_computed_with_the_names_area(tmp_path: Path) -> None:
    cells = {"A1": 1, "A2": "x", "A3": 3, "C1": "=" + "+".join([USE] * 10), "E1": "=C1+1"}
    report, values = recalc_sheet(tmp_path, cells, NAMES)
    assert (report.status, values["C1"], values["E1"], report.unsupported) == ("ok", 20, 21, [])


def test_a_relative_names_area_is_each_cells_own(tmp_path: Path) -> None:
    # Dyn = OFFSET(S!$A1,0,0,2,1): A1:A2 in row 1, A2:A3 in row 2, A3:A4 in row 3 (the last text's row: 2, 2, 4)
    many = "=" + "+".join([USE] * 16)
    cells = {"A1": 1, "A2": "x", "A3": 3, "A4": "y", "C1": many, "C2": many, "C3": many}
    report, values = recalc_sheet(tmp_path, cells, {"Dyn": "OFFSET(S!$A1,0,0,2,1)"})
    assert (report.status, values["C1"], values["C2"], values["C3"]) == ("ok", 32, 32, 64)


def test_a_names_area_over_formulas_and_names(tmp_path: Path) -> None:
    # the area's count is a name of its own; A2 and A3 formulas (computed before the area is asked)
    cells = {"A1": 1, "A2": '="x"', "A3": "=1+2", "C1": "=" + "+".join([USE] * 10)}
    report, values = recalc_sheet(tmp_path, cells, {"Dyn": "OFFSET(S!$A$1,0,0,Cnt,1)", "Cnt": "COUNTA(S!$A:$A)"})
    assert (report.status, values["C1"]) == ("ok", 20)


def test_a_names_area_reading_the_formula_is_a_circular_reference(tmp_path: Path) -> None:
    # A4 = C1 is in COUNTA(S!$A:$A), which Dyn's area reads: Excel's circular reference
    book = openpyxl.Workbook()
    book.active.title = "S"
    for ref, value in {"A1": 1, "A2": "x", "A3": 3, "A4": "=C1", "C1": "=" + "+".join([USE] * 10)}.items():
        book.active[ref] = value
    book.defined_names["Dyn"] = DefinedName("Dyn", attr_text=NAMES["Dyn"])
    book.save(tmp_path / "book.xlsx")
    report = recalc_file(tmp_path / "book.xlsx", tmp_path / "out.xlsx", engine="embedded")
    assert (report.status, report.message) == ("failed", "book.xlsx: circular reference: S!C1, S!A4")


@pytest.mark.parametrize(
    ("uses", "definition", "limit"),
    [
        (150, NAMES["Dyn"], "its byte limit of 65,536"),  # 175 tokens a use even as a range: 7,949 characters
        (10, 'OFFSET(INDIRECT("S!A1"),0,0,COUNTA(S!$A:$A),1)', "its token limit of 16,384"),
    ],
    ids=["still-too-long", "area-untold"],
)
def test_a_rewrite_past_the_engines_limit_is_named_so(tmp_path: Path, uses: int, definition: str, limit: str) -> None:
    cells = {"A1": 1, "A2": "x", "A3": 3, "C1": "=" + "+".join([USE] * uses)}
    report, values = recalc_sheet(tmp_path, cells, {"Dyn": definition})
    assert report.status == "incomplete"
    assert "C1" not in values
    assert [(u.address, u.function, u.reason) for u in report.unsupported] == [
        (
            "S!C1",
            "formula",
            "written out in the forms the embedded engine computes (each name put in, arrays and lookups spelled "
            f"out), this formula is longer than the engine reads ({limit} exceeded), so it is not computed; split it "
            "over several cells (=IFERROR(LOOKUP(2,1/ISTEXT(Dyn),ROW(INDEX(Dyn,0))),0)+IFER...)",
        )
    ]


def test_five_uses_are_computed(tmp_path: Path) -> None:
    report, values = recalc_sheet(tmp_path, {"A1": 1, "A2": "x", "A3": 3, "C1": "=" + "+".join([USE] * 5)}, NAMES)
    assert (report.status, values["C1"]) == ("ok", 10)
