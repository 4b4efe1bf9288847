"""A survivors triangle pasted with 0 (not blank) in the months not observed yet (a pivot table's or BI tool's empty
cells: the month in progress and the months after it) was fitted as every customer lost at once: alpha 0.751 became
11.2, the sBG lifetime a quarter of itself, status ok (H39 finding 07). The sBG and BdW fits now refuse survivors that
fall to 0 in every cohort from one calendar month on, naming the first cell; in Python and in the template alike."""

from __future__ import annotations

import json

import openpyxl
import pytest

import xl_retention as xr
from xl_retention import cli
from xl_retention.errors import OutOfRangeError
from xl_retention.workbook import build_template

BASE = [1000, 631, 468, 382, 326, 289, 262, 241]
#: 8 monthly cohorts observed through the last full month: row i has 7 - i values (the newest none yet)
OBSERVED = [[round(v * (0.9 + 0.02 * i)) for v in BASE[: 7 - i]] for i in range(8)]
OBSERVED[7] = [1020]  # the month in progress: its sign-ups, no survivors yet


def _zeros(rows: list[list[int]], width: int = 8) -> list[list[int]]:
    """``rows`` with 0 in every later cell, as a pivot table writes the months it has no data for."""
    return [row + [0] * (width - len(row)) if len(row) > 1 else row + [0] * (width - 1 - i) for i, row in
            enumerate(rows)]  # fmt: skip


def test_the_triangle_with_blanks_is_fitted_and_with_zeros_refused() -> None:
    fit = xr.sbg_fit(OBSERVED)
    assert (fit.alpha, fit.beta) == pytest.approx((0.7508610451410734, 1.273234533605564), rel=1e-9)
    expected = (
        "survivors are 0 in every cohort from the same month on, first in row 1, column 8 of survivors (cohort row 1 "
        "at period 7; 7 cohorts, 3,285 customers the month before): cells of a month not observed yet written as 0? "
        "Leave them blank (0 is every customer lost)"
    )
    for fitting in (xr.sbg_fit, xr.bdw_fit):
        with pytest.raises(OutOfRangeError) as caught:
            fitting(_zeros(OBSERVED))
        assert str(caught.value) == expected
    # the 0s only after the month in progress (its own cells filled): refused at the first month after it
    filled = [row + [round(BASE[len(row)] * (0.9 + 0.02 * i))] if i < 7 else row for i, row in enumerate(OBSERVED)]
    with pytest.raises(OutOfRangeError, match=r"first in row 1, column 9 of survivors .*8 cohorts, 3,549 customers"):
        xr.sbg_fit(_zeros(filled, 9))


def test_a_cohort_lost_while_others_kept_customers_and_a_few_customers_lost_at_once_are_data() -> None:
    one = xr.sbg_fit([[20, 12, 9, 7, 6, 5], [18, 11, 8, 6, 5, 0]])  # only the second cohort followed that month
    assert (one.alpha, one.beta) == pytest.approx((9.384729794088084, 18.31305405217482), rel=1e-6)
    kept = xr.sbg_fit([[20, 12, 9, 7, 6, 5, 5], [18, 11, 8, 6, 5, 0]])  # the first kept its 5 that month
    assert (kept.alpha, kept.beta) == pytest.approx((2.65733436104349, 4.661664377379482), rel=1e-6)
    few = xr.sbg_fit([[30, 12, 7, 5, 4, 3, 0], [25, 10, 6, 4, 3, 0]])  # 6 customers lost in one month: below 10
    assert (few.alpha, few.beta) == pytest.approx((4.572290195064452, 3.58960547244263), rel=1e-6)


def test_the_template_names_the_first_cell_and_fits_the_blank_triangle(tmp_path, capsys) -> None:
    paths = []
    for name, rows in (("blank", OBSERVED), ("zeros", _zeros(OBSERVED))):
        book = build_template(tmp_path / f"{name}.xlsx", start="2026-05", months=8)
        wb = openpyxl.load_workbook(book)
        for i, row in enumerate(rows):
            for k, value in enumerate(row):
                wb["Cohorts"].cell(4 + i, 2 + k, value)
        wb.save(book)
        paths.append(str(book))
    capsys.readouterr()
    cli.main(["recalc", *paths, "--json", "--output-dir", str(tmp_path / "out")])
    files = {f["path"].rsplit("/", 1)[-1]: f for f in json.loads(capsys.readouterr().out)["files"]}
    blank = openpyxl.load_workbook(tmp_path / "out" / "blank.xlsx", data_only=True)["Cohorts"]
    assert (blank["B26"].value, blank["C26"].value) == pytest.approx((0.7508610451410734, 1.273234533605564), 1e-9)
    assert not [e for e in files["blank.xlsx"]["errors"] if e["address"].startswith("Cohorts!B26")]
    errors = {e["address"]: e for e in files["zeros.xlsx"]["errors"]}
    assert errors["Cohorts!B26"]["error"] == "#NUM!"
    assert errors["Cohorts!B26"]["reason"].startswith(
        "SBG_FIT: survivors are 0 in every cohort from the same month on, first in Cohorts!I4 (cohort row 1 at period 7"
    )
