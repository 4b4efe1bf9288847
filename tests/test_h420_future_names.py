"""Excel 365's 2025 functions written without _xlfn. get the prefix's advice, as FORECAST.ETS does (H420).

future_functions.FUTURE was checked against [MS-XLSX] 2.2.3, rust_xlsxwriter's formula.rs tables and LibreOffice's
OOXML tables: COPILOT, IMPORTCSV and IMPORTTEXT (Microsoft's function pages, 2025), stored _xlfn.NAME by Excel, were
missing, so an openpyxl user's bare =IMPORTCSV("..") was told "not an Excel function: an add-in's ..." where Excel
shows #NAME? because the prefix is missing. IFERROR, stored bare since Excel 2007 though LibreOffice also reads
_xlfn.IFERROR, stays an ordinary function.
"""

from __future__ import annotations

import openpyxl
import pytest

from xl_retention.recalculation import recalc_file
from xl_retention.recalculation.unprefixed import reason

_FORMULAS = {
    "A1": '=IMPORTCSV("C:\\Data\\example.csv")',
    "A2": '=IMPORTTEXT("C:\\Data\\example.txt",",")',
    "A3": '=COPILOT("Summarize",B1:B3)',
    "A4": "=FORECAST.ETS(4,B1:B3,C1:C3)",
    "A5": '=IFERROR(1/0,"none")',
    "A6": '=IFERROR(IMPORTCSV("x.csv"),-1)',
}


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> tuple[object, dict[str, object]]:
    folder = tmp_path_factory.mktemp("h420_future")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "F"
    for row in range(1, 4):
        ws.cell(row, 2, 10 * row)
        ws.cell(row, 3, row)
    for ref, formula in _FORMULAS.items():
        ws[ref] = formula
    wb.save(folder / "book.xlsx")
    got = recalc_file(folder / "book.xlsx", folder / "out.xlsx", engine="embedded")
    out = openpyxl.load_workbook(folder / "out.xlsx", data_only=True)["F"]
    return got, {ref: out[ref].value for ref in _FORMULAS}


def test_bare_2025_functions_are_excels_stored_without_prefix(report) -> None:
    got, values = report
    errors = {e.address: e.reason for e in got.errors}
    assert errors == {
        "F!A1": reason("IMPORTCSV"),
        "F!A2": reason("IMPORTTEXT"),
        "F!A3": reason("COPILOT"),
        "F!A4": reason("FORECAST.ETS"),
    }
    assert errors["F!A1"].startswith("IMPORTCSV is stored without Excel's _xlfn. prefix")
    assert [values[f"A{i}"] for i in range(1, 7)] == ["#NAME?"] * 4 + ["none", -1]


def test_no_add_in_reason_for_them(report) -> None:
    got, _ = report
    assert [u for u in got.unsupported if "add-in" in u.reason] == []
