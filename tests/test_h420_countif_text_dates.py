"""COUNTIF over a date typed as text, with that very text as its criterion, is the same in every locale (H420).

=COUNTIF(A1:A3,"01/02/2026") of a signup date pasted as text ("01/02/2026" in A1) was left without a value as
``locale`` ("an en-US Excel gives 1, a day-first Excel 0"): the other locale's count was taken from the stored
formula evaluated as it is, where the engine reads the criterion as a date and no text cell as one. Excel (and
LibreOffice, run under en_US and en_GB: 1 and 1) reads the cell's text and the criterion by the same settings, so a
text cell equal to the criterion counts in every locale: 1; likewise "<>", "=", SUMIF and COUNTIFS. Where a date
NUMBER may match too (B2 holds 2 January 2026), the count depends on the date order (LibreOffice: 2 in en_US, 1 in
en_GB): still listed, without a value.
"""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest

from xl_retention.recalculation import recalc_file

_FORMULAS = {
    "C1": '=COUNTIF(A1:A3,"01/02/2026")',
    "C2": '=COUNTIF(A1:A3,"<>01/02/2026")',
    "C3": '=SUMIF(A1:A3,"01/02/2026",D1:D3)',
    "C4": '=COUNTIFS(A1:A3,"01/02/2026")',
    "C5": '=COUNTIF(A1:A3,"=01/02/2026")',
    "E1": '=COUNTIF(B1:B3,"01/02/2026")',
}


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> tuple[object, dict[str, object]]:
    folder = tmp_path_factory.mktemp("h420_countif")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "S"
    ws["A1"], ws["A2"] = "01/02/2026", "x"  # a signup date pasted as text, and a note
    ws["B1"], ws["B2"] = "01/02/2026", dt.datetime(2026, 1, 2)  # the same text beside a real date
    ws["D1"], ws["D2"] = 5, 7
    for ref, formula in _FORMULAS.items():
        ws[ref] = formula
    wb.save(folder / "book.xlsx")
    got = recalc_file(folder / "book.xlsx", folder / "out.xlsx", engine="embedded")
    out = openpyxl.load_workbook(folder / "out.xlsx", data_only=True)["S"]
    return got, {ref: out[ref].value for ref in _FORMULAS}


def test_text_equal_to_the_criterion_counts_in_every_locale(report) -> None:
    _, values = report
    assert [values[f"C{i}"] for i in range(1, 6)] == [1, 2, 5, 1, 1]


def test_a_date_number_that_may_match_stays_locale(report) -> None:
    got, values = report
    listed = {u.address: u for u in got.unsupported}
    assert sorted(listed) == ["S!E1"]
    assert listed["S!E1"].function == "locale"
    assert "an en-US Excel gives 2, a day-first Excel 1" in listed["S!E1"].reason
    assert values["E1"] is None
    assert got.status == "incomplete"
