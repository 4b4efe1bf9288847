"""A comparison with a whole column at Excel's 15 significant digits (the known gap of sessions 41-43).

Excel compares two numbers at 15 significant digits: 0.3 typed and =0.1+0.2 (0.30000000000000004) are equal to its
``=``, ``>=`` and ``<=``. A comparison holding a whole column (or a range of more than 100,000 cells) was left to the
engine on every side, without the 15 digits: ``=SUMPRODUCT(--(A:A>=C1))`` over 0.3, 0.5, 0.3 with C1 =0.1+0.2 gave 1
(Excel and LibreOffice 3), status ok. Now the other side's numbers are taken to 15 digits (``_XLR.FIFTEEN``) and,
where the column holds a number that is not its own 15 digits, the formula is computed with every cell at 15 digits;
past a budget of such columns the cell is listed with the cell that calls for it. Every expected value is a hand count
at 15 digits (LibreOffice 7.4 gives the same for the sheet below).
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from xl_retention.recalculation import recalc_file
from xl_retention.recalculation.large_comparisons import unrounded_comparisons


def _book(path: Path, column: list[object], c1: object, formulas: dict[str, str]) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "S"
    for row, value in enumerate(column, start=1):
        ws.cell(row, 1, value)
    ws["C1"] = c1
    for ref, formula in formulas.items():
        ws[ref] = formula
    wb.save(path)
    return path


def _values(report_path: Path, refs: list[str]) -> list[object]:
    ws = openpyxl.load_workbook(report_path, data_only=True)["S"]
    return [ws[ref].value for ref in refs]


FORMULAS = {
    "D1": "=SUMPRODUCT(--(A:A>=C1))",
    "D2": "=SUMPRODUCT(--(A:A=C1))",
    "D3": "=SUMPRODUCT(--(A:A<=C1))",
    "D4": "=SUMPRODUCT(--(A:A<>C1))",
    "D5": "=SUMPRODUCT(--(C1<A:A))",
    "D6": "=SUMPRODUCT((A:A>=C1)*1)",
}


def test_typed_column_against_a_computed_cell(tmp_path: Path) -> None:
    """0.3, 0.5, 0.3 typed; C1 =0.1+0.2: the column is its own 15 digits, C1 is taken to them."""
    path = _book(tmp_path / "typed.xlsx", [0.3, 0.5, 0.3], "=0.1+0.2", FORMULAS)
    report = recalc_file(path, output=tmp_path / "typed.out.xlsx", engine="embedded")
    assert report.status == "ok", report
    # >= 3, = 2, <= 1048575 (0.3, 0.3 and the 1,048,573 empty cells, 0), <> 1048574 (0.5 and the empty), C1< 1, *1 3
    assert _values(tmp_path / "typed.out.xlsx", list(FORMULAS)) == [3, 2, 1_048_575, 1_048_574, 1, 3]


def test_computed_column_against_a_typed_cell(tmp_path: Path) -> None:
    """The column holds =0.1+0.2 twice (not its own 15 digits) and 0.5; C1 0.3 typed: every cell at 15 digits."""
    path = _book(tmp_path / "computed.xlsx", ["=0.1+0.2", 0.5, "=0.1+0.2"], 0.3, FORMULAS)
    report = recalc_file(path, output=tmp_path / "computed.out.xlsx", engine="embedded")
    assert report.status == "ok", report
    assert _values(tmp_path / "computed.out.xlsx", list(FORMULAS)) == [3, 2, 1_048_575, 1_048_574, 1, 3]


def test_an_expression_of_the_column(tmp_path: Path) -> None:
    """``A:A*3>=C1`` with A 0.1 (0.1*3 = 0.30000000000000004) and C1 0.3: the column's own cells tell nothing."""
    formulas = {"D1": "=SUMPRODUCT(--(A:A*3>=C1))", "D2": "=SUMPRODUCT(--(A:A*3=C1))"}
    path = _book(tmp_path / "expr.xlsx", [0.1, 0.2, 0.05], 0.3, formulas)
    report = recalc_file(path, output=tmp_path / "expr.out.xlsx", engine="embedded")
    assert report.status == "ok", report
    assert _values(tmp_path / "expr.out.xlsx", ["D1", "D2"]) == [2, 1]


