"""Pareto/NBD fits of frequent buyers whose lifetimes show no spread: refused by the ridge's own words, fast.

The BG/NBD docstring's twelve customers with frequencies x 10 (up to 90 repeat purchases in 39 weeks) walked along
the s/beta ridge to the search's edge (beta = e^18) in 13-22 s (x 1000: 147 s) and were refused as 'did not converge'
(H114's finding 02): there 1 - z of the likelihood's 2F1 was 1e-7 and Gauss's fraction took 14 / sqrt(1 - z) steps
an evaluation. Now the search stops where s and beta are both above e^5 and the likelihood is flat both ways along
them, and the 2F1 is taken from its expansion at z = 1 below 1 - z = 1e-4.
"""

import numpy as np
import pytest

import xl_retention as xr
from xl_retention.cells import evaluate
from xl_retention.models._special import _sbg_hyp2f1
from xl_retention.registry import BY_NAME

FREQUENCY = [1, 1, 1, 9, 8, 1, 1, 0, 3, 2, 1, 2]
RECENCY = [1, 10, 2, 25, 10, 12, 1, 0, 13, 28, 11, 28]
AGE = [38, 33, 39, 28, 34, 32, 37, 29, 37, 34, 38, 33]
RIDGE = "Pareto/NBD fit: the likelihood has no finite peak; it stays flat as s and beta grow together (stopped at s = "


@pytest.mark.parametrize(("times", "ratio"), [(10, "0.076"), (1000, "0.08")])
def test_frequent_buyers_without_spread_in_lifetimes_are_refused_by_the_ridge(times, ratio):
    column = lambda values: [[v] for v in values]  # noqa: E731 - Excel passes a column as rows
    error = evaluate(BY_NAME["PARETONBD_FIT"], column([f * times for f in FREQUENCY]), column(RECENCY), column(AGE))
    assert error.code == "#NUM!"
    assert error.message.startswith(RIDGE), error.message
    assert f"the data show no spread between customers in lifetimes (s / beta = {ratio}" in error.message


def test_a_fit_with_a_peak_is_kept_where_the_ridge_check_runs():
    rng = np.random.default_rng(7)
    lam, mu = rng.gamma(0.55, 1 / 10.58, 2000), rng.gamma(0.61, 1 / 11.67, 2000)
    active = np.minimum(rng.exponential(1 / mu), 39.0)
    x = rng.poisson(lam * active)
    recency = np.where(x > 0, active * rng.beta(np.maximum(x, 1), 1), 0.0)
    fit = xr.paretonbd_fit(x, recency, np.full(2000, 39.0))
    assert [round(v, 2) for v in fit] == [0.51, 10.37, 1.37, 41.27, -9431.15]


@pytest.mark.parametrize(
    ("b", "c", "y"),
    [  # mpmath.hyp2f1(1, b, c, 1 - y) at 40 digits
        (250.0, 251.6, 5.5e-7),
        (1.6, 2.9, 3e-5),
        (12.5, 14.0, 1e-6),
    ],
)
def test_the_2f1_near_z_one_matches_mpmath(b, c, y):
    import mpmath

    with mpmath.workdps(40):  # (not mpmath.mp.dps = 40: that stayed for the next test files of the process)
        exact = float(mpmath.hyp2f1(1, b, c, 1 - mpmath.mpf(y)))
    value = _sbg_hyp2f1(np.array([c - b]), np.array([b]), np.array([1 - y]), np.array([y]))[0]
    assert value == pytest.approx(exact, rel=1e-11)
