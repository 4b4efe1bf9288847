"""A cohort table laid out one cohort per column is said to be read one cohort per row, TRANSPOSE advised (H278's 06).

=SBG_FIT(A2:B9) over two cohorts going down columns A and B (8 periods) said only "the longest has 2 value(s)": the
user sees 8 periods per cohort. Each row is read as a cohort, so the reason now says so (8 cohorts of at most 2
values) and how to give the table the other way round; =SBG_FIT(TRANSPOSE(A2:B9)) fits as the row layout does.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import openpyxl
import pytest
from openpyxl.worksheet.formula import ArrayFormula

import xl_retention as xr
from xl_retention import cli
from xl_retention.errors import OutOfRangeError

COHORTS = [[1000, 631, 468, 382, 326, 289, 262, 241], [800, 520, 390, 318, 270, 240, 216]]
SHORT = (
    "survivors needs a cohort observed for at least 2 periods (3 values: its size, then the customers still active "
    "after periods 1 and 2) to estimate alpha and beta; the longest has 2 value(s)"
)
ACROSS = (
    "; each row of survivors is read as a cohort (8 cohorts of at most 2 values here): for cohorts in columns (one "
    "period per row), give the table transposed (TRANSPOSE(range) in a workbook, survivors.T in Python)"
)


def _columns() -> np.ndarray:
    table = np.full((8, 2), np.nan)
    for j, cohort in enumerate(COHORTS):
        table[: len(cohort), j] = cohort
    return table


def test_python_cohorts_in_columns_are_said_to_be_read_by_row():
    with pytest.raises(OutOfRangeError) as error:
        xr.sbg_fit(_columns())
    assert str(error.value) == SHORT + ACROSS
    assert tuple(xr.sbg_fit(_columns().T)) == tuple(xr.sbg_fit([c + [None] * (8 - len(c)) for c in COHORTS]))
    with pytest.raises(OutOfRangeError) as error:  # as many cohorts as periods: no hint of columns
        xr.sbg_fit([[1000, 631], [800, 520]])
    assert str(error.value) == SHORT


def test_workbook_reason_says_rows_and_transpose_fits(tmp_path: Path, capsys):
    wb = openpyxl.Workbook()
    s = wb.active
    s.title = "Cohorts"
    for j, cohort in enumerate(COHORTS):
        for i, v in enumerate(cohort):
            s.cell(row=2 + i, column=1 + j, value=v)
    s["E1"] = ArrayFormula("E1:G1", "=SBG_FIT(A2:B9)")
    s["E2"] = ArrayFormula("E2:G2", "=SBG_FIT(TRANSPOSE(A2:B9))")
    wb.save(tmp_path / "c.xlsx")
    capsys.readouterr()
    cli.main(["recalc", str(tmp_path / "c.xlsx"), "--json", "--output-dir", str(tmp_path / "out")])
    (report,) = json.loads(capsys.readouterr().out)["files"]
    errors = {e["address"]: e["reason"] for e in report["errors"]}
    assert errors["Cohorts!E1"] == f"SBG_FIT: {SHORT}{ACROSS} (#NUM!)"
    assert [a for a in errors if a not in ("Cohorts!E1", "Cohorts!F1", "Cohorts!G1")] == []
    out = openpyxl.load_workbook(report["output"], data_only=True)["Cohorts"]
    fitted = [out[c].value for c in ("E2", "F2", "G2")]
    assert fitted == list(xr.sbg_fit(_columns().T))
    assert [round(v, 5) for v in fitted] == [0.72410, 1.26310, -2985.15369]