def test_past_the_budget_the_cell_is_listed(tmp_path: Path) -> None:
    """Past the budget of columns compared cell by cell, the cell is named with the number that calls for it."""
    import formualizer as fz

    path = _book(tmp_path / "budget.xlsx", ["=0.1+0.2", 0.5], 0.3, {})
    workbook = fz.Workbook.from_path(str(path))
    workbook.evaluate_all()
    set_calls: list[list[tuple[str, int, int, str]]] = []
    flagged = [
        ("S", 1, 4, "=SUMPRODUCT(--(A:A>=C1))", "=SUMPRODUCT(--(A:A>=_XLR.FIFTEEN(C1)))"),
        ("S", 2, 4, "=SUMPRODUCT(--(A:A=5))", "=SUMPRODUCT(--(A:A=5))"),
    ]
    for sheet, r, c, _, after in flagged:
        workbook.set_formula(sheet, r, c, after)
    done, listed = unrounded_comparisons(
        workbook, flagged, lambda wb, items: set_calls.append(items), lambda s, r, c: f"D{r}", budget=1_048_576
    )
    assert done is True
    assert set_calls == [[("S", 1, 4, "=SUMPRODUCT(--(_XLR.ORDERED(A:A)>=_XLR.ORDERED(C1)))")]]
    assert [(u.sheet, u.ref, u.function, u.reason) for u in listed] == [
        (
            "S",
            "D2",
            "comparison",
            "compares A:A with Excel's 15 significant digits, cell by cell, and its cell S!A1 (0.30000000000000004) is "
            "not its own 15 digits: more than 1 whole columns are not compared so in one workbook here; give the "
            "range its rows (A2:A5000) to have it computed",
        )
    ]


@pytest.mark.parametrize("value", [0.3, 46053.99930555555])
def test_a_clean_column_is_compared_once(tmp_path: Path, value: float) -> None:
    """A column of typed numbers needs no second evaluation: nothing set again, nothing listed."""
    import formualizer as fz

    path = _book(tmp_path / "clean.xlsx", [0.3, 0.5], value, {})
    workbook = fz.Workbook.from_path(str(path))
    workbook.evaluate_all()
    flagged = [("S", 1, 4, "=SUMPRODUCT(--(A:A>=C1))", "=SUMPRODUCT(--(A:A>=_XLR.FIFTEEN(C1)))")]
    workbook.set_formula("S", 1, 4, flagged[0][4])
    assert unrounded_comparisons(workbook, flagged, lambda wb, items: None, lambda s, r, c: "D1") == (False, [])


def test_two_whole_columns_and_a_typed_number(tmp_path: Path) -> None:
    """``A:A=B:B`` (no other operand) and ``A:A=0.3`` (a typed number): A holds =0.1+0.2, B 0.3 typed."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "S"
    ws["A1"], ws["B1"], ws["A2"], ws["B2"] = "=0.1+0.2", 0.3, 0.5, 0.25
    ws["D1"] = "=SUMPRODUCT(--(A:A=B:B))"  # 0.3 = 0.3 at 15 digits, 0.5 <> 0.25, 1,048,574 empty pairs equal
    ws["D2"] = "=SUMPRODUCT(--(A:A=0.3))"
    ws["D3"] = "=SUMPRODUCT(--(A:A>COUNT(B:B)-1.7))"  # 0.30000000000000004 > 0.3 is FALSE at 15 digits: 0.5 only
    wb.save(tmp_path / "pair.xlsx")
    report = recalc_file(tmp_path / "pair.xlsx", output=tmp_path / "pair.out.xlsx", engine="embedded")
    assert report.status == "ok", report
    assert _values(tmp_path / "pair.out.xlsx", ["D1", "D2", "D3"]) == [1_048_575, 1, 1]


def test_two_large_typed_ranges(tmp_path: Path) -> None:
    """``A1:A200000=B1:B200000`` (two ranges past 100,000 cells, no other operand: H465's finding 05 gave 199998):
    A holds 0.3, 0.5, 0.3 typed, B =0.1+0.2, 0.5, =0.1+0.2; every pair equal at 15 digits, the empty ones too."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "S"
    for row, (a, b) in enumerate([(0.3, "=0.1+0.2"), (0.5, 0.5), (0.3, "=0.1+0.2")], start=1):
        ws.cell(row, 1, a)
        ws.cell(row, 2, b)
    ws["D1"] = "=SUMPRODUCT(--(A1:A200000=B1:B200000))"
    wb.save(tmp_path / "ranges.xlsx")
    report = recalc_file(tmp_path / "ranges.xlsx", output=tmp_path / "ranges.out.xlsx", engine="embedded")
    assert report.status == "ok", report
    assert _values(tmp_path / "ranges.out.xlsx", ["D1"]) == [200_000]


def test_the_test_for_large_comparisons_is_linear() -> None:
    """may_compare_large runs on every formula with a range: its work grows with the text, not its square (H465/04:
    20 ms for 4,212 characters); a long formula of no large range is passed over."""
    from xl_retention.recalculation.excel_functions.compared_operands import may_compare_large

    text = "=SUMPRODUCT(" + "+".join(f"(Sheet{i}!A{i}:B{i}>C{i})" for i in range(400)) + ")"
    assert (len(text), may_compare_large(text), may_compare_large(text.replace("A1:B1", "A:B"))) == (9972, False, False)
    assert may_compare_large(text.replace("A1:B1", "A:B").replace("A2:B2", "C:D"))
