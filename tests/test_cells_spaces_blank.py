"""A cell of spaces alone, a no-break space pasted from a web page's table too, is blank to every function
(docs/metrics.md, "Bad input"): all inputs such blanks give a blank result, some of them ``#VALUE!`` naming the
blank cell. Before (H267's finding 01), a no-break space reached the core as NaN: ``#NUM!`` "CRR gives no number
(NaN)" in a recalculated workbook, and in the xlwings functions for a cell of plain spaces too."""

from __future__ import annotations

import openpyxl
import pytest

from xl_retention.cells import CellError, evaluate, is_blank
from xl_retention.recalculation.batch import recalc_file
from xl_retention.registry import FUNCTIONS

CRR = next(f for f in FUNCTIONS if f.name == "CRR")
NBSP, NNBSP = "\u00a0", "\u202f"


@pytest.mark.parametrize("space", [" ", "   ", NBSP, NNBSP, "\u3000", " \t"])
def test_spaces_alone_are_blank(space):
    assert is_blank(space)
    assert evaluate(CRR, [[space]], [[space]], [[space]]) == [[None]]


@pytest.mark.parametrize("space", [" ", NBSP, NNBSP])
def test_one_space_beside_numbers_is_a_blank_argument(space):
    (result,) = evaluate(CRR, [[space]], [[75]], [[500]])[0]
    assert isinstance(result, CellError)
    assert (result.code, result.message) == ("#VALUE!", "customers_end blank while other inputs are not")


def test_texts_and_numbers_stay_what_they_are():
    assert not is_blank("x") and not is_blank(" x ") and not is_blank(0) and not is_blank(0.0)
    assert evaluate(CRR, [[535]], [[75]], [[500]]) == [[pytest.approx(0.92)]]


def test_recalc_names_the_no_break_space_cell(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "S"
    ws["A1"], ws["B1"], ws["C1"], ws["E1"] = NBSP, 75, 500, "=CRR(A1,B1,C1)"
    ws["A2"], ws["B2"], ws["C2"], ws["E2"] = NBSP, NBSP, NBSP, "=CRR(A2,B2,C2)"
    ws["A3"], ws["B3"], ws["C3"], ws["E3"] = 535, 75, 500, "=CRR(A3,B3,C3)"
    wb.save(tmp_path / "in.xlsx")
    report = recalc_file(tmp_path / "in.xlsx", tmp_path / "out.xlsx", engine="embedded")
    values = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    assert [values[f"E{row}"].value for row in (1, 2, 3)] == ["#VALUE!", None, 0.92]
    reasons = {error.address: error.reason for error in report.errors}
    assert reasons == {
        "S!E1": "CRR: customers_end blank while other inputs are not: S!A1 is blank (#VALUE!)",
    }
