"""A negative MRR movement typed on the Revenue sheet (a churn typed as -100, the sign of a loss) is a gap in the
Dashboard's "MRR movements by month" bars, as the month's MRR at end and rates are #NUM!.

Before, the hidden helper "Churned MRR (chart)" was -(-100) = 100: a red bar of +100 above zero, stacked on the
new MRR (a gain); a negative contraction the same, and a negative new, expansion or reactivation a bar below zero.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
from cli_process import run
from earlier_forms import brought_up, import_into, letters, template_formula

from xl_retention.workbook import build_template
from xl_retention.workbook.template import REVENUE, render_formula

MOVEMENTS = ("new", "expansion", "reactivation", "contraction", "churned")


def _before(key: str) -> str:
    """A helper as the template wrote it before: a negative amount drawn as a bar (a churn of -100 as +100)."""
    x, counts = "{" + key + "}", f"COUNT({{{key}:first}}:{{{key}}})"
    drawn = f"-({x}+0)" if key in ("contraction", "churned") else f"{x}+0"
    return f'=IF(ISERROR({x}+0),NA(),IF({x}="",IF(AND({counts}>0,COUNT({{{key}:column}})>{counts}),NA(),""),{drawn}))'


BEFORE = {key: _before(key) for key in MOVEMENTS}


def helpers(path: Path, rows: range) -> dict[str, list[object]]:
    ws, cols = openpyxl.load_workbook(path, data_only=True)["Revenue"], letters(REVENUE)
    return {key: [ws[f"{cols[key + '_chart']}{r}"].value for r in rows] for key in MOVEMENTS}


def test_negative_movements_are_gaps_in_the_bars_and_the_others_are_drawn(tmp_path: Path) -> None:
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=4)
    wb = openpyxl.load_workbook(path)
    ws, cols = wb["Revenue"], letters(REVENUE)
    typed = {  # month row -> movements typed
        2: {"start": 1000, "new": 100},
        3: {"churned": -100, "contraction": 20},
        4: {"new": -50, "expansion": 30, "reactivation": -5},
        5: {"contraction": -10, "churned": 40, "new": 10, "expansion": -7, "reactivation": 8},
    }
    for row, values in typed.items():
        for key, value in values.items():
            ws[f"{cols[key]}{row}"] = value
    wb.save(path)
    done = run("recalc", path, "--in-place")
    assert done.returncode == 0, done.stdout + done.stderr
    assert helpers(path, range(2, 6)) == {
        "new": [100, "#N/A", "#N/A", 10],
        "expansion": [None, None, 30, "#N/A"],  # blank text before the first figure
        "reactivation": [None, None, "#N/A", 8],
        "contraction": [None, -20, "#N/A", "#N/A"],
        "churned": [None, "#N/A", "#N/A", -40],
    }
    values = openpyxl.load_workbook(path, data_only=True)["Revenue"]
    assert [values[f"{cols['end']}{r}"].value for r in range(2, 4)] == [1100, "#NUM!"]


def test_import_brings_the_earlier_helpers_up_to_date(tmp_path: Path) -> None:
    path = build_template(tmp_path / "old.xlsx", start="2026-01", months=3)
    wb = openpyxl.load_workbook(path)
    ws, cols = wb["Revenue"], letters(REVENUE)
    for key, form in BEFORE.items():
        for row in range(2, 5):
            ws[f"{cols[key + '_chart']}{row}"] = render_formula(form, cols, row)
    wb.save(path)
    line = brought_up(import_into(tmp_path, path))
    for key in MOVEMENTS:
        assert f"'Revenue'!{cols[key + '_chart']}2:{cols[key + '_chart']}4" in line, (key, line)
    ws = openpyxl.load_workbook(path)["Revenue"]
    for key in MOVEMENTS:
        now = template_formula(REVENUE, key + "_chart")
        assert now != BEFORE[key]
        for row in range(2, 5):
            assert ws[f"{cols[key + '_chart']}{row}"].value == render_formula(now, cols, row), (key, row)
