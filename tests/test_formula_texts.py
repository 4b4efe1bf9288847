"""Stored formula texts for the embedded engine's rewrites (formula_texts): shared formulas, the cheap pre-test."""

from __future__ import annotations

import itertools

from xl_retention.recalculation.excel_functions.arguments import rewrite_arguments
from xl_retention.recalculation.formula_texts import (
    FormulaTexts,
    may_need_arguments,
    may_need_rewrite,
    position,
    words_pattern,
)
from xl_retention.recalculation.package import FormulaCell, Table
from xl_retention.recalculation.rewrite import rewrite

TABLES = [Table("Sales", "S", "A1:B4", ["Region", "Amount"])]
NAMES = {"rate": "S!$D$1:$D$9", "q1": "S!$E$2"}
PIECES = [
    "A2",
    "A1:A3",
    "$B$2",
    "S!A1:C3 S!B2:D4",
    "Sales[Amount]",
    "[@Amount]",
    "rate",
    "q1",
    '"Hola"',
    '""',
    "0.95",
    "LAMBDA(x,x+1)(2)",
    "LET(_xlpm.x,1,_xlpm.x+1)",
    "SUM(A1:A3)",
    "CRR(C2,B2,A2)",
    "VLOOKUP(A3,A1:B2,2)",
    "SWITCH(A1,1,2)",
    'AVERAGE("3")',
    "INDEX(A1:C3,2,2)",
]
OPERATORS = ["+", "*", "&", ">", "=", "<>", ",", " "]


def formulas() -> list[str]:
    """Formulas of one or two pieces, as calls and as operations."""
    out = list(PIECES)
    for a, op, b in itertools.product(PIECES, OPERATORS, PIECES):
        out.append(f"{a}{op}{b}" if op != "," else f"MAX({a},{b})")
        out.append(f"IF({a}{op}{b},1,0)" if op != "," else f"SUM({a},{b})")
    return out


def test_the_pre_test_lets_every_formula_a_rewrite_changes_through() -> None:
    words = words_pattern([t.name.lower() for t in TABLES] + list(NAMES))
    changed = skipped = 0
    for text in formulas():
        for array in (False, True):
            new = rewrite(text, "S", 3, 2, TABLES, array=array, names=NAMES)
            if new not in (text, "=" + text):
                changed += 1
                assert may_need_rewrite(text, words), text
            if rewrite_arguments(new) != new:  # what the engine gets: the arguments' rewrite after the first
                changed += 1
                assert may_need_arguments(text) or new not in (text, "=" + text), text
        skipped += not (may_need_rewrite(text, words) or may_need_arguments(text))
    assert changed > 500 and skipped > 0  # both kinds occur


def test_the_pre_test_skips_plain_calls_and_arithmetic() -> None:
    for text in ("CRR(C2,B2,A2)", "NRR(D2,E2,F2)", "A2*2+B2", "CHURN_RATE(C2,B2,A2)", "ROUND(A1/B1,2)"):
        assert not may_need_rewrite(text, None) and not may_need_arguments(text), text
    for text in ("SUM(A2:C2)", "A1 B1", "T[C]", "lambda(x,x)(1)", "LET(_xlpm.x,1,_xlpm.x)"):
        assert may_need_rewrite(text, None), text
    for text in ("A1&B1", 'AVERAGE("3")', "VLOOKUP(A1,B1,2)", "IF(A1>0.5,1,0)", "switch(A1,1,2)"):
        assert may_need_arguments(text) and not may_need_rewrite(text, None), text
    for text in ('IF(A1,"x","")', 'IF(COUNT(D2,C2,B2)=0,"",CRR(D2,C2,B2))', "IF(B2=0,0,1)"):  # nothing to round
        assert not may_need_arguments(text), text
    words = words_pattern(["rate"])
    assert may_need_rewrite("A1*Rate", words) and not may_need_rewrite("A1*R", words)


