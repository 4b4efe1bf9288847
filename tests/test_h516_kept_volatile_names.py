"""H516's finding 05: a value kept where the engine lacks the function (a UDF's GET_MRR, FORECAST.ETS) that reads
TODAY() or RAND() through a defined name (``Today_ = TODAY()``, ``Age = TODAY()-S!$A$1``, ``Days =
LAMBDA(x,TODAY()-x)``, ``Rnd = RAND()``) is Excel's answer for the day it saved the file, as ``GET_MRR(TODAY())``'s
is: listed, not stored, the file `incomplete` (README, recalc's statuses). It was kept under ok. A name defined by a
formula calling no such function (``Rate = 0.05``) keeps the stored value."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import openpyxl
from openpyxl.workbook.defined_name import DefinedName

from xl_retention import cli

UDF = "GET_MRR is not an Excel function: an add-in's, a macro's or a UDF's, which the embedded engine does not have"
MOVED = "whose value has changed since Excel stored this one"
CELLS = {  # cell: (formula, stored value, reason, or None when kept)
    "C1": ("GET_MRR(Today_)", 7, f"{UDF}; it calls TODAY() through the name Today_, {MOVED}"),
    "C2": ("GET_MRR(Age)", 8, f"{UDF}; it calls TODAY() through the name Age, {MOVED}"),
    "C3": (
        "_xlfn.FORECAST.ETS(Today_,{1,2,3},{46000,46030,46060})",
        9,
        f"unsupported function FORECAST.ETS; it calls TODAY() through the name Today_, {MOVED}",
    ),
    "C4": ("GET_MRR(TODAY())", 10, f"{UDF}; it calls TODAY(), {MOVED}"),
    "C5": ("GET_MRR(Days(S!A1))", 11, f"{UDF}; it calls TODAY() through the name Days, {MOVED}"),
    "C6": ("GET_MRR(Rnd)", 12, f"{UDF}; it calls RAND() through the name Rnd, {MOVED}"),
    "C7": ("GET_MRR(Later)", 13, f"{UDF}; it calls TODAY() through the name Later, {MOVED}"),
    "C8": ("GET_MRR(Rate)", 14, None),
}


def _build(path: Path, cells: list[str]) -> None:
    """As Excel saved it on 2026-10-01: S!A1 = 46000, B1 =TODAY() stored 46296, the names, ``cells`` of CELLS."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "S"
    ws["A1"], ws["B1"] = 46000, "=TODAY()"
    for name, text in [
        ("Today_", "TODAY()"),
        ("Age", "TODAY()-S!$A$1"),
        ("Days", "_xlfn.LAMBDA(_xlpm.x,TODAY()-_xlpm.x)"),
        ("Rnd", "RAND()"),
        ("Later", "Age+1"),  # through another name
        ("Rate", "0.05"),
    ]:
        wb.defined_names[name] = DefinedName(name, attr_text=text)
    for cell in cells:
        ws[cell] = "=" + CELLS[cell][0]
    wb.save(path)
    with zipfile.ZipFile(path) as z:
        parts = {i.filename: z.read(i) for i in z.infolist()}
    x = parts["xl/worksheets/sheet1.xml"].decode()
    for cell, value in [("B1", 46296), *((c, CELLS[c][1]) for c in cells)]:
        x, n = re.subn(rf'(<c r="{cell}"[^>]*>)(<f>[^<]*</f>)<v\s*/>', rf"\1\2<v>{value}</v>", x)
        assert n == 1, cell
    parts["xl/worksheets/sheet1.xml"] = x.encode()
    core = parts["docProps/core.xml"].decode()
    core = re.sub(r"(<dcterms:(?:modified|created)[^>]*>)[^<]*(</dcterms:)", r"\g<1>2026-10-01T10:00:00Z\2", core)
    parts["docProps/core.xml"] = core.encode()
    parts["docProps/app.xml"] = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org'
        b'/officeDocument/2006/extended-properties"><Application>Microsoft Excel</Application>'
        b"<AppVersion>16.0300</AppVersion></Properties>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in parts.items():
            out.writestr(name, data)


def _run(tmp_path: Path, cells: list[str], capsys) -> dict:
    book = tmp_path / "t.xlsx"
    _build(book, cells)
    cli.main(["recalc", str(book), "--engine", "embedded", "--json"])
    return json.loads(capsys.readouterr().out)["files"][0]


def test_a_volatile_call_through_a_name_is_stale_as_written_in_the_cell(tmp_path: Path, capsys) -> None:
    got = _run(tmp_path, list(CELLS), capsys)
    assert got["status"] == "incomplete"
    reasons = {u["address"]: (u["kept"], u["reason"]) for u in got["unsupported"]}
    assert reasons == {f"S!{cell}": (reason is None, reason or UDF) for cell, (_, _, reason) in CELLS.items()}, reasons
    values = openpyxl.load_workbook(tmp_path / "t.recalc.xlsx", data_only=True)["S"]
    assert [values[c].value for c in CELLS] == [None] * 7 + [14]


def test_names_alone_under_ok_before_now_listed(tmp_path: Path, capsys) -> None:
    """Without the direct call beside them the file came out ok, "3 cells keep the values Excel stored"."""
    got = _run(tmp_path, ["C1", "C2", "C3"], capsys)
    assert got["status"] == "incomplete"
    assert [u["kept"] for u in got["unsupported"]] == [False, False, False]


def test_a_name_calling_no_volatile_function_keeps_the_stored_value(tmp_path: Path, capsys) -> None:
    got = _run(tmp_path, ["C8"], capsys)
    assert got["status"] == "ok"
    assert [(u["address"], u["kept"]) for u in got["unsupported"]] == [("S!C8", True)]
