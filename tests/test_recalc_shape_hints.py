"""The rewrite loop's superset tests made once per formula shape (``embedded._per_shape``): whether a formula may hold
a whole column or row, may compute a range's end (``A1:INDEX(A:A,n)``), or is a LOOKUP the whole-column rewrite may
change. Each takes any run of digits alike, so a formula and its shape (:func:`.rewrite_shapes.shape`: every row
number ``0``) answer alike: a column filled down 10,000 rows is tested once, not 10,000 times."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from one_sheet import recalc_sheet

from xl_retention.recalculation import embedded
from xl_retention.recalculation.computed_ranges import may_compute_ranges
from xl_retention.recalculation.rewrite_shapes import shape
from xl_retention.recalculation.whole_ranges import may_have_whole_ranges
from xl_retention.workbook import build_template
from xl_retention.workbook.sample import sample_inputs

NAMES = {"whole": "$B:$B", "rate": "S!$A$1"}  # names without a digit: the sheet's formulas have shapes
FORMULAS = [
    "=SUM(A2:C2)",
    '=IF(G12>0.95,"high","low")',
    "=SUM(A12:INDEX(A:A,COUNTA(A:A)))",
    "=SUM(INDEX(B:B,12):INDEX(B:B,16))",
    "=COUNT(A1:OFFSET(A1,5,0))",
    "=SUM((A2:A9)*1):A3",
    "=SUM(INDEX($3:$3,2):$C$3)",
    "=INDEX(7:7,1,2)",
    "=IFERROR(INDEX(whole,MATCH(1,C:C,0)),0)",
    '=IFERROR(INDEX(B:B,MATCH(A12,C:C,0)),"none")',
    "=_xlfn.LET(_xlpm.x,A12,SUM(_xlpm.x:A30))",
    "='Q1 2024'!A12+'Q1 2024'!B12",
    "=SUM('Q1 2024'!A12:INDEX('Q1 2024'!A:A,40))",
    "=Sheet2!B17*LOG10(C17)",
    '=LOOKUP(2,1/(C:C="z"),B:B)',
    "=LOOKUP(2,1/(C2:C900=1),B2:B900)",
    "=LOOKUP(A12,$A$2:$A$50,Data1!$B$2:$B$50)",
    "=LOOKUP(2,1/(3:3>0),5:5)",
    "=SUMPRODUCT(A:A,B:B)+SUM($4:$9)",
    "=SUM(AB12:AC12)+XFD12",
    '=COUNTIF(A2:A99,">12")&"Q1"',
]
TESTS = {
    "may_have_whole_ranges": may_have_whole_ranges,
    "may_compute_ranges": lambda formula: may_compute_ranges(formula, NAMES),
    "_whole_lookup": embedded._whole_lookup,
}


def _template_formulas(folder: Path) -> list[str]:
    path = folder / "template.xlsx"
    build_template(path, months=12, inputs=sample_inputs(12))
    book = openpyxl.load_workbook(path)
    cells = (c.value for sheet in book.worksheets for row in sheet.iter_rows() for c in row)
    return sorted({value for value in cells if isinstance(value, str) and value.startswith("=")})


@pytest.mark.parametrize("name", sorted(TESTS))
def test_a_formula_and_its_shape_answer_alike(name: str, tmp_path: Path) -> None:
    test = TESTS[name]
    corpus = FORMULAS + _template_formulas(tmp_path)
    assert len(corpus) > 200
    differ = [formula for formula in corpus if test(formula) != test(shape(formula))]
    assert differ == []
    assert any(test(formula) for formula in FORMULAS)  # each test answers True for some of them


def test_a_filled_down_column_is_tested_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """30 rows of =SUM(A:C of the row) and =IF(D>..): the range test is asked once per shape; the values are the
    engine's, each row its own."""
    asked: list[str] = []

    def counted(formula: str, names: dict[str, str] | None = None) -> bool:
        asked.append(formula)
        return may_compute_ranges(formula, names)

    monkeypatch.setattr(embedded, "may_compute_ranges", counted)
    cells: dict[str, object] = {}
    for r in range(1, 31):
        cells.update({f"A{r}": r, f"B{r}": 2 * r, f"C{r}": 1})
        cells[f"D{r}"] = f"=SUM(A{r}:C{r})"
        cells[f"E{r}"] = f'=IF(D{r}>50,"high","low")'
    result, values = recalc_sheet(tmp_path, cells)
    assert result.status == "ok", result.message
    assert [values[f"D{r}"] for r in (1, 16, 30)] == [4, 49, 91]
    assert [values[f"E{r}"] for r in (1, 16, 17, 30)] == ["low", "low", "high", "high"]
    assert sorted(shape(formula) for formula in asked) == ['=IF(D0>50,"high","low")', "=SUM(A0:C0)"]
