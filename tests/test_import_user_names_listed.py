"""import --into that adds months: a defined name of the user's over the months is widened like a formula of theirs,
and listed with them (old and new); the template's own names follow the months without a word.

Before, ``Q1_Gained = Customers!$C$2:$C$4`` (the first quarter's gained customers) silently became ``$C$2:$C$6``:
the user's ``=SUM(Q1_Gained)`` went from 4 to 7 under a label that says Q1, and the import said nothing of it.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
from cli_process import run
from openpyxl.workbook.defined_name import DefinedName

from xl_retention.workbook import build_template

Q1 = "customer_id,month,mrr\na,2026-01,100\nb,2026-01,50\na,2026-02,100\nc,2026-02,80\na,2026-03,120\nd,2026-03,40\n"
TO_MAY = Q1 + "a,2026-04,120\nd,2026-04,40\ne,2026-04,60\na,2026-05,120\nf,2026-05,30\n"


def test_a_users_names_widened_to_the_added_months_are_listed(tmp_path: Path) -> None:
    book = build_template(tmp_path / "t.xlsx", start="2026-01", months=3)
    (tmp_path / "q1.csv").write_text(Q1)
    assert run("import", "--subscriptions", tmp_path / "q1.csv", "--into", book).returncode == 0
    wb = openpyxl.load_workbook(book)
    wb.defined_names["Q1_Gained"] = DefinedName("Q1_Gained", attr_text="Customers!$C$2:$C$4")
    wb.defined_names["Jan_Feb"] = DefinedName("Jan_Feb", attr_text="Customers!$C$2:$C$3")  # not to the last month
    board = wb.create_sheet("Board")
    board["A1"], board["B1"] = "Customers gained in Q1", "=SUM(Q1_Gained)"
    board.defined_names["MRR_Q1"] = DefinedName("MRR_Q1", attr_text="'Revenue'!$H$2:$H$4")  # the sheet's own name
    wb.save(book)

    (tmp_path / "may.csv").write_text(TO_MAY)
    done = run("import", "--subscriptions", tmp_path / "may.csv", "--into", book, "--recalc")
    assert done.returncode == 0, done.stderr
    line = next(x for x in done.stdout.splitlines() if "of yours over the months" in x)
    assert line.startswith(
        "2 formula(s) of yours over the months now take in the months added: name Q1_Gained =Customers!$C$2:$C$4 -> "
        "=Customers!$C$2:$C$6; name 'Board'!MRR_Q1 ='Revenue'!$H$2:$H$4 -> ='Revenue'!$H$2:$H$6 (a range"
    ), line
    assert "Customers_End" not in done.stdout and "Jan_Feb" not in done.stdout  # the template's names: silent

    wb = openpyxl.load_workbook(book)
    assert wb.defined_names["Q1_Gained"].attr_text == "Customers!$C$2:$C$6"
    assert wb.defined_names["Jan_Feb"].attr_text == "Customers!$C$2:$C$3"
    assert wb.defined_names["Customers_End"].attr_text == "'Customers'!$D$2:$D$6"
    assert openpyxl.load_workbook(book, data_only=True)["Board"]["B1"].value == 6  # a b c d e f: gained in five months
