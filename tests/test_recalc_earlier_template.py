"""``recalc`` keeps a workbook's formulas, so a tracker an earlier template made kept its formulas and was ``ok`` over
values this version computes differently (fixes reach a tracker only through import or extend), with nothing said.
Now recalc says so in one line naming the file, the cells and ``xl-retention upgrade FILE``, its formulas unchanged;
the status stays ``ok`` (the values are those of the workbook's own formulas, computed right: a tracker an earlier
version made, recalculated as it is, is no failure); ``upgrade`` gives them this version's formulas without
importing or adding a month. A formula of an earlier template that computes the same values (written otherwise for
speed: upgrade.SAME_VALUES) is no reason to name it.

tests/data/template_before_2026-12-03.xlsx is the template as made before 2026-12-03 (test_dashboard_relayout.py).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import openpyxl
from cli_process import run

from xl_retention.workbook.monthly import CUSTOMERS
from xl_retention.workbook.monthly_formulas import END_SEQ_ARRAY
from xl_retention.workbook.template import render_formula
from xl_retention.workbook.upgrade_file import earlier_template_line, upgrade_workbook

EARLIER = Path(__file__).parent / "data" / "template_before_2026-12-03.xlsx"
TEMPLATE = Path(__file__).parents[1] / "workbooks" / "retention_template.xlsx"
#: the cells of EARLIER whose formulas this version's template writes otherwise (import and extend upgrade them)
#: ('NPS'!F2:F25 since H230: the NPS of answers only, blank beside counts typed, -100 for a 1-5 survey; the chart
#: columns of the CRR, NRR, GRR and NPS since H261: a rate typed outside its range is a gap, not a point at 9500%;
#: the Revenue rates K:N since H325: a month with none of its movements typed is #VALUE!, not NRR 100%; the
#: Dashboard's notes beside the NPS and CLV, E8:G8 and E9:G9, since H347; the customers and MRR at start, B3:B25, since
#: H384's finding 01: an error pasted in a month's own gained or movements no longer makes its start that error; the
#: Customers lost, CRR, churn and months with customers at end E:G, K since H474: a boolean typed is #VALUE!, not 1;
#: the NPS margin of error 'NPS'!G2:G25 since H575: blank beside counts typed)
CELLS = (
    "'Customers'!B3:B25, 'Customers'!E2:E25, 'Customers'!F2:F25, 'Customers'!G2:G25, 'Customers'!I2:I25, "
    "'Customers'!K2:K25 and 111 more"
)


def _formulas(path: Path) -> dict[tuple[str, str], str]:
    wb = openpyxl.load_workbook(path)
    return {
        (ws.title, cell.coordinate): cell.value
        for ws in wb.worksheets
        for row in ws.iter_rows()
        for cell in row
        if isinstance(cell.value, str) and cell.value.startswith("=")
    }


def test_recalc_names_a_tracker_of_an_earlier_template_and_keeps_its_formulas(tmp_path):
    book = tmp_path / "old tracker.xlsx"
    shutil.copy(EARLIER, book)
    before = _formulas(book)
    result = run("recalc", book, "--output-dir", tmp_path / "out", "--json")
    assert result.returncode == 0, result.stderr
    (report,) = json.loads(result.stdout)["files"]
    assert report["status"] == "ok"
    assert report["message"] == (
        f"old tracker.xlsx: holds formulas of an earlier xl-retention template ({CELLS}), which this version computes "
        "differently, and recalc keeps a workbook's formulas: bring them up with xl-retention upgrade "
        f"'{book}' (your values and formulas of your own are kept), then recalculate"
    )
    assert _formulas(book) == before
    assert _formulas(tmp_path / "out" / "old tracker.xlsx") == before


def test_a_tracker_of_this_version_is_not_named():
    assert earlier_template_line(TEMPLATE) is None


def test_upgrade_gives_this_versions_formulas_and_recalc_is_ok_then(tmp_path):
    book = tmp_path / "t.xlsx"
    shutil.copy(EARLIER, book)
    result = run("upgrade", book)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == (
        "brought the formulas an earlier version of the template wrote up to this version's (your values and "
        f"formulas of your own are kept): {CELLS}"
    )
    upgraded, template = _formulas(book), _formulas(TEMPLATE)
    for key in (("Lifetime value", "B5"), ("Dashboard", "B4"), ("Cohorts", "B58"), ("Cohorts", "E59")):
        assert upgraded[key] == template[key] != _formulas(EARLIER)[key]
    assert earlier_template_line(book) is None
    raw = book.read_bytes()
    again = run("upgrade", book)
    assert again.returncode == 0, again.stderr
    assert again.stdout == f"{book}: its formulas are this version's already (nothing changed)\n"
    assert book.read_bytes() == raw  # not written
    result = run("recalc", book, "--output-dir", tmp_path / "out", "--json")
    assert result.returncode == 0, result.stdout
    assert json.loads(result.stdout)["files"][0]["status"] == "ok"


def test_an_earlier_form_of_the_same_values_is_upgraded_but_not_named(tmp_path):
    """Customers at end's running count with array arithmetic (the same values, slower): recalc says nothing of it;
    upgrade gives it this version's formula. (Customers at start counted so, the example before, computes otherwise
    since a #N/A pasted in a month's gained no longer makes its start #N/A: H384's finding 01.)"""
    book = tmp_path / "t.xlsx"
    assert run("new", book, "--start", "2026-01", "--months", "6").returncode == 0
    wb = openpyxl.load_workbook(book)
    letters = {c.key: openpyxl.utils.get_column_letter(i) for i, c in enumerate(CUSTOMERS.columns, start=1)}
    ref = f"{letters['end_seq']}3"
    current = wb["Customers"][ref].value
    wb["Customers"][ref] = render_formula(END_SEQ_ARRAY, letters, 3)
    wb.save(book)
    assert earlier_template_line(book) is None
    assert upgrade_workbook(book).upgraded == [f"'Customers'!{ref}"]
    assert openpyxl.load_workbook(book)["Customers"][ref].value == current


def test_upgrade_refuses_a_workbook_that_is_not_a_tracker_in_one_line(tmp_path):
    book = tmp_path / "own.xlsx"
    openpyxl.Workbook().save(book)
    result = run("upgrade", book)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        "xl-retention: error: own.xlsx has none of the monthly sheets of a tracker (xl-retention new makes one)\n"
    )
