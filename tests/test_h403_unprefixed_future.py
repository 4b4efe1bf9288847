"""Excel's future functions the embedded engine lacks, written without _xlfn., get the prefix's advice (H396's 01).

An openpyxl user who writes =FORECAST.ETS(..) (Excel 2016's, stored _xlfn.FORECAST.ETS) was told "FORECAST.ETS is not
an Excel function: an add-in's, a macro's or a UDF's (or a misspelling)", where FORECAST.LINEAR, written alike, got
"stored without Excel's _xlfn. prefix ... #NAME?". Both are Excel's future functions ([MS-XLSX] 2.2.3), bare: #NAME?
in Excel, with the same advice now, also with the prefixed call on the same sheet (still unsupported: the engine lacks
it). An add-in's function (GET_MRR) keeps its own reason; the status stays incomplete (GET_MRR has no value).
"""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest

from xl_retention.recalculation import recalc_file
from xl_retention.recalculation.unprefixed import reason


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> tuple[object, dict[str, object]]:
    folder = tmp_path_factory.mktemp("h403_future")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "F"
    for i in range(6):
        ws.append([dt.date(2026, 1 + i, 1), 100 + 10 * i])
    ws["D1"] = "=FORECAST.ETS(DATE(2026,7,1),B1:B6,A1:A6)"
    ws["D2"] = "=FORECAST.LINEAR(DATE(2026,7,1),B1:B6,A1:A6)"
    ws["D3"] = '=WEBSERVICE("http://x")'
    ws["D4"] = '=STOCKHISTORY("MSFT",46023)'
    ws["D5"] = "=IFERROR(FORECAST.ETS.STAT(B1:B6,A1:A6,1),-1)"  # IFERROR catches Excel's #NAME?: -1
    ws["E1"] = "=_xlfn.FORECAST.ETS(DATE(2026,7,1),B1:B6,A1:A6)"  # prefixed: Excel's, the engine lacks it
    ws["E2"] = '=GET_MRR("acme")'  # an add-in's
    wb.save(folder / "book.xlsx")
    got = recalc_file(folder / "book.xlsx", folder / "out.xlsx", engine="embedded")
    values = {
        c.coordinate: c.value for row in openpyxl.load_workbook(folder / "out.xlsx", data_only=True)["F"] for c in row
    }
    return got, values


def test_bare_future_functions_get_the_prefix_advice(report) -> None:
    got, values = report
    errors = {e.address: e.reason for e in got.errors}
    assert sorted(errors) == ["F!D1", "F!D2", "F!D3", "F!D4"]
    assert errors["F!D1"] == (
        "FORECAST.ETS is stored without Excel's _xlfn. prefix, which Excel reads as no function: #NAME? (a function "
        "newer than Excel 2007 is stored as _xlfn.FORECAST.ETS(...), as Excel writes it; with openpyxl write "
        "=_xlfn.FORECAST.ETS(...))"
    )
    assert errors["F!D3"] == reason("WEBSERVICE") and errors["F!D4"] == reason("STOCKHISTORY")
    assert [values[f"D{i}"] for i in range(1, 6)] == ["#NAME?"] * 4 + [-1]


def test_prefixed_and_add_in_calls_keep_their_reasons(report) -> None:
    got, values = report
    listed = {u.address: (u.function, u.reason) for u in got.unsupported}
    assert sorted(listed) == ["F!E1", "F!E2"]
    assert listed["F!E1"] == ("FORECAST.ETS", "unsupported function FORECAST.ETS")
    assert listed["F!E2"][1].startswith("GET_MRR is not an Excel function: an add-in's")
    assert got.status == "incomplete" and values["E1"] is None and values["E2"] is None
