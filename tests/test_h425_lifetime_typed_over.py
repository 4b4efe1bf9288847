"""Figures typed over the Lifetime value sheet's formulas are named by recalc, as on the other sheets.

Before: a CLV of 900 typed over 'Lifetime value'!B8 (or a churn over B5, a lifetime over B7, an sBG CLV over B13)
gave status ok with no word, and the Dashboard showed the typed 900 as the tracker's CLV (H415's finding 02); the
same overwrite on the Dashboard, the monthly sheets and Cohorts was named. The ARPA (B3) is an input: its note
invites a figure typed over its default formula, and it is not named.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import openpyxl
import pytest

from xl_retention import cli
from xl_retention.recalculation.typed_over_lifetime import computed_lifetime_cells
from xl_retention.workbook import build_template

JANUARY = {"B2": 100, "C2": 20, "D2": 110}
ADVICE = (
    "whatever the monthly sheets hold: copy the formula of the same cell of a new tracker's Lifetime value sheet "
    "(xl-retention new NEW.xlsx) over each (the ARPA, gross margin and discount rate are the figures to type)"
)


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    path = build_template(tmp_path_factory.mktemp("h425") / "t.xlsx", start="2026-01", months=3)
    wb = openpyxl.load_workbook(path)
    for ref, value in JANUARY.items():
        wb["Customers"][ref] = value
    wb.save(path)
    return path


def _recalc(template: Path, tmp_path: Path, capsys, typed: dict[str, object], unname: str | None = None) -> dict:
    path = tmp_path / "t.xlsx"
    shutil.copy(template, path)
    wb = openpyxl.load_workbook(path)
    for ref, value in typed.items():
        wb["Lifetime value"][ref] = value
    if unname is not None:
        del wb.defined_names[unname]
    wb.save(path)
    cli.main(["recalc", str(path), "--engine", "embedded", "--json", "--output-dir", str(tmp_path / "out")])
    (report,) = json.loads(capsys.readouterr().out)["files"]
    return report


def test_a_clv_typed_over_its_formula_is_named(template, tmp_path, capsys):
    report = _recalc(template, tmp_path, capsys, {"B8": 900})
    assert (report["status"], report["message"]) == (
        "ok",
        "t.xlsx: 1 value typed over the Lifetime value sheet's formulas: 'Lifetime value'!B8 (Customer lifetime "
        "value (CLV), constant churn) is 900, typed over its formula: the sheet and the Dashboard show it as "
        f"computed, {ADVICE}",
    )


def test_every_computed_figure_typed_over_is_named_the_arpa_not(template, tmp_path, capsys):
    typed = {"B3": 61.73, "B5": 0.05, "B7": 20, "B9": 1.5, "B10": 2.5, "B11": 40, "B12": 30, "B13": 2000}
    report = _recalc(template, tmp_path, capsys, typed, unname="LTV_Lifetime")  # B7 found by its row and label
    assert report["message"] == (
        "t.xlsx: 6 values typed over the Lifetime value sheet's formulas: 'Lifetime value'!B7 (Customer lifetime "
        "(months), constant churn) is 20, typed over its formula; 'Lifetime value'!B9 (sBG alpha (fitted on Cohorts)) "
        "is 1.5, typed over its formula; 'Lifetime value'!B10 (sBG beta (fitted on Cohorts)) is 2.5, typed over its "
        f"formula and 3 more: the sheet and the Dashboard show them as computed, {ADVICE}; 'Lifetime value'!B5 "
        "(Monthly churn (average of the last 12 months with a churn rate)) is 0.05, typed over its formula: read as "
        "your own churn (the 12-month average is not used)"  # an input (docs/metrics.md), not copied back (H432)
    )


def test_the_arpa_typed_over_its_default_is_not_named(template, tmp_path, capsys):
    report = _recalc(template, tmp_path, capsys, {"B3": 61.73})
    assert (report["status"], report["message"]) == ("ok", "")


def test_the_cells_looked_at_are_every_formula_of_the_sheets_figures_but_its_inputs(template):
    """The description the check reads is the one the sheet is built from: every formula in column B of a new
    tracker's Lifetime value sheet is looked at, but the ARPA's (an input, with its validation)."""
    ws = openpyxl.load_workbook(template)["Lifetime value"]
    formulas = {c.coordinate for (c,) in ws.iter_rows(min_col=2, max_col=2) if str(c.value).startswith("=")}
    looked_at = {ref for ref, _ in computed_lifetime_cells().values()}
    assert formulas - looked_at == {"B3"}
    assert looked_at == {"B5", "B7", "B8", "B9", "B10", "B11", "B12", "B13"}
    assert all(ws[ref].value.startswith("=") for ref in looked_at)
    assert {ref: ws[f"A{ref[1:]}"].value for ref in ("B8", "B13")} == {
        "B8": "Customer lifetime value (CLV), constant churn",
        "B13": "Customer lifetime value (CLV), sBG",
    }
