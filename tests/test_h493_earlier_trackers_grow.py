"""Earlier templates' trackers through extend, import --into and upgrade (H486's findings 01, 02 and 04).

01: a tracker of the template of 2026-11-22 11:19 .. 2026-11-30 03:30 (tests/data/template_2026-11-22_847ea2c3.xlsx:
``xl-retention new --start 2026-01 --months 3`` of 847ea2c3, its Cohorts sheet with the sBG fit and projection but no
BdW fit nor order cohorts) could never grow: extend and import --into refused "Cohorts: the triangle
Order_Cohort_Counts is not where the template puts it", a triangle it never had. Now its Cohorts sheet grows into this
version's, the counts typed kept, the sheet the same as a new tracker's typed alike.
02: upgrade of a first-template tracker said "Customers!G keeps it" whatever the sheet's name: now the sheet as named.
04: upgrade left the Dashboard's Value column 14 (or 21) wide, its note "see 'Lifetime value'!B8" cut.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import zipfile
from contextlib import redirect_stdout
from pathlib import Path

import openpyxl
import pytest

from xl_retention import cli
from xl_retention.recalculation import recalc_file

pytestmark = [pytest.mark.filterwarnings("ignore::UserWarning")]

DATA = Path(__file__).parent / "data"
SBG = DATA / "template_2026-11-22_847ea2c3.xlsx"
FIRST = DATA / "template_2026-11-22_8b3d91a7.xlsx"
BEFORE = DATA / "template_before_2026-12-03.xlsx"
COUNTS = {"B4": 100, "C4": 80, "D4": 70, "B5": 90, "C5": 75, "B6": 95}
GROWN = (
    "Cohorts: the template of 2026-11-22..11-30's survivors and retention tables, sBG fit and projection grown to 4 "
    "months as this version's (with its BdW fit and order cohorts; the counts you typed kept)"
)


def _run(*args: str) -> list[str]:
    out = io.StringIO()
    with redirect_stdout(out):
        assert cli.main(list(args)) == 0
    return out.getvalue().splitlines()


def _typed(path: Path, mine: dict[str, object] | None = None) -> Path:
    wb = openpyxl.load_workbook(path)
    for ref, value in {**COUNTS, **(mine or {})}.items():
        wb["Cohorts"][ref] = value
    wb.save(path)
    return path


def _cohorts(path: Path) -> list[list[object]]:
    ws = openpyxl.load_workbook(path, data_only=True)["Cohorts"]
    return [[round(v, 9) if isinstance(v, float) else v for v in row] for row in ws.iter_rows(values_only=True)]


def test_extend_grows_the_sbg_templates_cohorts_as_a_new_trackers(tmp_path) -> None:
    path = _typed(Path(shutil.copy(SBG, tmp_path / "t.xlsx")), {"P20": "=C20*2"})  # mine: the projection's C20
    assert GROWN in _run("extend", str(path), "--months", "1")
    wb = openpyxl.load_workbook(path)
    ws = wb["Cohorts"]
    assert {ref: ws[ref].value for ref in COUNTS} == COUNTS
    assert [ws[f"A{r}"].value for r in range(4, 8)] == [dt.datetime(2026, m, 1) for m in range(1, 5)]
    assert "Order_Cohort_Counts" in wb.defined_names and "BDW_Alpha" in wb.defined_names
    assert wb.defined_names["SBG_Projection"].attr_text == "'Cohorts'!$C$24:$N$27"
    assert ws["P24"].value == "=C24*2"  # with the projection's first cell, two rows lower than that template's
    fresh = tmp_path / "fresh.xlsx"
    _run("new", str(fresh), "--start", "2026-01", "--months", "4")
    _typed(fresh, {"P24": "=C24*2"})
    for file in (path, fresh):
        recalc_file(file, file, in_place=True)
    grown, new = _cohorts(path), _cohorts(fresh)
    assert grown == new
    assert [round(v, 4) for v in grown[17][1:4]] == [round(v, 4) for v in new[17][1:4]]  # the sBG fit, B18:D18
    assert isinstance(grown[17][1], float) and grown[23][2] is not None  # a fit, and a projection from it


def test_import_into_grows_the_sbg_templates_cohorts(tmp_path) -> None:
    subs = tmp_path / "subs.csv"
    rows = ["customer_id,month,mrr"] + [f"c{c},2026-0{m},10" for m in range(1, 5) for c in range(4 * m, 4 * m + 9)]
    subs.write_text("\n".join(rows) + "\n")
    path = Path(shutil.copy(SBG, tmp_path / "t.xlsx"))
    fresh = tmp_path / "fresh.xlsx"
    _run("new", str(fresh), "--start", "2026-01", "--months", "4")
    lines = _run("import", "--subscriptions", str(subs), "--into", str(path))
    assert GROWN in lines
    _run("import", "--subscriptions", str(subs), "--into", str(fresh))
    for file in (path, fresh):
        recalc_file(file, file, in_place=True)
    assert _cohorts(path) == _cohorts(fresh)
    assert _cohorts(path)[3][1:5] == [9, 5, 1, 0]  # January's 9, of whom c4..c8 in February, c8 in March


def test_a_value_typed_over_the_sbg_templates_fit_refuses_naming_it(tmp_path, capsys) -> None:
    path = _typed(Path(shutil.copy(SBG, tmp_path / "t.xlsx")), {"B16": 0.5})
    before = path.read_bytes()
    assert cli.main(["extend", str(path), "--months", "1"]) == 1
    assert "Cohorts!B16 holds 0.5, typed over the template's formula '=INDEX(SBG_FIT(Cohort_Counts),1,1)'" in (
        capsys.readouterr().err
    )
    assert path.read_bytes() == before


def test_upgrade_names_the_churn_rates_column_on_the_sheet_as_renamed(tmp_path) -> None:
    path = tmp_path / "t.xlsx"
    with zipfile.ZipFile(FIRST) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():  # Excel's rename: the sheet and every reference to it
            data = zin.read(item.filename)
            if item.filename.endswith(".xml"):
                text = data.decode()
                if item.filename == "xl/workbook.xml":
                    text = text.replace('name="Customers"', 'name="Clients"')
                text = re.sub(r"(?<![A-Za-z0-9_' ])'?Customers'?!", "Clients!", text)
                data = text.encode()
            zout.writestr(item, data)
    lines = _run("upgrade", str(path))
    line = next(line for line in lines if "its churn line left out" in line)
    assert line.endswith("(its churn line left out: this version charts the CRR, the churn rate is 1 - CRR; "
                         "Clients!G keeps it)")  # fmt: skip
    assert openpyxl.load_workbook(path)["Clients"]["G1"].value == "Churn rate"


@pytest.mark.parametrize(("width", "after", "said"), [(21, 23, 21), (14, 23, 14), (30, 30, None)])
def test_upgrade_widens_the_dashboards_value_column_where_an_earlier_templates(tmp_path, width, after, said) -> None:
    path = Path(shutil.copy(BEFORE, tmp_path / "t.xlsx"))
    if width != 21:  # the fixture's own: 21; 14 before; 30 a width of the user's own
        wb = openpyxl.load_workbook(path)
        wb["Dashboard"].column_dimensions["B"].width = width
        wb.save(path)
    lines = _run("upgrade", str(path))
    assert openpyxl.load_workbook(path)["Dashboard"].column_dimensions["B"].width == after
    widened = [line for line in lines if "column B of Dashboard" in line]
    assert widened == (
        [f"widened the column B of Dashboard from {said} to 23 wide, as this version's template has it: the notes its "
         "latest figures show in place of a figure (see 'Lifetime value'!B8) whole"]
        if said else []
    )  # fmt: skip
