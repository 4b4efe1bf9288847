"""A defined name or a chart of the user's over a Cohorts table (every cohort's sign-ups, =Cohorts!$B$4:$B$6; the
whole survivors' triangle, Cohorts!$B$4:$D$6) moved with its table when an import added months but was not widened
(bc9ff1f2 widened cell formulas only, by rows only): a 3-month tracker grown to 6 months kept the name on the first
three cohorts and the chart on the first three cohorts' first three months, silently. A name or chart series ending at
a table's last cohort now ends at the new last one, and one of two columns or more ending at its last month column
(Month 2, D) at the new last one (Month 5, G), cell formulas too; each is listed in the import's report. The
template's own names (Cohort_Counts) are rewritten with the sheet, not listed.
"""

from __future__ import annotations

import subprocess
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
from added_months import import_into
from openpyxl.chart import BarChart, Reference
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import PatternFill
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation


def _import(tmp_path: Path) -> subprocess.CompletedProcess[str]:
    """A 3-month tracker from 2026-01 with a sheet Mine (formulas, charts) and names of the user's over the Cohorts
    tables, into which an import adds months up to 2026-06."""

    def edit(book: Any) -> None:
        mine = book["Mine"]
        chart = BarChart()
        chart.title = "Survivors"
        chart.add_data(Reference(book["Cohorts"], min_col=2, min_row=4, max_col=4, max_row=6))
        mine.add_chart(chart, "C3")
        row = BarChart()
        row.title = "First cohort"
        row.add_data(Reference(book["Cohorts"], min_col=2, min_row=4, max_col=4, max_row=4), from_rows=True)
        mine.add_chart(row, "C20")
        rows = BarChart()
        rows.title = "By cohort"  # a series a cohort (a row each), every cohort and month
        rows.add_data(Reference(book["Cohorts"], min_col=2, min_row=4, max_col=4, max_row=6), from_rows=True)
        mine.add_chart(rows, "C37")
        book.defined_names["Signups"] = DefinedName("Signups", attr_text="Cohorts!$B$4:$B$6")
        mine.defined_names["Shares"] = DefinedName("Shares", attr_text="Cohorts!$B$10:$D$12")
        book.defined_names["Fit"] = DefinedName("Fit", attr_text="Cohorts!$B$16:$D$16")  # moves, not widened
        months = DataValidation(type="list", formula1="Cohorts!$A$4:$A$6")  # a list of the signup months
        mine.add_data_validation(months)
        months.add("B1")
        mine.conditional_formatting.add("A1", FormulaRule(formula=["A1>SUM(Cohorts!$B$4:$B$6)"], fill=PatternFill()))

    # the first cohort's every month; its first two months: left alone
    return import_into(tmp_path, {"A1": "=SUM(Cohorts!B4:D4)", "A2": "=SUM(Cohorts!B4:C4)"}, edit)


def test_names_charts_and_formulas_over_a_cohort_table_are_widened_and_listed(tmp_path: Path) -> None:
    result = _import(tmp_path)
    assert result.returncode == 0, result.stderr
    tracker = tmp_path / "t.xlsx"
    book = openpyxl.load_workbook(tracker)
    assert book.defined_names["Signups"].attr_text == "Cohorts!$B$4:$B$9"
    assert book["Mine"].defined_names["Shares"].attr_text == "Cohorts!$B$13:$G$18"
    assert book.defined_names["Fit"].attr_text == "Cohorts!$B$22:$D$22"
    assert book.defined_names["Cohort_Counts"].attr_text == "'Cohorts'!$B$4:$G$9"
    assert [book["Mine"][c].value for c in ("A1", "A2")] == ["=SUM(Cohorts!B4:G4)", "=SUM(Cohorts!B4:C4)"]
    with zipfile.ZipFile(tracker) as z:
        charts = {n: z.read(n).decode() for n in z.namelist() if n.startswith("xl/charts/chart")}
    series = {t: [f.split("</f>")[0] for f in x.split("<f>")[1:]] for t in ("Survivors", "First cohort", "By cohort")
              for x in charts.values() if f"<a:t>{t}</a:t>" in x}  # fmt: skip
    # a series a month column, each over every cohort (openpyxl's one per column); the first cohort's months
    assert series == {
        "Survivors": [f"'Cohorts'!${c}$4:${c}$9" for c in "BCDEFG"],  # Month 3 to Month 5's series added (H262)
        "First cohort": ["'Cohorts'!$B$4:$G$4"],
        "By cohort": [f"'Cohorts'!$B${r}:$G${r}" for r in range(4, 10)],  # the cohorts added, rows 7 to 9 (H262)
    }
    lines = [line for line in result.stdout.splitlines() if "of yours over the months" in line]
    assert lines[0].startswith(
        "3 formula(s) of yours over the months now take in the months added: Mine!A1 =SUM(Cohorts!B4:D4) -> "
        "=SUM(Cohorts!B4:G4); name Signups =Cohorts!$B$4:$B$6 -> =Cohorts!$B$4:$B$9; name 'Mine'!Shares "
        "=Cohorts!$B$10:$D$12 -> =Cohorts!$B$13:$G$18 (a range that ended"
    )
    assert "Cohort_Counts" not in result.stdout and "Fit" not in result.stdout
    assert lines[1] == (
        "5 chart(s), conditional format(s), validation(s) or table(s) of yours over the months now take in the months "
        "added: conditional format on 'Mine': =A1>SUM(Cohorts!$B$4:$B$6) -> =A1>SUM(Cohorts!$B$4:$B$9); validation "
        "on 'Mine': =Cohorts!$A$4:$A$6 -> =Cohorts!$A$4:$A$9; chart 'Survivors' on 'Mine': 'Cohorts'!$B$4:$B$6 -> "
        "'Cohorts'!$B$4:$B$9, 'Cohorts'!$C$4:$C$6 -> 'Cohorts'!$C$4:$C$9, 'Cohorts'!$D$4:$D$6 -> 'Cohorts'!$D$4:$D$9, "
        "a series a month up to Month 2: Month 3 to Month 5 added as series of their own; chart 'First "
        "cohort' on 'Mine': 'Cohorts'!$B$4:$D$4 -> 'Cohorts'!$B$4:$G$4; chart 'By cohort' on 'Mine': "
        "'Cohorts'!$B$4:$D$4 -> 'Cohorts'!$B$4:$G$4, 'Cohorts'!$B$5:$D$5 -> 'Cohorts'!$B$5:$G$5, 'Cohorts'!$B$6:$D$6 "
        "-> 'Cohorts'!$B$6:$G$6, a series a cohort up to the one in row 6: the cohorts added, rows "
        "7 to 9, added as series of their own (a range that ended at the last month; change it back where it was "
        "meant for those months only)"
    )
    mine = openpyxl.load_workbook(tracker)["Mine"]
    assert [v.formula1 for v in mine.data_validations.dataValidation] == ["Cohorts!$A$4:$A$9"]
    assert [r.formula for rules in mine.conditional_formatting for r in rules.rules] == [["A1>SUM(Cohorts!$B$4:$B$9)"]]
