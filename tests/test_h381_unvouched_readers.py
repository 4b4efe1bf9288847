"""A cell reading an engine #REF! recalc cannot vouch for without giving the error (``=IFERROR(B1,0)``) kept the
engine's 0 in the output, and the file's message named only B1 (H381's item 1). B1 ``=SUM(S!A1:S!A3:A4)`` is 100 in
Excel (the range S!A1:S!A3 extended to A4: 10+20+30+40) and the embedded engine's #REF!: the file is ``incomplete``
(H376), and now its message names C1 ``=IFERROR(B1,0)`` and D1 ``=C1+1`` with the engine's values (0 and 1), which
the output stores no value for (Excel computes them when it opens the workbook); B1's reader E1 ``=B1*2`` is an error,
listed with B1's reason passed on. Where Excel stored the same #REF! (``=INDEX(A1:A2,5)``), its IFERROR reader's 0 is
Excel's too: ``ok``, the 0 kept. One in-process recalc per workbook.
"""

from __future__ import annotations

import openpyxl
import pytest
from one_sheet import stored_book

from xl_retention.recalculation.batch import recalc_file

_CASES = {
    "unvouched": (
        {"B1": "=SUM(S!A1:S!A3:A4)", "C1": "=IFERROR(B1,0)", "D1": "=C1+1", "E1": "=B1*2", "F1": "=A1+1"},
        {"B1": "100", "C1": "100", "D1": "101", "E1": "200", "F1": "11"},
    ),
    "excel_s_own": ({"B1": "=INDEX(A1:A2,5)", "C1": "=IFERROR(B1,0)", "D1": "=C1+1"}, {"B1": "#REF!", "C1": "0"}),
}


@pytest.fixture(scope="module")
def results(tmp_path_factory) -> dict:
    folder = tmp_path_factory.mktemp("h381_readers")
    found = {}
    for name, (formulas, stored) in _CASES.items():
        path = stored_book(folder / f"{name}.xlsx", formulas, stored, rows=4)
        report = recalc_file(path, folder / "out" / path.name)
        wb = openpyxl.load_workbook(folder / "out" / path.name, data_only=True)
        found[name] = report, {c.coordinate: c.value for row in wb["S"].iter_rows() for c in row}
    return found


def test_the_readers_of_an_unvouched_ref_are_named_and_left_without_a_value(results):
    report, values = results["unvouched"]
    assert report.status == "incomplete"
    assert report.message == (
        "unvouched.xlsx: S!B1 (=SUM(S!A1:S!A3:A4)) is #REF! where Excel stored 100: the embedded engine cannot read "
        "the formula or Excel did not compute it, and recalc finds no cause for the error, so these cells and those "
        "reading them have no value it can vouch for (S!C1 = 0 and S!D1 = 1 read them without giving their error: the "
        "engine's values, which the output leaves out): check them in Excel (the output asks Excel to compute the "
        "workbook when it opens it)"
    )
    assert [(e.address, e.error) for e in report.errors] == [("S!B1", "#REF!"), ("S!E1", "#REF!")]
    assert report.errors[1].reason.endswith("check the cell in Excel (#REF!), from S!B1")
    assert (values["B1"], values["C1"], values["D1"], values["E1"], values["F1"]) == ("#REF!", None, None, "#REF!", 11)


def test_an_iferror_over_excel_s_own_ref_keeps_its_value(results):
    report, values = results["excel_s_own"]
    assert (report.status, report.message) == ("ok", "")
    assert (values["B1"], values["C1"], values["D1"]) == ("#REF!", 0, 1)
