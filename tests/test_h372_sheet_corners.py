"""Ranges written with the sheet on both corners, and error values listed without a reason (H371's findings 01, 02).

01: ``=Cohorts!B2:Cohorts!B7*1`` (valid Excel, as scripts and some tools write it) was ``#REF!`` with an empty reason
in arithmetic and arrays, the file ``ok``; now the range is the sheet's ``Cohorts!B2:B7`` everywhere (quoted names,
``$``, whole columns and rows, defined names, LET, Ctrl+Shift+Enter), corners on two sheets are Excel's ``#VALUE!``
naming the range, and a ``#REF!`` no step explains names its cell and formula. 02: ``=NOSUCHNAME*2`` in a workbook
without defined names, and the cells reading an unprefixed MINIFS, were ``#NAME?`` with an empty reason.
Three openpyxl workbooks, one in-process recalc of all three.
"""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

import openpyxl
import pytest
from one_sheet import sheet_book
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.formula import ArrayFormula

from xl_retention import cli


def _corners(path: Path) -> None:
    wb = openpyxl.Workbook()
    cohorts = wb.active
    cohorts.title = "Cohorts"
    for i, (start, kept) in enumerate(
        zip([1000, 800, 900, 950, 700, 850], [631, 520, 580, 600, 450, 545], strict=True)
    ):
        cohorts.cell(i + 2, 2, start)
        cohorts.cell(i + 2, 3, kept)
    q3 = wb.create_sheet("Q3 data")
    for i, score in enumerate([10, 9, 3, 8, 10]):
        q3.cell(i + 1, 1, score)
    value = wb.create_sheet("Value")
    wb.defined_names["Sc"] = DefinedName("Sc", attr_text="'Q3 data'!$A$1:'Q3 data'!$A$5")
    wb.defined_names["Wc"] = DefinedName("Wc", attr_text="'Q3 data'!$A:'Q3 data'!$A")
    value["B3"] = "=1-AVERAGE(Cohorts!C2:C7/Cohorts!B2:Cohorts!B7)"  # row 3 intersected: 1-520/800
    value["C3"] = "=Cohorts!B2:Cohorts!B7*1"
    value["D3"] = "=SUMPRODUCT(Cohorts!B2:Cohorts!B7*1)"
    value["E3"] = "=SUM(Cohorts!B2:Cohorts!B7)"
    value["F3"] = "=CLV(145.5,0.72,B3)"
    value["A10"] = ArrayFormula("A10", "=SUM('Q3 data'!A1:'Q3 data'!A5*2)")
    value["A11"] = "=SUMPRODUCT(Sc*1)"
    value["A12"] = "=SUMPRODUCT('Q3 data'!$A$1:'q3 DATA'!$A$5*1)"
    value["H4"] = "='Q3 data'!A:'Q3 data'!$A*1"  # row 4 of the whole column, intersected: 'Q3 data'!A4
    value["A14"] = "=_xlfn.LET(_xlpm.r,'Q3 data'!A1:'Q3 data'!A5,SUMPRODUCT(_xlpm.r*3))"
    value["A15"] = "=SUMPRODUCT('Q3 data'!1:'Q3 data'!2*1)"
    value["H5"] = "=Wc*2"
    value["A17"] = "=COUNTIF('Q3 data'!A1:'Q3 data'!A5,\">8\")"
    value["A20"] = "=SUM('Q3 data'!A1:Value!A5)"  # corners on two sheets: #VALUE!
    value["A21"] = "=A20+1"
    value["A22"] = "=IFERROR(SUM('Q3 data'!A1:Value!A5),-1)"
    wb.save(path)


def _chain(path: Path) -> None:
    sheet_book({"A1": 0, "A2": 10, "D1": "=NOSUCHNAME*2", "D2": "=D1+1"}).save(path)  # no defined name at all


def _chain3(path: Path) -> None:
    cells = {
        "A1": 5,
        "A2": 10,
        "C1": '=MINIFS(A1:A2,A1:A2,">="&AsOf)',  # no _xlfn.: Excel's #NAME?
        "C2": "=C1-AsOf",
        "C3": "=C1-A2",
        "E1": "=INDEX(A1:A2,5)",  # past the range's end: #REF!, as in Excel
        "E2": "=E1+1",
        "E3": "=SUM(E1:E2)",
        "E4": "=SUM(T!A1:T!A3)",  # no sheet T
    }
    sheet_book(cells, {"AsOf": "S!$A$1"}).save(path)


