"""H285's finding 01: LibreOffice shows Err:504 (not #NAME? or #NUM!) in the sBG fit's cells of a tracker whose
fit failed (the file stores #NUM!), and Start here named only #NAME?. Start here now says what LibreOffice shows
there and why: it has none of the functions and computes again each cell that stores an error."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest
from libreoffice_text import printed_text

from xl_retention.recalculation import recalc_file
from xl_retention.workbook import build_template

LINES = [
    "#NAME?: the functions are not loaded. LibreOffice has none of them and computes each cell that stores an error",
    "again: #NAME? there, Err:504 in the sBG fit's cells (Cohorts, Lifetime value; the note beside the fit says why).",
]


def _start_here(path) -> list[str]:
    return [row[0] for row in openpyxl.load_workbook(path)["Start here"].iter_rows(values_only=True) if row[0]]


def test_start_here_names_libreoffices_err504_and_why(tmp_path) -> None:
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=3)
    assert _start_here(path)[-2:] == LINES
    ws = openpyxl.load_workbook(path)["Start here"]
    assert ws.column_dimensions["A"].width >= 1.2 * max(len(line) for line in LINES)


@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None, reason="no soffice")
def test_libreoffice_shows_err504_where_the_fit_stores_num(tmp_path) -> None:
    """The figures behind the text: 2 months of cohorts, the fit #NUM! in the file, Err:504 in LibreOffice."""
    inputs = {"Cohorts": [[100, 80], [90]]}
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=3, inputs=inputs)
    out = tmp_path / "r.xlsx"
    report = recalc_file(path, out)
    assert {(e.address, e.error) for e in report.errors if e.address.startswith("Cohorts")} == {
        ("Cohorts!B16", "#NUM!"), ("Cohorts!C16", "#NUM!"), ("Cohorts!D16", "#NUM!")
    }  # fmt: skip
    text = printed_text(Path(out), tmp_path)
    fit = [line for line in text.splitlines() if line.startswith("sBG fit")]
    assert fit and fit[0].split()[2:5] == ["Err:504"] * 3
    assert "Err:504" in " ".join(_start_here(out))
