"""Cohorts' "Observed to month" counted the filled cells (COUNT - 1): a cohort row 100, 90, blank, 70, 65 showed 3
where it is observed to month 4 (H120's finding 02). It is now the last filled month. The sBG fit still refuses the
row with the gap (its projection row stays blank); a row without a gap is as before.
"""

import re
import zipfile
from pathlib import Path

import openpyxl
from cli_process import run
from libreoffice import recalculate as libreoffice_recalculate

from xl_retention.recalculation import recalc_file
from xl_retention.workbook import build_template

COHORTS = [[100, 90, None, 70, 65], [80, 70, 62, 55], [0, 0, 0], [12]]


def _observed_to(path: Path) -> list[object]:
    ws = openpyxl.load_workbook(path, data_only=True)["Cohorts"]
    title = next(r for r in range(1, ws.max_row + 1) if str(ws.cell(r, 1).value).startswith("Projected retention"))
    return [ws.cell(title + 2 + i, 2).value for i in range(6)]


def test_observed_to_month_is_the_last_filled_month(tmp_path):
    path = build_template(tmp_path / "t.xlsx", start="2025-01", months=6, inputs={"Cohorts": COHORTS})
    recalc_file(path, tmp_path / "r.xlsx")
    assert _observed_to(tmp_path / "r.xlsx") == [4, 3, None, 0, None, None]  # 0 customers, empty rows: blank
    ws = openpyxl.load_workbook(tmp_path / "r.xlsx", data_only=True)["Cohorts"]
    fit = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "fit")
    assert ws.cell(fit, 2).value == "#VALUE!"  # the fit's refusal of the gap stays


def test_libreoffice_computes_the_same_months(tmp_path):
    path = build_template(tmp_path / "t.xlsx", start="2025-01", months=6, inputs={"Cohorts": COHORTS})
    converted = libreoffice_recalculate(path, tmp_path / "lo")
    assert _observed_to(converted) == [4, 3, None, 0, None, None]


def test_an_import_that_does_not_grow_the_tracker_brings_the_earlier_formula_up_to_this_one(tmp_path):
    """A tracker made before holds COUNT - 1 in "Observed to month"; an import within its months (the Cohorts sheet
    does not grow) gives those cells this version's formula and lists them."""
    book = build_template(tmp_path / "t.xlsx", start="2025-01", months=3)
    with zipfile.ZipFile(book) as z:
        parts = {i.filename: z.read(i) for i in z.infolist()}
    sheet = next(n for n in parts if n.startswith("xl/worksheets/") and b"N($B4)=0" in parts[n])
    current = (
        rb'IF\(OR\(COUNT\((\$B(\d+):\$D\2)\)=0,N\(\$B\2\)=0\),"",'
        rb"LOOKUP\(2,1/ISNUMBER\(\1\),COLUMN\(\1\)\)-COLUMN\(\$B\2\)\)"
    )
    parts[sheet], count = re.subn(current, rb'IF(OR(COUNT(\1)=0,N($B\2)=0),"",COUNT(\1)-1)', parts[sheet])
    assert count == 3
    with zipfile.ZipFile(book, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    subs = tmp_path / "subs.csv"
    subs.write_text("customer_id,month,mrr\na,2025-01,10\nb,2025-01,10\na,2025-02,10\na,2025-03,10\n")
    result = run("import", "--subscriptions", subs, "--into", book)
    assert result.returncode == 0, result.stderr
    ws = openpyxl.load_workbook(book)["Cohorts"]
    title = next(r for r in range(1, ws.max_row + 1) if str(ws.cell(r, 1).value).startswith("Projected retention"))
    rows = [title + 2 + i for i in range(3)]
    assert [ws.cell(r, 2).value for r in rows] == [
        f'=IF(OR(COUNT($B{r}:$D{r})=0,N($B{r})=0),"",LOOKUP(2,1/ISNUMBER($B{r}:$D{r}),COLUMN($B{r}:$D{r}))-COLUMN($B{r}))'
        for r in (4, 5, 6)
    ]
    line = next(x for x in result.stdout.splitlines() if x.startswith("brought the formulas"))
    assert line.endswith(": " + ", ".join(f"'Cohorts'!B{r}" for r in rows))
