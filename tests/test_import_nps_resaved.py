"""import --nps into a tracker that another program saved once (LibreOffice, openpyxl: numbers written with the
explicit numeric type, ``<c r="B2" t="n"><v>10</v></c>``): the answers there are numbers like Excel's untyped ones.

Before, every kept answer read as "(a value)": the same survey exported again was refused as "not among its first or
last answers", and the answers written again were listed as replaced.
"""

from __future__ import annotations

import zipfile

import openpyxl
from test_import_into import run, write

from xl_retention.workbook import build_template

FIRST = "date,score\n2026-01-05,10\n2026-01-09,8\n2026-01-20,3\n2026-02-02,9\n2026-02-14,6\n"
AGAIN = FIRST + "2026-03-03,10\n2026-03-20,7\n"


def _resaved_tracker(tmp_path):
    book = tmp_path / "t.xlsx"
    build_template(book, start="2026-01", months=3)
    first = run("import", "--nps", write(tmp_path, "survey.csv", FIRST), "--into", book)
    assert first.returncode == 0, first.stderr
    wb = openpyxl.load_workbook(book)
    wb["Customers"]["L1"] = "My notes"
    wb.save(book)
    with zipfile.ZipFile(book) as package:  # what makes the case: numbers typed explicitly
        assert b'<c r="B2" t="n"><v>10</v></c>' in package.read("xl/worksheets/sheet6.xml")  # NPS scores
    return book


def _scores(book):
    ws = openpyxl.load_workbook(book)["NPS scores"]
    return {c: [ws[f"{c}{r}"].value for r in range(2, 5)] for c in "BCD"}


def test_the_same_survey_exported_again_is_imported_into_a_resaved_tracker(tmp_path):
    book = _resaved_tracker(tmp_path)
    result = run("import", "--nps", write(tmp_path, "again.csv", AGAIN), "--into", book)
    assert result.returncode == 0, result.stderr
    assert _scores(book) == {"B": [10, 8, 3], "C": [9, 6, None], "D": [10, 7, None]}
    assert "replaced" not in result.stdout  # the answers written again are the same numbers
    assert openpyxl.load_workbook(book)["Customers"]["L1"].value == "My notes"


def test_an_earlier_answer_found_since_keeps_the_answers_in_their_cells(tmp_path):
    book = _resaved_tracker(tmp_path)
    earlier = "date,score\n2026-01-02,5\n" + FIRST.split("\n", 1)[1]  # January's 3 are its last ones
    result = run("import", "--nps", write(tmp_path, "earlier.csv", earlier), "--into", book)
    assert result.returncode == 0, result.stderr
    ws = openpyxl.load_workbook(book)["NPS scores"]  # the 3 kept in their cells, the new 5 below (H74: they moved
    assert [ws[f"B{r}"].value for r in range(2, 7)] == [10, 8, 3, 5, None]  # down a row, listed as 3 replaced)
    assert "replaced" not in result.stdout


def test_another_survey_of_the_month_is_still_refused_in_a_resaved_tracker(tmp_path):
    book = _resaved_tracker(tmp_path)
    before = book.read_bytes()
    result = run("import", "--nps", write(tmp_path, "kiosk.csv", "date,score\n2026-01-07,4\n"), "--into", book)
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and result.stderr.startswith(
        "xl-retention: error: kiosk.csv has 1 answer for 2026-01, where 'NPS scores'!B2:B4 already holds 3"
    )
    assert book.read_bytes() == before