def shared_sheet() -> dict[str, FormulaCell]:
    attrs = {"t": "shared", "ref": "B2:C4", "si": "0"}
    master = FormulaCell(kind="shared", ref="B2:C4", attrs=attrs, text="A2*$A$1+A$2")
    child = {"t": "shared", "si": "0"}
    cells = {"B2": master}
    cells.update({ref: FormulaCell(kind="shared", attrs=child) for ref in ("B3", "B4", "C2", "C4")})
    cells["D1"] = FormulaCell(kind="normal", text='SUM(B2:C4)&"x"')
    cells["E1"] = FormulaCell(kind="array", ref="E1:E3", attrs={"t": "array", "ref": "E1:E3"}, text="ROW(A1:A3)")
    cells["E2"] = FormulaCell(kind="normal", empty=True)  # an array's member marked <f/>: no formula of its own
    cells["F1"] = FormulaCell(kind="shared", attrs={"t": "shared", "si": "7"})  # its first cell is missing
    return cells


def test_shared_formula_copies_are_translated_from_the_first_cell() -> None:
    texts = FormulaTexts(shared_sheet())
    assert sorted(texts.refs.values()) == ["B2", "B3", "B4", "C2", "C4", "D1", "E1"]
    assert texts[(2, 2)] == "A2*$A$1+A$2"
    assert texts[(4, 2)] == "A4*$A$1+A$2"  # relative rows move, absolute ones stay
    assert texts[(2, 3)] == "B2*$A$1+B$2"
    assert texts[(4, 3)] == "B4*$A$1+B$2"
    assert texts.shared_child((4, 3)) and not texts.shared_child((2, 2))
    assert texts.master_text((4, 3)) == "A2*$A$1+A$2"
    assert texts.master_texts() == [(place, texts.master_text(place)) for place in texts.positions()]
    assert (
        dict(texts.master_texts())[(3, 2)] == "A2*$A$1+A$2" and dict(texts.master_texts())[(1, 4)] == 'SUM(B2:C4)&"x"'
    )
    assert texts[(1, 4)] == 'SUM(B2:C4)&"x"' and texts[(1, 5)] == "ROW(A1:A3)"
    assert (2, 5) not in texts and len(texts) == 7


def test_position() -> None:
    assert position("B12") == (12, 2) and position("XFD1048576") == (1048576, 16384) and position("AA3") == (3, 27)


def test_a_filled_down_column_is_rewritten_as_each_of_its_cells_needs(tmp_path) -> None:
    """The rewrite is skipped for a filled-down copy of a formula it left as it was (filled_copy): a growing range
    ($A$1:A1, a single cell in row 1, two cells in row 2) is not such a copy. Excel's implicit intersection of
    =ABS($A$1:A2) in row 2 is ABS(A2); in row 3, ABS(A3)."""
    import openpyxl

    from xl_retention.recalculation import recalc_file
    from xl_retention.recalculation.formula_texts import filled_copy

    assert filled_copy("ABS($A$1:A1)", 1, 2, False) != filled_copy("ABS($A$1:A2)", 2, 2, False)
    assert filled_copy("A1*$C$1", 1, 2, False) == filled_copy("A2*$C$1", 2, 2, False)
    book = openpyxl.Workbook()
    sheet = book.active
    for row in range(1, 5):
        sheet[f"A{row}"] = -10 * row
        sheet[f"B{row}"] = f"=ABS($A$1:A{row})"
        sheet[f"C{row}"] = f'=COUNTIFS($A$1:$A$4,"<"&(-10*{row}))+A{row}*0'
    book.save(tmp_path / "filled.xlsx")
    report = recalc_file(tmp_path / "filled.xlsx", tmp_path / "out.xlsx", "embedded")
    got = openpyxl.load_workbook(report.output, data_only=True).active
    assert [got[f"B{r}"].value for r in range(1, 5)] == [10, 20, 30, 40]
    assert [got[f"C{r}"].value for r in range(1, 5)] == [3, 2, 1, 0]
