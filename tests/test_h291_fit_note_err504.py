"""H291 task 5: the note beside the sBG fit on Cohorts said '#NUM!: counts that rise, ...' where LibreOffice shows
Err:504 in the fit's cells (it has none of the functions and computes each cell that stores an error again,
cd417858), so a LibreOffice user read a reason for an error the sheet did not show. The note now says both:
'#NUM! (Err:504 in LibreOffice): ...', as Start here does."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest
from libreoffice_text import printed_text

from xl_retention.recalculation import recalc_file
from xl_retention.workbook import build_template

SAID = "#NUM! (Err:504 in LibreOffice): "


def _recalculated(tmp_path, triangle):
    tmp_path.mkdir(exist_ok=True)
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=4, inputs={"Cohorts": triangle})
    out = tmp_path / "r.xlsx"
    recalc_file(path, out)
    ws = openpyxl.load_workbook(out, data_only=True)["Cohorts"]
    fit = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "BdW fit") - 1  # A: "fit"
    return out, ws, fit


def test_the_fit_notes_say_num_and_err504(tmp_path) -> None:
    _, ws, fit = _recalculated(tmp_path / "a", [[100, 80], [90]])  # 2 months of cohorts: no fit
    assert [ws.cell(fit, c).value for c in (2, 3, 4)] == ["#NUM!"] * 3
    assert ws.cell(fit, 7).value.startswith(SAID + "counts that rise, counts not whole")
    assert ws.cell(fit + 1, 7).value.startswith("no BdW fit: " + SAID + "counts that rise")
    _, ws, fit = _recalculated(tmp_path / "b", [[1, 0.8, 0.6, 0.5], [1, 0.7, 0.6], [1, 0.8]])  # shares typed
    assert ws.cell(fit, 7).value == (
        SAID + "the triangle holds counts that are not whole (shares or fractions: a retention curve typed?); the "
        "fits take each cohort's customers: type those, as counted"
    )


@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None, reason="no soffice")
def test_libreoffice_shows_err504_beside_a_note_that_names_it(tmp_path) -> None:
    out, _, _ = _recalculated(tmp_path, [[100, 80], [90]])
    text = printed_text(Path(out), tmp_path)
    lines = text.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("sBG fit"))
    assert lines[at].split()[2:5] == ["Err:504"] * 3
    near = " ".join(" ".join(line.split()) for line in lines[at - 3 : at + 2])
    assert "#NUM! (Err:504 in LibreOffice)" in near
