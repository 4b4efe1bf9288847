"""Both sides of a comparison go through the same comparison whatever their shape (H414's findings 01 and 02, H421).

The rewrite wrapped the cell side of ``A2:A5>=A3`` in ``_XLR.ORDERED``/``_XLR.COMPARED`` (Excel's 15 significant
digits; text as its collation key) and left a range, an expression over one (``B2:B5/3``, ``A2:A5*1``) or a table
column raw: ``=SUMPRODUCT(--(A2:A5>=A3))`` with A3 the time stamp 46053.99930555555 counted A3 as before itself (2,
right 3), and ``=SUMPRODUCT(--(A2:A4<C2))`` ordered raw text against a key (3, right 1), status ok. Calls giving text
(``UPPER(A3)<C1``) and concatenations (``C4&""<C5``) were left raw beside a wrapped cell too. Every value below is a
hand count (numbers < text < logicals, text case-insensitive, "é" between "e" and "f"); LibreOffice 7.4 gives the
same but for FILTER (it has none) and TRUE (a number there, above text in Excel: Mixed's D3, D7, D9-D11, D13, D14).
One workbook, recalculated once with the embedded engine.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.formula import ArrayFormula
from openpyxl.worksheet.table import Table

from xl_retention.recalculation import recalc_file

#: 2026-01-31 10:00, 23:59 (46053.99930555555, which 15 digits round up), 2026-02-01 00:00, 2026-02-02 01:00
_PAID = [
    dt.datetime(2026, 1, 31, 10),
    dt.datetime(2026, 1, 31, 23, 59),
    dt.datetime(2026, 2, 1),
    dt.datetime(2026, 2, 2, 1),
]

#: finding 01: A2:A5 the payments' time stamps, B2:B5 = 1, 2, 4, 8, E1 = A3 the cutoff; A3 and later: 2+4+8 = 14
PAYMENTS = {
    "E2": ("=SUMPRODUCT((A2:A5>=E1)*B2:B5)", 14),
    "E3": ("=SUMPRODUCT(--(A2:A5>=A3))", 3),
    "E4": ("=SUMPRODUCT(--(A2:A5<A3))", 1),
    "E5": ("=SUMPRODUCT(--(A2:A5>=MAX(A2:A5)))", 1),
    "E6": ("{=SUM(IF(A2:A5>=E1,B2:B5,0))", 14),
    "E7": ("=SUMPRODUCT(--(H7:H7>H7))", 0),  # H7 = 1/3
    "E8": ("=SUM(_xlfn._xlws.FILTER(B2:B5,A2:A5>=A3))", 14),
    "E9": ("=SUMPRODUCT(--(B2:B5/3>=B3/3))", 3),
    "E10": ("=SUMPRODUCT(--(A2:A5*1>=A3))", 3),
    "E11": ("=SUMPRODUCT((Pay[When]>=A3)*Pay[Amt])", 14),
    "E12": ("=SUMPRODUCT(--(Pay[When]<Cut))", 1),
    "E13": ("=SUMPRODUCT(--(Whens>=Cut))", 3),
    "E14": ("=SUMPRODUCT(--(OFFSET(A2,0,0,4,1)>=A3))", 3),
    "E15": ("=SUMPRODUCT(--(INDEX(A2:A5,0)>=A3))", 3),
    "E16": ("=SUMPRODUCT(--(A3>=A2:A5))", 2),
    "E17": ("=SUMPRODUCT(--(A2:A5>=A3:A3))", 3),
    "E18": ("{=MAX(IF(A2:A5<=A3,B2:B5))", 2),
    "E19": ("=SUMPRODUCT(--(A3<=A2:A5))", 3),
    "E20": ("=SUMPRODUCT(--(A2:A5=A3))", 1),
    "E21": ("=SUMPRODUCT(--(A2:A5<>A3))", 3),
    "E22": ("=SUMPRODUCT(--(A2:A5>A3))", 2),
    "E23": ("=SUMPRODUCT(--(A2:A5<=A3))", 2),
    "E24": ("{=SUM(IF(A3<A2:A5,1,0))", 2),
    "E25": ("=ROWS(_xlfn._xlws.FILTER(A2:A5,A2:A5>A3))", 2),
    "E26": ("=SUMPRODUCT(--(A:A>=A3))", 4),  # a whole column: the header text "When" is above any number
    "E27": ("=A3>=A3", True),
}

#: finding 01's extent: x OP x over a one-cell range, for numbers 15 digits move and numbers they do not
CMP_VALUES = [46054, 46053.5, 0.1, 1234.567, 46053.99930555555, 46053.95833333334, 1 / 3, 200 / 3, 0.7]
CMP_OPS = {"B": (">=", 1), "C": ("<=", 1), "D": ("=", 1), "E": ("<>", 0), "F": (">", 0), "G": ("<", 0)}

#: finding 01's ratios: A1:A5 = 1, 2, 4, 8, 200, B1:B5 = 3, C1 = 2/3
RATIOS = {
    "E1": ("=SUMPRODUCT(--(A1:A5/B1:B5=A2/B2))", 1),
    "E2": ("=SUMPRODUCT(--(A1:A5/3=A2/3))", 1),
    "E3": ("=SUMPRODUCT(--(A1:A5/3=C1))", 1),
    "E4": ("=SUMPRODUCT(--(A1:A5/3<>A2/3))", 4),
    "E5": ("=SUMPRODUCT(--(A1:A5*1.1=A2*1.1))", 1),
    "E6": ("=SUMPRODUCT(--(A1:A5/B1:B5>=C1))", 4),
    "E7": ("=SUMPRODUCT(--(A1:A5/B1:B5<=C1))", 2),
    "E8": ("=SUMPRODUCT(--(ROUND(A1:A5/3,2)>=ROUND(A2/3,2)))", 4),
}

#: finding 02: A2:A4 = apple, Banana, cherry, C2 = b (apple < b < banana < cherry)
PLANS = {
    "F1": ("=SUMPRODUCT(--(A2:A4<C2))", 1),
    "F2": ('=SUMPRODUCT(--(A2:A4<"b"))', 1),
    "F3": ("=SUMPRODUCT(--(A2:A4>=C2))", 2),
    "F4": ("=SUMPRODUCT(--(A2:A4>=A3))", 2),
}

#: finding 02's mixed column: apple, Banana, cherry, 7, x, TRUE, éclair, Zebra; B1 = b
MIXED = {
    "D1": ('=SUMPRODUCT(--(A1:A3<"b"))', 1),
    "D2": ("=SUMPRODUCT(--(A1:A3<B1))", 1),
    "D3": ("=SUMPRODUCT(--(A4:A6>5))", 3),
    "D4": ('=SUMPRODUCT(--(A1:A8="BANANA"))', 1),
    "D5": ('=SUMPRODUCT(--(A7:A8<"f"))', 1),
    "D6": ('="apple"<"Banana"', True),
    "D7": ("=A6>A5", True),
    "D8": ("=A5>A4", True),
    "D9": ("=SUMPRODUCT(--(A1:A8>=A2))", 6),  # Banana, cherry, x, TRUE, éclair, Zebra
    "D10": ("=SUMPRODUCT(--(A1:A8<A8))", 6),  # all but TRUE and Zebra
    "D11": ("=SUMPRODUCT(--(A8>A1:A8))", 6),
    "D12": ("=SUMPRODUCT(--(A1:A8=A2))", 1),
    "D13": ("=SUMPRODUCT(--(A1:A8>=B1))", 6),
    "D14": ("=SUMPRODUCT(--(A1:A8>A4))", 7),  # 7 > 7 is FALSE; text and TRUE are above numbers
}

#: calls giving text and concatenations beside a cell: A1:A3 = apple, Banana, cherry, C1 = b, C2 = École,
#: C3 = école, C4 = éclair, C5 = f
TEXTS = {
    "F1": ("=LEFT(A2,1)<C1", False),
    "F2": ("=UPPER(A1)<C1", True),
    "F3": ("=UPPER(A3)<C1", False),
    "F4": ('=C4&""<C5', True),
    "F5": ('=C2&""=C3', True),
    "F6": ("=UPPER(C2)=C3", True),
    "F7": ("=SUMPRODUCT(--(TRIM(A1:A3)<C1))", 1),
    "F8": ('=SUMPRODUCT(--(A1:A3&""<C1))', 1),
    "F9": ("=SUMPRODUCT(--(C1<UPPER(A1:A3)))", 2),
    "F10": ("=C2=C3", True),
    "F11": ("=C4<C5", True),
    "F12": ("=C1<A2", True),
    "F13": ("=0.1+0.2=0.3", True),
    "F14": ("=A3>C1", True),
}

#: errors pass on, blanks are 0 against numbers and "" against text: A1:A4 = apple, (blank), cherry, 5; C1 = b,
#: C2 = 0; D1:D3 = 1, #DIV/0!, 3
EDGES = {
    "F1": ("=SUMPRODUCT(--(A1:A4<C1))", 3),  # apple, blank, 5
    "F2": ("=SUMPRODUCT(--(A1:A4>=C2))", 4),
    "F3": ("=SUMPRODUCT(--(A1:A4=C2))", 1),
    "F4": ("=SUMPRODUCT(--(A1:A4<>C1))", 4),
    "F5": ("=SUMPRODUCT(--(D1:D3>=D1))", "#DIV/0!"),
    "F6": ("=SUMPRODUCT(--(D1>=D1:D3))", "#DIV/0!"),
    "F7": ('=IFERROR(SUMPRODUCT(--(D1:D3>=D1)),"err")', "err"),
    "F8": ('=SUMPRODUCT(--(A1:A4=""))', 1),
}

_SHEETS = {"Payments": PAYMENTS, "Ratios": RATIOS, "Plans": PLANS, "Mixed": MIXED, "Texts": TEXTS, "Edges": EDGES}


def _put(ws, formulas: dict[str, tuple[str, object]]) -> None:
    for ref, (formula, _) in formulas.items():
        ws[ref] = ArrayFormula(ref, formula[1:]) if formula.startswith("{") else formula


def build(path: Path) -> None:
    """The findings' inputs, one sheet each, with their formulas."""
    wb = openpyxl.Workbook()
    pay = wb.active
    pay.title = "Payments"
    pay.append(["When", "Amt"])
    for when, amount in zip(_PAID, [1, 2, 4, 8], strict=True):
        pay.append([when, amount])
        pay.cell(pay.max_row, 1).number_format = "yyyy-mm-dd hh:mm"
    pay["E1"], pay["H7"] = "=A3", 1 / 3
    pay.add_table(Table(displayName="Pay", ref="A1:B5"))
    wb.defined_names["Whens"] = DefinedName("Whens", attr_text="Payments!$A$2:$A$5")
    wb.defined_names["Cut"] = DefinedName("Cut", attr_text="Payments!$A$3")
    cmp = wb.create_sheet("Cmp")
    for row, value in enumerate(CMP_VALUES, start=2):
        cmp.cell(row, 1, value)
        for column, (op, _) in CMP_OPS.items():
            cmp[f"{column}{row}"] = f"=SUMPRODUCT(--(A{row}:A{row}{op}A{row}))"
        cmp[f"I{row}"] = f"=A{row}>=A{row}"
    ratios = wb.create_sheet("Ratios")
    for row, value in enumerate([1, 2, 4, 8, 200], start=1):
        ratios.cell(row, 1, value)
        ratios.cell(row, 2, 3)
    ratios["C1"] = 2 / 3
    plans = wb.create_sheet("Plans")
    for row, value in enumerate(["apple", "Banana", "cherry"], start=2):
        plans.cell(row, 1, value)
    plans["C2"] = "b"
    mixed = wb.create_sheet("Mixed")
    for row, value in enumerate(["apple", "Banana", "cherry", 7, "x", True, "éclair", "Zebra"], start=1):
        mixed.cell(row, 1, value)
    mixed["B1"] = "b"
    texts = wb.create_sheet("Texts")
    for row, value in enumerate(["apple", "Banana", "cherry"], start=1):
        texts.cell(row, 1, value)
    for row, value in enumerate(["b", "École", "école", "éclair", "f"], start=1):
        texts.cell(row, 3, value)
    edges = wb.create_sheet("Edges")
    edges["A1"], edges["A3"], edges["A4"], edges["C1"], edges["C2"] = "apple", "cherry", 5, "b", 0
    edges["D1"], edges["D2"], edges["D3"] = 1, "=1/0", 3
    for name, formulas in _SHEETS.items():
        _put(wb[name], formulas)
    wb.save(path)


