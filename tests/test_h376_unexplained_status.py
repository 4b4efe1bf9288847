"""An engine #REF! recalc cannot explain no longer leaves the file ``ok`` (H376). H372 gave each #REF!/#NAME? no reason
step explains the reason "... or one the embedded engine cannot read ...: check the cell in Excel", but the file stayed
``ok``: ``=SUM(S!A1:S!A3:A4)``, 100 in Excel (the range S!A1:S!A3 extended to A4), was the engine's #REF! in a file
reported as fully computed. Now such a cell whose stored value is another (Excel computed something else) or none (a
program wrote the formula) makes the file ``incomplete``, the message naming the cell, its formula and what Excel
stored; where Excel stored the same #REF! (``=INDEX(A1:A2,5)``), the engine agrees with Excel and the file stays ``ok``;
so too where none is stored for a #REF! INDEX, a lookup or a spill reference gives by its arguments' values
(``=VLOOKUP(10,A1:A5,3)``), and for the #REF!s recalc explains (a deleted reference, a missing sheet). One in-process
CLI recalc of four openpyxl workbooks, one Python ``recalc`` of one of them.
"""

from __future__ import annotations

import contextlib
import io
import json
import zipfile
from pathlib import Path

import pytest
from one_sheet import stored_book

import xl_retention
from xl_retention import cli

_TAIL = (
    ": the embedded engine cannot read the formula or Excel did not compute it, and recalc finds no cause for the "
    "error, so these cells and those reading them have no value it can vouch for: check them in Excel (the output "
    "asks Excel to compute the workbook when it opens it)"
)


_CASES = {
    # Excel computed 100; the engine's #REF!, its reader B2 too
    "differs": ({"B1": "=SUM(S!A1:S!A3:A4)", "B2": "=B1+1", "B3": "=A1*2"}, {"B1": "100", "B2": "101", "B3": "20"}),
    # a program wrote the formulas: Excel never computed them (C1 and D1's #REF!: INDEX's and a spill reference's)
    "none": (
        {"B1": "=SUM(S!A1:S!A3:A4)", "C1": "=INDEX(A1:A2,5)", "D1": "=A1#", "E1": "=SUM(S!A2:S!A3:A4)"}
        | {"F1": "=SUM(S!A1:S!A2:A5)", "G1": "=SUM(S!A3:S!A4:A5)"},
        {},
    ),
    # Excel's own #REF! (past the range's end), stored by Excel; one Excel never computed, by INDEX's position
    "same": ({"B1": "=INDEX(A1:A2,5)", "B2": "=B1+1", "B3": "=VLOOKUP(10,A1:A5,3)"}, {"B1": "#REF!", "B2": "#REF!"}),
    # #REF!s recalc explains: a deleted reference, a missing sheet; no value stored
    "explained": ({"B1": "=#REF!*2", "B2": "=SUM(T!A1:T!A3)"}, {}),
}


@pytest.fixture(scope="module")
def recalculated(tmp_path_factory) -> tuple[Path, int, dict[str, dict]]:
    folder = tmp_path_factory.mktemp("h376")
    for name, (formulas, stored) in _CASES.items():
        stored_book(folder / f"{name}.xlsx", formulas, stored)
    buffer = io.StringIO()
    files = [str(folder / f"{name}.xlsx") for name in _CASES]
    with contextlib.redirect_stdout(buffer):
        code = cli.main(["recalc", *files, "--engine", "embedded", "--json", "--output-dir", str(folder / "out")])
    reports = {Path(f["path"]).stem: f for f in json.loads(buffer.getvalue())["files"]}
    return folder, code, reports


def test_an_engine_ref_where_excel_stored_a_number_is_incomplete(recalculated):
    folder, code, reports = recalculated
    assert code == 1  # as for any incomplete file
    report = reports["differs"]
    assert report["status"] == "incomplete"
    assert report["message"] == "differs.xlsx: S!B1 (=SUM(S!A1:S!A3:A4)) is #REF! where Excel stored 100" + _TAIL
    assert [(e["address"], e["error"]) for e in report["errors"]] == [("S!B1", "#REF!"), ("S!B2", "#REF!")]
    # the output asks Excel to compute the workbook when it opens it
    with zipfile.ZipFile(folder / "out" / "differs.xlsx") as package:
        assert 'fullCalcOnLoad="1"' in package.read("xl/workbook.xml").decode()


def test_a_formula_excel_never_computed_is_incomplete_naming_the_first_three_and_the_count(recalculated):
    _, _, reports = recalculated
    report = reports["none"]
    assert report["status"] == "incomplete"
    assert report["message"] == (
        "none.xlsx: S!B1 (=SUM(S!A1:S!A3:A4)) is #REF! where Excel stored no value; S!E1 (=SUM(S!A2:S!A3:A4)) is "
        "#REF! where Excel stored no value; S!F1 (=SUM(S!A1:S!A2:A5)) is #REF! where Excel stored no value, and 1 more "
        "such cells" + _TAIL
    )


def test_excel_s_own_ref_and_explained_refs_stay_ok(recalculated):
    _, _, reports = recalculated
    assert (reports["same"]["status"], reports["same"]["message"]) == ("ok", "")
    assert [(e["address"], e["error"]) for e in reports["same"]["errors"]] == [
        ("S!B1", "#REF!"),
        ("S!B2", "#REF!"),
        ("S!B3", "#REF!"),
    ]
    assert (reports["explained"]["status"], reports["explained"]["message"]) == ("ok", "")
    assert [(e["address"], e["error"]) for e in reports["explained"]["errors"]] == [
        ("S!B1", "#REF!"),
        ("S!B2", "#REF!"),
    ]


def test_the_python_api_gives_the_same_status(recalculated, tmp_path):
    folder, _, _ = recalculated
    report = xl_retention.recalc(folder / "differs.xlsx", engine="embedded", output_dir=tmp_path)
    assert not report.ok
    [file] = report.files
    assert file.status == "incomplete"
    assert file.message == "differs.xlsx: S!B1 (=SUM(S!A1:S!A3:A4)) is #REF! where Excel stored 100" + _TAIL
