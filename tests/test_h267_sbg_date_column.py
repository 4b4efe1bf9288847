"""A cohort table's month column (dates formatted mmm yyyy) selected with its counts: =SBG_FIT(A2:G7) read each date's
serial (46023 for 2026-01-01) as the cohort's size and returned alpha 0.630 for the counts' 0.753, status ok (H267's
finding 04). A formula hands a date cell over as its serial number (README), so the fit tells such a column by its
values (whole numbers that are dates a calendar step apart, every cohort keeping under a tenth of them at period 1)
and refuses it with #VALUE! naming the first cell; sizes that are no such column are fitted as before."""

from __future__ import annotations

import datetime
import json

import numpy as np
import openpyxl
import pytest

import xl_retention as xr
from xl_retention import cli
from xl_retention.errors import NotANumberError

FULL = [[1000, 631, 468, 382, 326, 289], [900, 560, 420, 340, 290, 260], [800, 510, 380, 310, 265, 235],
        [700, 440, 330, 270, 230, 205], [600, 380, 285, 232, 198, 176], [500, 315, 236, 192, 164, 146]]  # fmt: skip
BLANK = [row[: 6 - i] for i, row in enumerate(FULL)]
SERIALS = [46023, 46054, 46082, 46113, 46143, 46174]  # 2026-01-01 .. 2026-06-01
WITH_DATES = [[serial, *row] for serial, row in zip(SERIALS, BLANK, strict=True)]

REASON = (
    "survivors holds dates where the cohort sizes belong: 46023, 46054, 46082, ... (2026-01-01, 2026-02-01, "
    "2026-03-01, ...: the cohorts' months, a date cell read as its serial number) in row 1, column 1 of survivors; "
    "leave the cohort-month column out of the range (the first column is each cohort's size at period 0)"
)


@pytest.mark.parametrize(
    "fitting",
    [xr.sbg_fit, xr.bdw_fit, xr.models.sbg_fit_se, xr.models.bdw_fit_se,
     lambda rows: xr.models.sbg_survival_interval(rows, 3)],
)  # fmt: skip
def test_the_date_column_is_refused_naming_its_first_cell(fitting) -> None:
    with pytest.raises(NotANumberError) as caught:
        fitting(WITH_DATES)
    assert str(caught.value) == REASON


def test_newest_first_and_weekly_dates_are_refused_too() -> None:
    with pytest.raises(NotANumberError, match=r"^survivors holds dates .* in row 1, column 1 of survivors;"):
        xr.sbg_fit(WITH_DATES[::-1])
    weekly = [[46023 + 7 * i, *row] for i, row in enumerate(BLANK)]
    with pytest.raises(NotANumberError, match=r"46023, 46030, 46037, \.\.\. \(2026-01-01, 2026-01-08, 2026-01-15"):
        xr.sbg_fit(weekly)


def test_the_counts_alone_and_sizes_that_are_no_date_column_are_fitted() -> None:
    fit = xr.sbg_fit(BLANK)
    # where L-BFGS-B stops: a start 1e-13 away moves alpha and beta by 1e-8 (digits past the 7th follow the CPU)
    assert (fit.alpha, fit.beta) == pytest.approx((0.7531500256128395, 1.2778676329155496), rel=1e-6)
    # sizes in the dates' range that keep their customers (no tenth lost at once), or not a calendar step apart
    kept = xr.sbg_fit([[46023, 30000, 25000], [46054, 31000, 26000]])
    assert np.isfinite(kept.alpha)
    apart = xr.sbg_fit([[46023, 1000, 631, 468], [46040, 990, 620]])
    assert np.isfinite(apart.alpha)


def test_recalc_names_the_cell(tmp_path, capsys) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "S"
    ws.append(["Cohort", "M0", "M1", "M2", "M3", "M4", "M5"])
    for i, row in enumerate(BLANK):
        ws.append([datetime.date(2026, 1 + i, 1), *row])
        ws.cell(i + 2, 1).number_format = "mmm yyyy"
    ws["J1"] = "=INDEX(SBG_FIT(A2:G7),1)"
    ws["J2"] = "=INDEX(SBG_FIT(B2:G7),1)"
    ws["J3"] = "=INDEX(BDW_FIT(A2:G7),1)"
    wb.save(tmp_path / "c.xlsx")
    capsys.readouterr()
    cli.main(["recalc", str(tmp_path / "c.xlsx"), "--json", "--output-dir", str(tmp_path / "out")])
    errors = {e["address"]: e for f in json.loads(capsys.readouterr().out)["files"] for e in f["errors"]}
    for cell, name in (("S!J1", "SBG_FIT"), ("S!J3", "BDW_FIT")):
        assert errors[cell]["error"] == "#VALUE!"
        assert errors[cell]["reason"] == f"{name}: {REASON.replace('row 1, column 1 of survivors', 'S!A2')} (#VALUE!)"
    values = openpyxl.load_workbook(tmp_path / "out" / "c.xlsx", data_only=True)["S"]
    assert values["J2"].value == pytest.approx(0.7531500256128395, rel=1e-6)  # an optimizer's stop: 6 digits
    assert "S!J2" not in errors