@pytest.fixture(scope="module")
def recalculated(tmp_path_factory: pytest.TempPathFactory) -> tuple[object, openpyxl.Workbook]:
    folder = tmp_path_factory.mktemp("h421")
    build(folder / "book.xlsx")
    got = recalc_file(folder / "book.xlsx", folder / "out.xlsx", engine="embedded")
    return got, openpyxl.load_workbook(folder / "out.xlsx", data_only=True)


def _values(out: openpyxl.Workbook, sheet: str, formulas: dict[str, tuple[str, object]]) -> dict[str, object]:
    return {ref: out[sheet][ref].value for ref in formulas}


def _right(formulas: dict[str, tuple[str, object]]) -> dict[str, object]:
    return {ref: want for ref, (_, want) in formulas.items()}


def test_the_file_is_ok_without_unsupported_cells(recalculated) -> None:
    got, _ = recalculated
    assert got.status == "ok", got.unsupported
    assert got.unsupported == []


def test_time_stamps_compared_with_a_range_of_them_finding_01(recalculated) -> None:
    _, out = recalculated
    assert _values(out, "Payments", PAYMENTS) == _right(PAYMENTS)


def test_a_value_compared_with_itself_in_an_array_finding_01(recalculated) -> None:
    _, out = recalculated
    got = {f"{c}{r}": out["Cmp"][f"{c}{r}"].value for r in range(2, 2 + len(CMP_VALUES)) for c in [*CMP_OPS, "I"]}
    right = {
        f"{c}{r}": CMP_OPS[c][1] if c in CMP_OPS else True
        for r in range(2, 2 + len(CMP_VALUES))
        for c in [*CMP_OPS, "I"]
    }
    assert got == right


def test_ratios_of_a_range_compared_with_a_ratio_finding_01(recalculated) -> None:
    _, out = recalculated
    assert _values(out, "Ratios", RATIOS) == _right(RATIOS)


def test_text_of_a_range_compared_with_a_cell_finding_02(recalculated) -> None:
    _, out = recalculated
    assert _values(out, "Plans", PLANS) == _right(PLANS)
    assert _values(out, "Mixed", MIXED) == _right(MIXED)


def test_text_calls_and_concatenations_beside_a_cell(recalculated) -> None:
    _, out = recalculated
    assert _values(out, "Texts", TEXTS) == _right(TEXTS)


def test_errors_pass_on_and_blanks_compare_as_excel_does(recalculated) -> None:
    _, out = recalculated
    assert _values(out, "Edges", EDGES) == _right(EDGES)
