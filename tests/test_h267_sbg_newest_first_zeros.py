"""A cohort triangle sorted the newest cohort first (a pivot table sorted descending) with 0 in the months not observed
yet was fitted silently: SBG_FIT alpha 150.333, beta 215.106 (no heterogeneity, 41% churn a month) for the blank
table's 0.75315, 1.27787; BDW_FIT #NUM! with a reason of the likelihood's edge saying nothing of the 0s (H267's
finding 03). The guard against months not observed yet written as 0 read the cohorts the oldest first only; it now
reads them either way, and names the first 0 of the newest cohort."""

from __future__ import annotations

import json

import openpyxl
import pytest

import xl_retention as xr
from xl_retention import cli
from xl_retention.errors import OutOfRangeError

FULL = [[1000, 631, 468, 382, 326, 289], [900, 560, 420, 340, 290, 260], [800, 510, 380, 310, 265, 235],
        [700, 440, 330, 270, 230, 205], [600, 380, 285, 232, 198, 176], [500, 315, 236, 192, 164, 146]]  # fmt: skip
#: cohort i (the oldest 0) observed for periods 0 .. 5 - i: a calendar triangle
BLANK = [row[: 6 - i] for i, row in enumerate(FULL)]
ZEROS = [row[: 6 - i] + [0] * i for i, row in enumerate(FULL)]  # a pivot table's empty cells
IN_PROGRESS = [row[: 6 - i] + ([0] if i else []) for i, row in enumerate(FULL)]  # the month in progress alone as 0

NEWEST_FIRST = (
    "survivors are 0 in every cohort from the same month on, first in row 1, column 2 of survivors (cohort row 1 at "
    "period 1; 5 cohorts read newest first, 1,810 customers the month before): cells of a month not observed yet "
    "written as 0? Leave them blank (0 is every customer lost)"
)


def test_the_blank_triangle_fits_alike_in_either_order() -> None:
    for rows in (BLANK, BLANK[::-1]):
        fit = xr.sbg_fit(rows)
        # where L-BFGS-B stops: a start 1e-13 away, or the cohorts summed in the other order, moves it by up to 1e-8
        assert (fit.alpha, fit.beta) == pytest.approx((0.7531500256128395, 1.2778676329155496), rel=1e-6)


@pytest.mark.parametrize("fitting", [xr.sbg_fit, xr.bdw_fit])
@pytest.mark.parametrize("rows", [ZEROS, IN_PROGRESS], ids=["zeros", "month_in_progress"])
def test_newest_first_zeros_are_refused_as_oldest_first_ones(fitting, rows) -> None:
    with pytest.raises(OutOfRangeError, match=r"first in row 2, column 6 of survivors \(cohort row 2 at period 5; 5 c"):
        fitting(rows)
    with pytest.raises(OutOfRangeError) as caught:
        fitting(rows[::-1])
    assert str(caught.value) == NEWEST_FIRST


def test_cohorts_really_lost_newest_first_are_data() -> None:
    """The rule's exceptions hold in both orders: one cohort lost while another kept customers, few customers lost."""
    for rows in ([[20, 12, 9, 7, 6, 5], [18, 11, 8, 6, 5, 0]], [[30, 12, 7, 5, 4, 3, 0], [25, 10, 6, 4, 3, 0]]):
        assert xr.sbg_fit(rows[::-1]) == xr.sbg_fit(rows)


def test_recalc_names_the_cell(tmp_path, capsys) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "S"
    for i, row in enumerate(ZEROS[::-1]):
        for k, value in enumerate(row):
            ws.cell(11 + i, 1 + k, value)
    ws["H2"] = "=INDEX(SBG_FIT(A11:F16),1)"
    ws["H4"] = "=INDEX(BDW_FIT(A11:F16),1)"
    wb.save(tmp_path / "tri.xlsx")
    capsys.readouterr()
    cli.main(["recalc", str(tmp_path / "tri.xlsx"), "--json", "--output-dir", str(tmp_path / "out")])
    errors = {e["address"]: e for f in json.loads(capsys.readouterr().out)["files"] for e in f["errors"]}
    for cell, name in (("S!H2", "SBG_FIT"), ("S!H4", "BDW_FIT")):
        assert errors[cell]["error"] == "#NUM!"
        assert (
            errors[cell]["reason"]
            == f"{name}: " + NEWEST_FIRST.replace("row 1, column 2 of survivors", "S!B11") + " (#NUM!)"
        )
