"""``import --nps FILE --into T --replace-typed`` listed the typed answers it replaced on 'NPS scores' that were a text,
an error or a logical as ``(was "(a value)")`` (H384's finding 04): a typo '9o', a pasted #N/A and a TRUE were gone
from the workbook and the one record of them did not say what they were. They are listed now as the Customers
sheet's are (a text and an error in double quotes, a logical as TRUE), and a TRUE where the file gives 1 is listed
too (Python's True == 1 took it for the same figure). One tracker built and imported into for the module.
"""

from __future__ import annotations

import contextlib
import io

import openpyxl
import pytest

from xl_retention import cli
from xl_retention.workbook import build_template

#: January 1, 1; February 10, 9, 9, 8, 2 (the answers typed by hand in February, one typo'd)
ANSWERS = "date,score\n2026-01-05,1\n2026-01-09,1\n" + "".join(
    f"2026-02-{day:02d},{score}\n" for day, score in zip((2, 4, 6, 8, 10), (10, 9, 9, 8, 2), strict=True)
)


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    folder = tmp_path_factory.mktemp("h390_04")
    path = build_template(folder / "t.xlsx", start="2026-01", months=12)
    wb = openpyxl.load_workbook(path)
    sheet = wb["NPS scores"]
    sheet["B2"] = "#N/A"
    sheet["B2"].data_type = "e"  # January: a pasted #N/A
    sheet["B3"] = True  # and a TRUE
    for row, value in enumerate([10, 9, "9o", 8, 2], start=2):  # February typed by hand, one with a letter o
        sheet.cell(row, 3, value)
    wb.save(path)
    (folder / "answers.csv").write_text(ANSWERS)
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        status = cli.main(["import", "--nps", str(folder / "answers.csv"), "--into", str(path), "--replace-typed"])
    return status, out.getvalue(), path


def test_each_replaced_answer_is_listed_with_the_value_it_was(imported):
    status, out, _ = imported
    assert status == 0, out
    assert (
        "replaced 3 values already in those months (typed by hand or by an earlier import; --replace-typed): "
        "'NPS scores'!B2 (was \"#N/A\"), 'NPS scores'!B3 (was TRUE), 'NPS scores'!C4 (was \"9o\")"
    ) in out.splitlines()
    assert "(a value)" not in out


def test_the_files_answers_are_written_in_their_place(imported):
    ws = openpyxl.load_workbook(imported[2])["NPS scores"]
    assert [ws.cell(r, 2).value for r in range(2, 5)] == [1, 1, None]
    assert [ws.cell(r, 3).value for r in range(2, 8)] == [10, 9, 9, 8, 2, None]
