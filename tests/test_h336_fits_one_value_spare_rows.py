"""A fit given one n_periods / age for all (c32c30a7) over ranges with spare blank rows below the data.

``=BGBB_FIT(A2:A30,B2:B30,6,C2:C30)`` over the paper's 22 histories (rows 24 to 30 left blank for later cohorts) was
#VALUE! "n_periods is given but frequency, recency, counts are blank in cell 23 of frequency": the 6 repeated for every
row filled the spare rows, so they were no longer blank in every column and were not dropped, while a column of 6s
beside the same blanks computed. A value repeated for all no longer keeps a row whose other columns are all blank.
"""

from __future__ import annotations

import numpy as np

import xl_retention as xr
from xl_retention.cells import CellError, evaluate
from xl_retention.registry import BY_NAME

# Fader, Hardie & Shang (2010), the donation data: (x, t_x, donors), n = 6 for all 11,104 donors
HISTORIES = [
    (6, 6, 1203), (5, 6, 728), (4, 6, 512), (3, 6, 357), (2, 6, 234), (1, 6, 129), (5, 5, 335), (4, 5, 284),
    (3, 5, 225), (2, 5, 173), (1, 5, 119), (4, 4, 240), (3, 4, 181), (2, 4, 155), (1, 4, 78), (3, 3, 322),
    (2, 3, 255), (1, 3, 129), (2, 2, 613), (1, 2, 277), (1, 1, 1091), (0, 0, 3464),
]  # fmt: skip
SPARE = 7  # blank rows under the data


def _column(k: int) -> list[list[float | None]]:
    return [[float(h[k])] for h in HISTORIES] + [[None]] * SPARE


def test_bgbb_fit_with_one_n_periods_over_spare_rows_is_the_papers() -> None:
    got = evaluate(BY_NAME["BGBB_FIT"], _column(0), _column(1), [[6.0]], _column(2))
    assert not isinstance(got, CellError), got
    alpha, beta, gamma, delta, loglik = got[0]
    assert [round(v, 3) for v in (alpha, beta, gamma, delta)] == [1.204, 0.750, 0.657, 2.783]  # the paper's
    assert round(loglik, 1) == -33225.6
    sixes = [[6.0]] * len(HISTORIES) + [[None]] * SPARE  # a column of 6s beside the same blanks: the same fit
    assert got == evaluate(BY_NAME["BGBB_FIT"], _column(0), _column(1), sixes, _column(2))
    x, t_x, n = ([row[0] for row in _column(k)] for k in range(3))
    assert tuple(xr.bgbb_fit(x, t_x, 6, n)) == tuple(xr.bgbb_fit(x[: len(HISTORIES)], t_x[: len(HISTORIES)], 6, n[:22]))


def _cohort() -> tuple[list[list[float | None]], list[list[float | None]]]:
    """2,000 customers of one cohort observed 39 weeks, then the spare rows."""
    rng = np.random.default_rng(7)
    lam, mu = rng.gamma(0.55, 1 / 10.58, 2000), rng.gamma(0.61, 1 / 11.67, 2000)
    active = np.minimum(rng.exponential(1 / mu), 39.0)
    x = rng.poisson(lam * active)
    recency = np.where(x > 0, active * rng.beta(np.maximum(x, 1), 1), 0.0)
    spare: list[list[float | None]] = [[None]] * SPARE
    return [[float(v)] for v in x] + spare, [[float(v)] for v in recency] + spare


def test_bgnbd_and_paretonbd_fits_with_one_age_over_spare_rows() -> None:
    frequency, recency = _cohort()
    ages = [[39.0]] * 2000 + [[None]] * SPARE  # a column of 39s beside the same blanks
    for name in ("BGNBD_FIT", "PARETONBD_FIT"):
        got = evaluate(BY_NAME[name], frequency, recency, [[39.0]])
        assert not isinstance(got, CellError), (name, got)
        assert got == evaluate(BY_NAME[name], frequency, recency, ages), name
        assert got == evaluate(BY_NAME[name], frequency[:2000], recency[:2000], [[39.0]]), name
    pareto = evaluate(BY_NAME["PARETONBD_FIT"], frequency, recency, [[39.0]])[0]
    assert [round(v, 2) for v in pareto] == [0.51, 10.37, 1.37, 41.27, -9431.15]  # paretonbd_fit's docstring example


def test_a_row_with_a_frequency_but_no_recency_is_still_refused() -> None:
    got = evaluate(BY_NAME["BGNBD_FIT"], [[2.0], [1.0], [None]], [[30.0], [None], [None]], [[39.0]])
    assert isinstance(got, CellError) and got.code == "#VALUE!"
    assert got.message.startswith("frequency, age are given but recency is blank"), got.message
