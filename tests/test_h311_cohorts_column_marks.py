"""H311 (3): a merged range or a hyperlink in the user's own column beside the Cohorts tables stopped extend ("Cohorts
has merged cells of its own (O7:P7) ...", "Cohorts has hyperlinks of its own ...") after 14a77764 moved the column
whole with its widths, formats, notes, rules and formulas. Now they move with it, as Excel's Insert Columns moves
them: the merge O7:P7 to Q7:R7, a link to a web address on O8 to Q8 (its relationship kept), one to a place in the
workbook on O9 to Q9."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import openpyxl
import pytest
from openpyxl.worksheet.hyperlink import Hyperlink
from test_h291_cohorts_user_column import _hand_kept, _moved_whole

from xl_retention import cli


def _marked(path: Path) -> Path:
    _hand_kept(path)
    wb = openpyxl.load_workbook(path)
    ws = wb["Cohorts"]
    ws["O7"] = "Spring campaign over two columns"
    ws.merge_cells("O7:P7")
    ws["O8"], ws["O9"] = "Campaign brief", "Back to Customers"
    ws["O8"].hyperlink = "https://example.com/brief"
    ws["O9"].hyperlink = Hyperlink(ref="O9", location="Customers!A1")
    wb.save(path)
    return path


def test_merged_cells_and_links_move_with_the_column(tmp_path, capsys) -> None:
    path = _marked(tmp_path / "t.xlsx")
    assert cli.main(["extend", str(path), "--months", "3"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == (
        "Cohorts!O3:P9 (yours, right of the tables) moved to Q3:R9, right of the grown tables, as inserting columns "
        "would move it"
    )
    _moved_whole(path)
    ws = openpyxl.load_workbook(path)["Cohorts"]
    assert {str(r) for r in ws.merged_cells.ranges if r.min_row < 10} == {"Q7:R7"}  # the template's own are lower
    assert (ws["Q7"].value, ws["O7"].value) == ("Spring campaign over two columns", None)
    assert (ws["Q8"].hyperlink.target, ws["Q8"].value) == ("https://example.com/brief", "Campaign brief")
    assert (ws["Q9"].hyperlink.location, ws["Q9"].value) == ("Customers!A1", "Back to Customers")
    assert (ws["O8"].hyperlink, ws["O9"].hyperlink) == (None, None)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="no soffice")
def test_libreoffice_opens_the_grown_sheet_with_its_merge_and_links(tmp_path) -> None:
    """The grown sheet's markup is valid: LibreOffice converts it, the merged text over Q:R, the links' texts kept."""
    from libreoffice_text import printed_text

    path = _marked(tmp_path / "t.xlsx")
    assert cli.main(["extend", str(path), "--months", "3"]) == 0
    with zipfile.ZipFile(path) as z:
        assert z.testzip() is None
    text = printed_text(path, tmp_path)
    assert "Spring campaign over two columns" in text and "Campaign brief" in text
