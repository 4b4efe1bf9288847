"""A ``#NAME?`` LibreOffice stored for a function it lacks is LibreOffice's answer, not Excel's (H359's finding 02).

A workbook calling the user's own function (``=GET_MRR("acme")``, an XLL's ``_xll.FX_RATE``, an Office.js
``_xludf.MYRATE``), saved by LibreOffice, stores ``#NAME?`` for each call: recalc took it as Excel's own #NAME? (a
typo's) and said ``ok`` with ``#NAME?`` errors of empty reasons. Now such a cell, and what reads it, is listed as for
the same workbook without stored values (``incomplete``), its reason naming LibreOffice. LibreOffice's data table cells
(``TABLE($A$4,$B$1,$A5,$B$2,B$4)``, its MULTIPLE.OPERATIONS) are listed with a reason naming the data table. A
``#NAME?`` Excel itself stored (docProps/app.xml names Excel) stays Excel's answer: ``ok``.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from one_sheet import sheet_book
from test_recalc_kept import SHEET, patch, recalculated

pytest.importorskip("formualizer")

LO = b"LibreOffice/7.4.7.2$Linux_X86_64 LibreOffice_project/40$Build-2"
NOT_KEPT = "the value the file holds was stored by LibreOffice/7.4.7.2, not by Excel: not kept"
ADD_IN = (
    "{} is not an Excel function: an add-in's, a macro's or a UDF's, or a misspelling, which the embedded engine does "
    "not have"
)


def _name_error(ref: str) -> tuple[bytes, bytes]:
    """The replacement storing #NAME? (``t="e"``) as the value of formula cell ``ref``, as LibreOffice writes it."""
    return (
        rb'<c r="' + ref.encode() + rb'"([^>]*?)(?: t="\w+")?>(<f>[^<]*</f>)(?:<v>[^<]*</v>|<v ?/>)?',
        rb'<c r="' + ref.encode() + rb'"\1 t="e">\2<v>#NAME?</v>',
    )


def _book(tmp_path: Path, cells: dict[str, object], errors: list[str], application: bytes) -> Path:
    path = tmp_path / "book.xlsx"
    sheet_book(cells).save(path)
    patch(path, SHEET, *(_name_error(ref) for ref in errors))
    patch(
        path,
        "docProps/app.xml",
        (rb"<Application>[^<]*</Application>", b"<Application>" + application + b"</Application>"),
    )
    return path


UDF = {"A1": "MRR", "B1": '=GET_MRR("acme")', "B2": "=B1*12", "B3": "=CRR(110,20,100)"}


def test_a_udf_saved_by_libreoffice_is_listed_not_taken_as_excels_name_error(tmp_path: Path) -> None:
    got, file = recalculated(_book(tmp_path, UDF, ["B1", "B2", "B3"], LO), "incomplete")
    assert [(u.address, u.function, u.reason, u.kept) for u in file.unsupported] == [
        ("S!B1", "GET_MRR", f"{ADD_IN.format('GET_MRR')}; {NOT_KEPT}", False),
        (
            "S!B2",
            "GET_MRR",
            "reads S!B1 (GET_MRR), which has no current value (the embedded engine cannot compute it)",
            False,
        ),
    ]
    assert file.errors == []
    assert (got["S!B1"], got["S!B2"], got["S!B3"]) == (None, None, 0.9)


def test_add_in_calls_saved_by_libreoffice_are_listed(tmp_path: Path) -> None:
    cells = {"A1": '=_xll.FX_RATE("EURUSD")', "B1": "=_xludf.MYRATE(1)", "A2": "=A1*1000"}
    _, file = recalculated(_book(tmp_path, cells, ["A1", "B1", "A2"], LO), "incomplete")
    assert [(u.address, u.function) for u in file.unsupported] == [
        ("S!A1", "FX_RATE"),
        ("S!B1", "_XLUDF.MYRATE"),
        ("S!A2", "FX_RATE"),
    ]
    assert [u.reason for u in file.unsupported][:2] == [
        f"{ADD_IN.format('FX_RATE')}; {NOT_KEPT}",
        f"{ADD_IN.format('_XLUDF.MYRATE')}; {NOT_KEPT}",
    ]
    assert file.errors == []


def test_libreoffices_data_table_cells_are_listed_with_their_reason(tmp_path: Path) -> None:
    cells: dict[str, object] = {"A1": "churn", "B1": 0.03, "A2": "margin", "B2": 0.8, "A4": "=CLV(100,B2,B1)"}
    cells.update({"B4": 0.6, "C4": 0.7, "A5": 0.02, "A6": 0.05, "G1": "=MAX(B5:C6)"})
    table = [f"{c}{r}" for r in (5, 6) for c in "BC"]
    for ref in table:
        cells[ref] = f"=TABLE($A$4,$B$1,$A{ref[1]},$B$2,{ref[0]}$4)"
    _, file = recalculated(_book(tmp_path, cells, [*table, "G1"], LO), "incomplete")
    reasons = {u.address: (u.function, u.reason) for u in file.unsupported}
    assert sorted(reasons) == ["S!B5", "S!B6", "S!C5", "S!C6", "S!G1"]
    function, reason = reasons["S!B5"]
    assert function == "TABLE"
    assert reason.startswith("TABLE(..) is LibreOffice's What-If data table (its MULTIPLE.OPERATIONS")
    assert reason.endswith(NOT_KEPT)
    assert reasons["S!G1"][0] == "TABLE"
    assert file.errors == []


def test_a_name_error_excel_stored_stays_excels(tmp_path: Path) -> None:
    got, file = recalculated(_book(tmp_path, UDF, ["B1", "B2"], b"Microsoft Excel"), "ok")
    assert file.unsupported == []
    assert [(e.address, e.error) for e in file.errors] == [("S!B1", "#NAME?"), ("S!B2", "#NAME?")]
    assert re.fullmatch(r"#NAME\?", str(got["S!B1"]))
