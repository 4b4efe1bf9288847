"""The structural rewrite's token walks made cheaper without changing a formula it writes (H379, issue 14): the
120-month template's 120 NPS formulas (=IF(COUNTA('NPS scores'!B$2:B$1001)=0,IF(AND(C2="",...)...)), 853 characters,
each reading its own column of 'NPS scores', so that no filled-down copy shares a rewrite) cost about 8 ms each.

- ``intersection._one_value_expected`` found each call's end by joining every argument's text
  (``formula_tokens._arguments``) for each call of the formula: now ``formula_tokens.closing_index``;
- ``rewrite._array_valued`` read the argument spans of every call (IF, AND, COUNTA...) though only the reference,
  array, lifted and xl-retention's own functions look at them;
- ``xlookup_references`` walked the tokens of formulas without an XLOOKUP.

Each formula's rewrite is the same text as before (the template's 20,804 formulas compared with e8528dd8's), and a
column of formulas of one shape (a name with digits, absolute and mixed references) has the values computed one by
one.
"""

from __future__ import annotations

import openpyxl
import pytest
from openpyxl.formula import Tokenizer
from openpyxl.formula.tokenizer import Token
from openpyxl.workbook.defined_name import DefinedName

from xl_retention.recalculation import rewrite as rewrite_module
from xl_retention.recalculation import xlookup_references as xlookups
from xl_retention.recalculation.batch import recalc_file
from xl_retention.recalculation.formula_tokens import _arguments, closing_index
from xl_retention.recalculation.rewrite import rewrite

FORMULAS = [
    '=IF(COUNTA(\'NPS scores\'!B$2:B$1001)=0,IF(AND(C2="",D2=""),"",MIN(IF(B2="",0,B2+0),$A1)),NPS(B$2:B$9))',
    "=SUM(A1:A3 A2:C2)+INDEX(Q1,1)*_xlr_x1",
    "=IF(A$1>0,{1,2;3,4},(B2))",
    "=SUM(A1,(B2",  # not closed
]


@pytest.mark.parametrize("formula", FORMULAS)
def test_closing_index_is_where_the_arguments_end(formula: str) -> None:
    tokens = Tokenizer(formula).items
    opened = [i for i, t in enumerate(tokens) if t.subtype == Token.OPEN]
    ends = [closing_index(tokens, i + 1) for i in opened]
    assert ends == [_arguments(tokens, i + 1, Token.FUNC)[1] for i in opened]
    assert ends[-1] <= len(tokens)


def test_closing_index_exact() -> None:
    tokens = Tokenizer("=IF(SUM(A1,(B2)),C3)+1").items
    assert [closing_index(tokens, i) for i in (1, 2, 5)] == [10, 7, 6]  # IF's, SUM's, the bracket's
    assert closing_index(tokens[:4], 1) == 4


def test_array_valued_reads_the_spans_of_the_calls_that_look_at_them(monkeypatch: pytest.MonkeyPatch) -> None:
    read = []
    spans = rewrite_module._spans

    def counted(tokens, k):
        read.append(tokens[k].value)
        return spans(tokens, k)

    monkeypatch.setattr(rewrite_module, "_spans", counted)
    tokens = Tokenizer(FORMULAS[0]).items
    assert rewrite_module._array_valued(tokens, 0, len(tokens), {}) is False
    assert read == ["COUNTA(", "AND(", "MIN("]  # at e8528dd8 also each IF( and NPS(
    read.clear()
    tokens = Tokenizer("=IF(A1>0,INDEX({1,2},1,2),TRANSPOSE(A1:B1))").items
    assert rewrite_module._array_valued(tokens, 0, len(tokens), {}) is True
    assert read == ["INDEX("]  # an array typed into INDEX: its first value


def test_no_xlookup_no_walk(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []
    monkeypatch.setattr(xlookups, "_read", lambda *a: calls.append(a) or False)
    tokens = Tokenizer(FORMULAS[0]).items
    assert xlookups.xlookup_references(tokens) is False and calls == []
    tokens = Tokenizer('=ROW(XLOOKUP("b",A1:A3,B1:B3))').items
    assert xlookups.xlookup_references(tokens) is False and calls  # _read said no: walked, left alone


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        (2, "=IF(AND($A2>0,A$1>0),$A$2*S!$D$1+S!$D$2,0)"),
        (4, "=IF(AND($A4>0,A$1>0),$A$4*S!$D$1+S!$D$2,0)"),
    ],
)
def test_a_shape_rewritten_one_by_one(row: int, expected: str) -> None:
    names = {"q1": "S!$D$1", "_xlr_x1": "S!$D$2"}
    assert rewrite(f"=IF(AND($A{row}>0,A$1>0),A$2:A$6*Q1+_xlr_x1,0)", "S", row, 2, [], names=names) == expected


ROWS = 6


@pytest.fixture(scope="module")
def values(tmp_path_factory: pytest.TempPathFactory) -> list[list[object]]:
    folder = tmp_path_factory.mktemp("h379")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "S"
    ws["D1"], ws["D2"] = 2, 0.5
    for name, ref in (("Q1", "S!$D$1"), ("_xlr_x1", "S!$D$2")):
        wb.defined_names[name] = DefinedName(name, attr_text=ref)
    for r in range(1, ROWS + 1):
        ws[f"A{r}"] = r - 3  # -2, -1, 0, 1, 2, 3
        ws[f"B{r}"] = f"=IF(AND($A{r}>0,A$1<0),A$1:A${ROWS}*Q1+_xlr_x1,0)"  # one shape: A$1:A$6 intersected
        ws[f"C{r}"] = f'=IF($A{r}="","",IF(COUNTA($A$1:A{r})=0,"",MIN(IF(A{r}="",0,A{r}+0),$D$1)))'
    wb.save(folder / "in.xlsx")
    report = recalc_file(folder / "in.xlsx", folder / "out.xlsx")
    assert report.status == "ok", report
    out = openpyxl.load_workbook(folder / "out.xlsx", data_only=True)["S"]
    return [[out[f"{c}{r}"].value for r in range(1, ROWS + 1)] for c in "BC"]


def test_the_shape_has_each_rows_values(values: list[list[object]]) -> None:
    assert values[0] == [0, 0, 0, 2.5, 4.5, 6.5]
    assert values[1] == [-2, -1, 0, 1, 2, 2]
