"""Recalculation leftovers of the sixth round (H35's review): the embedded engine against Excel on users' workbooks.

Each test builds a small workbook with openpyxl, recalculates it with the embedded engine (``recalc_file``) and reads
the written values back; the expected values are Excel's documented ones.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.formula import ArrayFormula

from xl_retention.recalculation import recalc_file


def _recalc(
    tmp_path: Path,
    cells: dict[str, object],
    names: dict[str, str] | None = None,
    arrays: dict[str, str] | None = None,
) -> tuple[object, dict[str, object]]:
    """Sheet S holding ``cells`` (``arrays``: one-cell array formulas), workbook ``names``; the report and the values
    of every cell written."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    for ref, value in cells.items():
        sheet[ref] = value
    for ref, formula in (arrays or {}).items():
        sheet[ref] = ArrayFormula(ref, formula)
    for name, text in (names or {}).items():
        book.defined_names[name] = DefinedName(name, attr_text=text)
    source = tmp_path / "book.xlsx"
    book.save(source)
    result = recalc_file(source, tmp_path / "out.xlsx", engine="embedded")
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    return result, {c.coordinate: c.value for row in out.iter_rows() for c in row if c.value is not None}


def test_if_with_one_condition_value_returns_the_chosen_argument_unpadded(tmp_path: Path) -> None:
    # Excel evaluates IF's condition first: one TRUE/FALSE returns that argument as it is (a range of its own size);
    # only an array condition combines the arguments element by element (the smaller padded with #N/A). The
    # shorter range chosen was padded to the longer's rows: #N/A with status ok. IFERROR/IFNA alike: their value
    # argument is the array that decides. A1:A3 = 1, 2, 3; C1:C2 = 100, 200; D1 = "y".
    names = {"Long": "S!$A$1:$A$3", "Short": "S!$C$1:$C$2"}
    arrays = {
        "F2": "=SUM(IF(SUM(A1:A3)>100,A1:A3,C1:C2))",
        "F3": '=SUM(IF(D1="x",A1:A3,C1:C2))',
        "F4": '=ROWS(IF(D1="x",A1:A3,C1:C2))',
        "F5": '=ROWS(IF(D1="y",A1:A3,C1:C2))',
        "F6": '=SUM(IFERROR(IF(D1="y",A1:A3+C1:C2),0))',  # the chosen argument's own operands still padded: 303
        "F7": "=SUM(IFERROR(IF(A1:A3>1,C1:C2),0))",  # an array condition: {FALSE;200;#N/A} -> 200
        "F8": "=SUM(IFERROR(IFERROR(A1:A3/0,C1:C2),0))",  # IFERROR's value an array: stretched together, 300
        "F9": "=ROWS(IFERROR(SUM(A1:A3),C1:C2))",  # one value: the value itself, 1 row
    }
    cells: dict[str, object] = {
        "A1": 1,
        "A2": 2,
        "A3": 3,
        "C1": 100,
        "C2": 200,
        "D1": "y",
        "F1": '=SUMPRODUCT(IF($D$1="x",Long,Short))',
    }
    result, got = _recalc(tmp_path, cells, names, arrays)
    assert result.status == "ok", result.message
    assert not result.unsupported
    assert {k: got[k] for k in ["F1", *arrays]} == {
        "F1": 300,
        "F2": 300,
        "F3": 300,
        "F4": 2,
        "F5": 3,
        "F6": 303,
        "F7": 200,
        "F8": 300,
        "F9": 1,
    }


def test_a_whole_column_with_an_array_of_another_size_is_listed_not_computed(tmp_path: Path) -> None:
    # Excel pads B1:B3 to the whole column's 1,048,576 rows with #N/A: {=SUM(IFERROR((A:A>0)*B1:B3,0))} is 60,
    # {=SUM(IFERROR(IF(A:A>1,B1:B3),0))} 50 and SUMPRODUCT((A:A>0)*B1:B3) #N/A. The engine made each one #VALUE!
    # (0 after IFERROR) with status ok; they are not padded to a whole column here, so the cells are listed as not
    # computable (Excel's stored values kept). A whole column with whole columns or a single value is computed.
    arrays = {
        "F2": "=SUM(IFERROR((A:A>0)*B1:B3,0))",
        "F3": "=SUM(IFERROR(IF(A:A>1,B1:B3),0))",
        "F4": "=SUM((A:A>1)*B:B)",  # one size: 50
        "F5": "=SUM(IF(A:A>1,B:B*D1,0))",  # a single value stretches: 100
        "F6": "=SUM(IF(D1=2,A:A,B1:B3))",  # one condition value: the whole column as it is, 6
    }
    cells: dict[str, object] = {
        "A1": 1,
        "A2": 2,
        "A3": 3,
        "B1": 10,
        "B2": 20,
        "B3": 30,
        "D1": 2,
        "F1": "=SUMPRODUCT((A:A>0)*B1:B3)",
        "F7": "=SUMPRODUCT((A:A>0)*(B:B>10))",  # 2
    }
    result, got = _recalc(tmp_path, cells, arrays=arrays)
    assert result.status == "incomplete"
    assert sorted(u.address for u in result.unsupported) == ["S!F1", "S!F2", "S!F3"]
    assert all("cannot compute this formula" in u.reason for u in result.unsupported)
    assert {k: got[k] for k in ["F4", "F5", "F6", "F7"]} == {"F4": 50, "F5": 100, "F6": 6, "F7": 2}
