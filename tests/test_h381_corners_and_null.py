"""A range from a cell of the formula's own sheet to a sheet's cell (``=SUM(A1:S!A3)``) and an intersection of
references sharing no cell (``=A1:A3 A5``), H381's items 2 and 3.

``A1:S!A3`` was read as a 3-D reference from a sheet 'A1' to S (a sheet named like a cell is written quoted,
``'A1'!A3``: no such reference): the engine's #REF! under status ok, its reason "names the sheet 'A1', which the
workbook does not have". Excel's range operator joins the two cells: on sheet S it is S!A1:A3 (1+2+3 = 6); on sheet T
its corners are on two sheets, #VALUE! as for ``Cohorts!B2:Value!B7`` (:mod:`.sheet_corners`), its reason naming both.
``=A1:A3 A5`` (Excel's intersection operator, a space) was #NULL! with an empty reason: now its reason names the two
references; ``=B1+1`` reading it gets it passed on. One in-process recalc of one workbook.
"""

from __future__ import annotations

import openpyxl
import pytest

from xl_retention.recalculation.batch import recalc_file


@pytest.fixture(scope="module")
def recalculated(tmp_path_factory):
    folder = tmp_path_factory.mktemp("h381_corners")
    wb = openpyxl.Workbook()
    s = wb.active
    s.title = "S"
    t = wb.create_sheet("T")
    for i in range(1, 4):
        s.cell(i, 1, i)
        t.cell(i, 1, i * 10)
    s["A5"] = 5
    s["B1"] = "=SUM(A1:S!A3)"
    s["B2"] = "=COUNT(A1:s!$A$3)+SUM(A2:S!A3)"
    t["B1"] = "=SUM(A1:S!A3)"
    s["C1"] = "=A1:A3 A5"
    s["C2"] = "=SUM(A1:C3 B1:B3 A5)"
    s["C3"] = "=C1+1"
    s["C4"] = "=SUM(A1:A3 A2:B2)"
    wb.save(folder / "book.xlsx")
    report = recalc_file(folder / "book.xlsx", folder / "out" / "book.xlsx")
    out = openpyxl.load_workbook(folder / "out" / "book.xlsx", data_only=True)
    values = {f"{ws.title}!{c.coordinate}": c.value for ws in out for row in ws.iter_rows() for c in row}
    return report, values, {e.address: (e.error, e.reason) for e in report.errors}


def test_a_cell_joined_to_its_own_sheet_s_cell_is_that_sheet_s_range(recalculated):
    report, values, errors = recalculated
    assert report.status == "ok"
    assert (values["S!B1"], values["S!B2"]) == (6, 8)
    assert "S!B1" not in errors and "S!B2" not in errors


def test_a_cell_joined_to_another_sheet_s_cell_is_value_named(recalculated):
    _, values, errors = recalculated
    assert values["T!B1"] == "#VALUE!"
    assert errors["T!B1"] == (
        "#VALUE!",
        "T!B1: the range A1:S!A3 joins T!A1, a cell of the formula's own sheet, and S!A3: Excel's range operator (:) "
        "takes references on one sheet and gives #VALUE!; write both corners on the same sheet (#VALUE!)",
    )


def test_an_empty_intersection_names_its_references(recalculated):
    _, values, errors = recalculated
    assert (values["S!C1"], values["S!C2"], values["S!C3"], values["S!C4"]) == ("#NULL!", "#NULL!", "#NULL!", 2)
    assert errors["S!C1"] == (
        "#NULL!",
        "S!C1: the references A1:A3 and A5, joined by a space (Excel's intersection operator), share no cell: Excel "
        "gives #NULL!; a comma (A1:A3,A5) lists both, a colon spans them (#NULL!)",
    )
    assert errors["S!C2"][1].startswith("S!C2: the references A1:C3 B1:B3 and A5, joined by a space")
    assert errors["S!C3"][0] == "#NULL!" and errors["S!C3"][1].endswith("a colon spans them (#NULL!), from S!C1")
    assert "S!C4" not in errors
