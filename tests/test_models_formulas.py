"""The new model formulas as a worksheet calls them (cells.evaluate): rows that spill, optional arguments, errors."""

from __future__ import annotations

import pytest

import xl_retention as xr
from xl_retention.cells import evaluate
from xl_retention.registry import BY_NAME

REGULAR = [1000, 631, 468, 382, 326, 289, 262, 241]
N = None


def call(name, *args):
    return evaluate(BY_NAME[name], *args)


def test_sbg_fit_of_a_cohorts_range_with_empty_months():
    """The Cohorts sheet's triangle: a month without sign-ups is a row of zeros, blank where not yet observed."""
    triangle = [
        [100, 63, 47, 38, 33, 29],
        [0, 0, 0, 0, 0, N],
        [60, 38, 28, 23, N, N],
        [0, 0, 0, N, N, N],
        [0, 0, N, N, N, N],
        [0, N, N, N, N, N],
    ]
    (row,) = call("SBG_FIT", triangle)
    assert [round(v, 4) for v in row[:2]] + [round(row[2], 2)] == [0.7411, 1.2552, -226.09]
    (bdw,) = call("BDW_FIT", triangle)
    assert bdw == list(xr.bdw_fit([[100, 63, 47, 38, 33, 29], [60, 38, 28, 23]]))
    assert bdw[3] >= row[2]  # the BdW nests the sBG: both log-likelihoods side by side on the sheet


def test_shares_and_cohort_size():
    shares = [[v / 1000 for v in REGULAR]]
    assert call("SBG_FIT", shares, 1000) == call("SBG_FIT", [REGULAR])
    assert call("SBG_FIT", shares, None) != call("SBG_FIT", [REGULAR])  # blank cohort_size: counts expected
    assert call("SBG_FIT", shares).code == "#NUM!"  # shares without a size are not whole counts


def test_standard_errors_and_intervals_spill_one_row():
    (se,) = call("SBG_FIT_SE", [REGULAR])
    assert se == list(xr.sbg_fit(REGULAR).standard_errors.values())
    (interval,) = call("SBG_SURVIVAL_INTERVAL", [REGULAR], 12)
    assert interval == list(xr.sbg_fit(REGULAR).interval(xr.sbg_survival, t=12))
    (wider,) = call("SBG_SURVIVAL_INTERVAL", [REGULAR], 12, 0.99)
    assert wider[1] < interval[1] and wider[2] > interval[2]
    (clv,) = call("BDW_CLV_INTERVAL", [REGULAR], 50, 0.1)
    assert clv[1] < clv[0] < clv[2]
    assert clv[0] == pytest.approx(xr.bdw_clv(50, *xr.bdw_fit(REGULAR)[:3], 0.1), rel=1e-14)
    assert call("SBG_SURVIVAL_INTERVAL", [REGULAR], 12, 1.5).code == "#NUM!"


def test_bgbb_and_paretonbd_formulas():
    x, tx, n, counts = [[0], [1], [2], [3], [6]], [[0], [1], [5], [6], [6]], [[6]] * 5, [[300], [80], [40], [30], [60]]
    (fit,) = call("BGBB_FIT", x, tx, n, counts)
    assert fit == list(xr.bgbb_fit([0, 1, 2, 3, 6], [0, 1, 5, 6, 6], [6] * 5, [300, 80, 40, 30, 60]))
    alive = call("BGBB_P_ALIVE", *fit[:4], [[0], [3]], [[0], [6]], 6)
    assert alive == [[xr.bgbb_p_alive(*fit[:4], 0, 0, 6)], [xr.bgbb_p_alive(*fit[:4], 3, 6, 6)]]
    assert call("PARETONBD_P_ALIVE", 0.553, 10.578, 0.606, 11.669, 2, 30.43, 38.86) == pytest.approx(
        xr.paretonbd_p_alive(0.553, 10.578, 0.606, 11.669, 2, 30.43, 38.86), rel=1e-15
    )
    assert call("PARETONBD_EXPECTED", 0.553, 10.578, 0.606, 11.669, 39, 2, 40, 38.86).code == "#NUM!"
    assert call("BDW_SURVIVAL", 0.704, 1.182, 1, 7) == xr.sbg_survival(0.704, 1.182, 7)
