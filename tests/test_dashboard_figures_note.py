"""The Dashboard's note under its latest figures (A10) is true of a tracker kept by hand too (H159's finding 10).

It said "Charts show the months whose movements are known: from the month after the data's first (nobody is a
customer at its start) ...", printed to management from a tracker whose January had 120 customers at its start typed,
and whose charts rightly start in January (recalc fits them from the first month with a retention rate). Now it says
that rule; an earlier template's note is brought up to it by extend and import (as its sheet name is followed,
see_texts.py), a text of the user's in A10 stays. Workbooks made by build_template; the earlier one is
tests/data/template_before_2026-12-03.xlsx (the template at e9d1452~1).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
from cli_process import run

from xl_retention.workbook import build_template

NOTE = (
    "Each figure is the last month that has it; one in error in a later month says where (see Customers!F3). Charts "
    "show the months with figures: from the first month with a retention rate (an import's first month has none, "
    "starting from no customers) to the last month with data."
)
EARLIER = Path(__file__).parent / "data" / "template_before_2026-12-03.xlsx"


def test_the_note_says_where_charts_start_for_a_typed_start_and_an_imports(tmp_path):
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=3)
    assert openpyxl.load_workbook(path)["Dashboard"]["A10"].value == NOTE


def test_extend_brings_an_earlier_templates_note_up_to_this_versions(tmp_path):
    path = tmp_path / "t.xlsx"
    shutil.copyfile(EARLIER, path)
    assert "nobody is a customer at its start" in openpyxl.load_workbook(path)["Dashboard"]["A10"].value
    assert run("extend", path, "--months", "1").returncode == 0
    assert openpyxl.load_workbook(path)["Dashboard"]["A10"].value == NOTE


def test_an_earlier_note_on_a_renamed_customers_sheet_names_it(tmp_path):
    path = tmp_path / "t.xlsx"
    shutil.copyfile(EARLIER, path)
    wb = openpyxl.load_workbook(path)
    wb["Customers"].title = "Kunden"
    wb.save(path)
    assert run("extend", path, "--months", "1").returncode == 0
    assert openpyxl.load_workbook(path)["Dashboard"]["A10"].value == NOTE.replace("Customers!F3", "Kunden!F3")


def test_a_note_of_the_users_in_a10_stays(tmp_path):
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=3)
    wb = openpyxl.load_workbook(path)
    wb["Dashboard"]["A10"] = "Charts show the months whose movements are known: ask Ann (Customers!F3)."
    wb.save(path)
    assert run("extend", path, "--months", "1").returncode == 0
    assert openpyxl.load_workbook(path)["Dashboard"]["A10"].value.endswith("ask Ann (Customers!F3).")