@pytest.fixture(scope="module")
def recalculated(tmp_path_factory) -> tuple[Path, dict[str, dict]]:
    folder = tmp_path_factory.mktemp("h372")
    for name, make in (("corners", _corners), ("chain", _chain), ("chain3", _chain3)):
        make(folder / f"{name}.xlsx")
    out = folder / "out"
    files = [str(folder / f"{n}.xlsx") for n in ("corners", "chain", "chain3")]
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        cli.main(["recalc", *files, "--engine", "embedded", "--json", "--output-dir", str(out)])
    reports = {Path(f["path"]).stem: f for f in json.loads(buffer.getvalue())["files"]}
    return out, reports


def _values(out: Path, name: str, sheet: str) -> dict[str, object]:
    ws = openpyxl.load_workbook(out / f"{name}.xlsx", data_only=True)[sheet]
    return {c.coordinate: c.value for row in ws.iter_rows() for c in row if c.value is not None}


def _errors(reports: dict[str, dict], name: str) -> dict[str, tuple[str, str]]:
    return {e["address"]: (e["error"], e["reason"]) for e in reports[name]["errors"]}


def test_a_range_with_its_sheet_on_both_corners_is_that_sheets_range(recalculated):
    out, reports = recalculated
    assert reports["corners"]["status"] == "ok"
    assert reports["corners"]["unsupported"] == []
    assert _values(out, "corners", "Value") == {
        "B3": pytest.approx(1 - 520 / 800),  # 0.35: was #REF! with no reason
        "C3": 800,  # the row-3 cell of Cohorts!B2:B7
        "D3": 5200,
        "E3": 5200,
        "F3": pytest.approx(145.5 * 0.72 / (1 - 520 / 800)),  # CLV from B3: was #VALUE!
        "A10": 80,  # {=SUM('Q3 data'!A1:'Q3 data'!A5*2)}
        "A11": 40,  # a name defined as 'Q3 data'!$A$1:'Q3 data'!$A$5
        "A12": 40,  # the sheet in other capitals on one corner
        "H4": 8,  # whole columns, one corner absolute: row 4's cell
        "A14": 120,  # inside LET
        "A15": 19,  # whole rows
        "H5": 20,  # a name of whole columns: row 5's cell, times 2
        "A17": 3,
        "A20": "#VALUE!",  # corners on two sheets: Excel's range operator gives #VALUE!
        "A21": "#VALUE!",
        "A22": -1,
    }


def test_corners_on_two_sheets_name_the_cell_and_the_range(recalculated):
    _, reports = recalculated
    why = (
        "Value!A20: the range 'Q3 data'!A1:Value!A5 joins corners on two sheets, Q3 data and Value: Excel's range "
        "operator (:) takes references on one sheet and gives #VALUE!; write both corners on the same sheet (#VALUE!)"
    )
    assert _errors(reports, "corners") == {
        "Value!A20": ("#VALUE!", why),
        "Value!A21": ("#VALUE!", why + ", from Value!A20"),
    }


def test_an_undefined_name_in_a_workbook_without_names_is_named(recalculated):
    _, reports = recalculated
    why = (
        "S!D1: the formula uses the name NOSUCHNAME, which the workbook does not define (deleted?): define it again "
        "in Formulas > Name Manager (#NAME?)"
    )
    assert _errors(reports, "chain") == {"S!D1": ("#NAME?", why), "S!D2": ("#NAME?", why + ", from S!D1")}


def test_readers_of_an_unprefixed_function_and_of_an_unexplained_ref_get_their_reason(recalculated):
    _, reports = recalculated
    minifs = (
        "MINIFS is stored without Excel's _xlfn. prefix, which Excel reads as no function: #NAME? (a function newer "
        "than Excel 2007 is stored as _xlfn.MINIFS(...), as Excel writes it; with openpyxl write =_xlfn.MINIFS(...))"
    )
    index = (
        "S!E1: the formula =INDEX(A1:A2,5) gives #REF!: a reference that is not there (a position past a range's "
        "end, a deleted sheet, row or column) or one the embedded engine cannot read; recalc finds no deleted sheet, "
        "row, column or name in it: check the cell in Excel (#REF!)"
    )
    assert _errors(reports, "chain3") == {
        "S!C1": ("#NAME?", minifs),
        "S!C2": ("#NAME?", minifs + ", from S!C1"),
        "S!C3": ("#NAME?", minifs + ", from S!C1"),
        "S!E1": ("#REF!", index),
        "S!E2": ("#REF!", index + ", from S!E1"),
        "S!E3": ("#REF!", index + ", from S!E1"),  # through a range
        "S!E4": (
            "#REF!",
            "S!E4: T!A1:T!A3 names the sheet 'T', which the workbook does not have (renamed or deleted? its sheets: "
            "S): write the sheet's name again in the formula, or put the sheet back (#REF!)",
        ),
    }
