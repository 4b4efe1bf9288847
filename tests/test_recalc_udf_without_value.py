"""recalc of a workbook a script wrote (no values stored) calling a function Excel does not have: an add-in's, a
macro's or the user's own UDF (=GET_MRR(A1)), or a misspelling. What Excel gives there depends on the add-in being
loaded, so the cell and the cells reading it are listed as unsupported (status incomplete, exit 1, no value stored),
as FORECAST.ETS without a stored value is; H4 finding 06: #NAME? was stored in them with status ok."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import openpyxl
from test_recalc_kept import patch, recalculated, stored

REASON = (
    "GET_MRR is not an Excel function: an add-in's, a macro's or a UDF's (or a misspelling), which Excel computes only "
    "where it is loaded; the file holds no value of it and the embedded engine does not have it"
)


def _model(tmp_path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Model"
    ws["A1"], ws["B1"], ws["C1"] = 5, "=GET_MRR(A1)", "=B1*2"
    ws["D1"] = "=IFERROR(GET_MRR(A1),0)"  # the engine's #NAME? hidden: 0 only where the add-in is missing
    ws["E1"] = "=A1*3"
    path = tmp_path / "model.xlsx"
    wb.save(path)
    return path


def test_a_udf_without_a_stored_value_makes_the_file_incomplete(tmp_path: Path) -> None:
    path = _model(tmp_path)
    done = subprocess.run(
        [sys.executable, "-m", "xl_retention", "recalc", str(path), "--json"], capture_output=True, text=True
    )
    assert done.returncode == 1, done.stdout + done.stderr
    file = json.loads(done.stdout)["files"][0]
    assert file["status"] == "incomplete" and file["errors"] == []
    listed = {u["address"]: (u["function"], u["reason"]) for u in file["unsupported"]}
    assert sorted(listed) == ["Model!B1", "Model!C1", "Model!D1"]
    assert listed["Model!B1"] == ("GET_MRR", REASON)
    assert listed["Model!D1"] == ("GET_MRR", REASON)
    values = openpyxl.load_workbook(tmp_path / "model.recalc.xlsx", data_only=True)["Model"]
    assert [values[ref].value for ref in ("B1", "C1", "D1", "E1")] == [None, None, None, 15]


def test_excels_own_name_error_stored_for_it_stays_the_workbooks_error(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Model"
    ws["A1"], ws["B1"], ws["C1"], ws["E1"] = 5, "=SUMM(A1)", "=B1*2", "=A1*3"
    path = tmp_path / "typo.xlsx"
    wb.save(path)
    sheet = "xl/worksheets/sheet1.xml"
    patch(path, sheet, stored(b"B1", b"#NAME?"), stored(b"C1", b"#NAME?"))  # as Excel saves a typo
    patch(path, sheet, (rb'<c r="B1"', rb'<c r="B1" t="e"'), (rb'<c r="C1"', rb'<c r="C1" t="e"'))
    got, file = recalculated(path, "ok")  # Excel had no such function either: its #NAME?, as Excel shows it
    assert [(e.address, e.error) for e in file.errors] == [("Model!B1", "#NAME?"), ("Model!C1", "#NAME?")]
    assert file.unsupported == [] and got["Model!E1"] == 15
