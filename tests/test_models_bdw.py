"""BdW (beta-discrete-Weibull) model, shares with a cohort size, and the uncertainty of the sBG/BdW fits.

References are computed here independently of xl_retention: the likelihood from the
survival function B(alpha, beta + t^c) / B(alpha, beta) with math.lgamma, lifetimes by a
term-by-term sum, the optimum by scipy's Nelder-Mead, the standard errors by a numerical
Hessian of that likelihood.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy.optimize import minimize
from scipy.special import digamma
from test_models import standard_errors as numeric_se

import xl_retention as xr
from xl_retention import models as m
from xl_retention.errors import NotANumberError, OutOfRangeError

REGULAR = [1000, 631, 468, 382, 326, 289, 262, 241]  # Fader & Hardie 2007, years 0-7
HIGH_END = [1000, 869, 743, 653, 593, 551, 517, 491]


def lbeta(x: float, y: float) -> float:
    return math.lgamma(x) + math.lgamma(y) - math.lgamma(x + y)


def log_s(alpha: float, beta: float, c: float, t: int) -> float:
    return lbeta(alpha, beta + t**c) - lbeta(alpha, beta)


def bdw_ll_direct(alpha: float, beta: float, c: float, cohorts: list[list[float]]) -> float:
    """sum over cohorts: (n_{t-1} - n_t) ln(S(t - 1) - S(t)) + n_T ln S(T)."""
    total = 0.0
    for counts in cohorts:
        last = len(counts) - 1
        for t in range(1, last + 1):
            total += (counts[t - 1] - counts[t]) * math.log(
                math.exp(log_s(alpha, beta, c, t - 1)) - math.exp(log_s(alpha, beta, c, t))
            )
        total += counts[last] * log_s(alpha, beta, c, last)
    return total


# == BdW ==============================================================================
@pytest.mark.parametrize("data", [REGULAR, HIGH_END])
def test_bdw_fit_is_the_maximum_of_the_direct_likelihood(data):
    fit = m.bdw_fit(data)
    assert fit.log_likelihood == pytest.approx(bdw_ll_direct(fit.alpha, fit.beta, fit.c, [data]), abs=1e-8)

    def nll(p: np.ndarray) -> float:
        return -bdw_ll_direct(*np.exp(p), [data])

    peer = minimize(nll, np.zeros(3), method="Nelder-Mead", options={"xatol": 1e-10, "fatol": 1e-12, "maxiter": 20000})
    assert fit.log_likelihood >= -peer.fun - 1e-9
    assert np.exp(peer.x) == pytest.approx([fit.alpha, fit.beta, fit.c], rel=1e-4)
    # the sBG is BdW with c = 1: the BdW maximum is at least as high
    assert fit.log_likelihood >= m.sbg_fit(data).log_likelihood


def test_bdw_regular_and_high_end_estimates():
    """Our fits of Fader & Hardie's two cohorts on 7 years; the paper's own calibration (years 0-4) and its quoted
    figures: tests/test_models_bdw_checks.py."""
    regular, high_end = m.bdw_fit(REGULAR), m.bdw_fit(HIGH_END)
    assert [round(v, 3) for v in regular] == [0.456, 0.779, 1.283, -1679.603]
    assert [round(v, 3) for v in high_end] == [0.214, 1.427, 1.724, -1605.314]


def test_bdw_with_c_1_is_the_sbg_exactly():
    a, b = 0.704, 1.182
    t = np.arange(0, 30)
    assert np.array_equal(m.bdw_survival(a, b, 1.0, t), m.sbg_survival(a, b, t))
    assert np.allclose(m.bdw_retention(a, b, 1.0, t[1:]), m.sbg_retention(a, b, t[1:]), rtol=1e-13, atol=0)
    assert np.allclose(
        m.bdw_churn_probability(a, b, 1.0, t[1:]), m.sbg_churn_probability(a, b, t[1:]), rtol=1e-12, atol=0
    )
    for d in (0.0 if a > 1 else 0.1, 0.1, 1e-6):
        assert m.bdw_del(a, b, 1.0, d) == m.sbg_del(a, b, d)
        assert m.bdw_clv(50, a, b, 1.0, d) == m.sbg_clv(50, a, b, d)
        assert m.bdw_derl(a, b, 1.0, d, 3) == pytest.approx(m.sbg_derl(a, b, d, 3), rel=1e-14)
    # and the likelihood at c = 1 is the sBG's
    sbg = m.sbg_fit(REGULAR)
    assert bdw_ll_direct(sbg.alpha, sbg.beta, 1.0, [REGULAR]) == pytest.approx(sbg.log_likelihood, abs=1e-8)


@pytest.mark.parametrize(
    ("a", "b", "c", "d"), [(0.704, 1.182, 0.8, 0.1), (0.456, 0.779, 1.283, 0.05), (2.0, 3.0, 1.8, 1e-3)]
)
def test_bdw_lifetimes_against_term_by_term_sums(a, b, c, d):
    def s(t: int) -> float:
        return math.exp(log_s(a, b, c, t))

    horizon = int(60 / d) if d >= 0.01 else 60_000
    del_ = sum(s(t) / (1 + d) ** t for t in range(horizon))
    assert m.bdw_del(a, b, c, d) == pytest.approx(del_, rel=1e-10)
    derl = sum(s(t) / s(1) / (1 + d) ** (t - 2) for t in range(2, horizon))  # 1 renewal made: n = 2
    assert m.bdw_derl(a, b, c, d, 1) == pytest.approx(derl, rel=1e-10)
    assert m.bdw_clv(40, a, b, c, d) == pytest.approx(40 * del_, rel=1e-10)
    assert 1 + m.bdw_derl(a, b, c, d, 0) / (1 + d) == pytest.approx(m.bdw_del(a, b, c, d), rel=1e-12)


def test_bdw_elementwise_and_errors():
    assert m.bdw_survival(0.8, 2.0, [0.5, 1.0, 1.5], 0).tolist() == [1.0, 1.0, 1.0]
    with pytest.raises(OutOfRangeError, match="c must be a number > 0"):
        m.bdw_survival(0.8, 2.0, 0, 3)
    with pytest.raises(OutOfRangeError, match="t must be a whole period >= 1"):
        m.bdw_retention(0.8, 2.0, 1.2, 0)
    with pytest.raises(OutOfRangeError, match="below 0.0001 with c = 1.2"):
        m.bdw_del(0.8, 2.0, 1.2, 1e-5)
    with pytest.raises(OutOfRangeError, match="alpha > 1"):
        m.bdw_del(0.8, 2.0, 1.0, 0)
    with pytest.raises(OutOfRangeError, match="no churn"):
        m.bdw_fit([100, 100, 100])


def test_bdw_fit_of_a_triangle_with_empty_cohorts():
    n = np.nan
    triangle = [[100, 63, 47, 38, 33, 29], [0, 0, 0, 0, 0, n], [60, 38, 28, 23, n, n], [0, 0, 0, n, n, n]]
    fit = m.bdw_fit(triangle)
    assert fit == m.bdw_fit([triangle[0], triangle[2]])
    cohorts = [[100, 63, 47, 38, 33, 29], [60, 38, 28, 23]]
    assert fit.log_likelihood == pytest.approx(bdw_ll_direct(fit.alpha, fit.beta, fit.c, cohorts), abs=1e-8)


# == shares with a cohort size ========================================================
def test_shares_with_cohort_size_give_the_counts_fit():
    shares = [v / 1000 for v in HIGH_END]
    assert m.sbg_fit(shares, cohort_size=1000) == pytest.approx(m.sbg_fit(HIGH_END), rel=1e-12)
    assert m.bdw_fit(shares, cohort_size=1000) == pytest.approx(m.bdw_fit(HIGH_END), rel=1e-9)
    # one size per cohort row; the fit uses share x size, not rounded
    two = [[1, 0.631, 0.468, 0.382], [1, 0.869, 0.743, np.nan]]
    fit = m.sbg_fit(two, cohort_size=[1000, 500])
    expected = bdw_ll_direct(fit.alpha, fit.beta, 1.0, [[1000, 631, 468, 382], [500, 434.5, 371.5]])
    assert fit.log_likelihood == pytest.approx(expected, abs=1e-8)
    # a cohort of 1234 whose shares are rounded: counts 1234 x share, fractional
    direct = [1234 * v for v in (1, 0.869, 0.743, 0.653)]
    fit = m.sbg_fit([1, 0.869, 0.743, 0.653], cohort_size=1234)
    from_counts = sum(
        (direct[t - 1] - direct[t]) * (lbeta(fit.alpha + 1, fit.beta + t - 1) - lbeta(fit.alpha, fit.beta))
        for t in range(1, 4)
    ) + direct[3] * (lbeta(fit.alpha, fit.beta + 3) - lbeta(fit.alpha, fit.beta))
    assert fit.log_likelihood == pytest.approx(from_counts, abs=1e-9)


@pytest.mark.parametrize(
    ("survivors", "size", "error", "words"),
    [
        ([1, 0.869, 0.743], 0, OutOfRangeError, ["cohort_size", "whole number"]),
        ([1, 0.869, 0.743], 10.5, OutOfRangeError, ["cohort_size", "10.5"]),
        ([100, 86.9, 74.3], 1000, OutOfRangeError, ["between 0 and 1", "100", "86.9% is 0.869"]),
        ([0.95, 0.869, 0.743], 1000, OutOfRangeError, ["start at 1", "0.95"]),
        ([[1, 0.8, 0.7], [1, 0.9, 0.8]], [100, 200, 300], NotANumberError, ["cohort_size", "one per cohort row (2)"]),
        ([1, 0.869, 0.9], 1000, OutOfRangeError, ["rise"]),
    ],
)
def test_shares_errors(survivors, size, error, words):
    with pytest.raises(error) as raised:
        m.sbg_fit(survivors, cohort_size=size)
    for word in words:
        assert word in str(raised.value)


# == uncertainty ======================================================================
def test_sbg_and_bdw_standard_errors_from_the_observed_information():
    sbg = m.sbg_fit(REGULAR)

    def sbg_ll(a: float, b: float) -> float:
        return sum(
            (REGULAR[t - 1] - REGULAR[t]) * (lbeta(a + 1, b + t - 1) - lbeta(a, b)) for t in range(1, 8)
        ) + REGULAR[7] * (lbeta(a, b + 7) - lbeta(a, b))

    expected = numeric_se(sbg_ll, np.array([sbg.alpha, sbg.beta]))
    assert list(sbg.standard_errors.values()) == pytest.approx(expected, rel=1e-5)
    assert [round(v, 4) for v in sbg.standard_errors.values()] == [0.0656, 0.1525]
    bdw = m.bdw_fit(REGULAR)
    expected = numeric_se(lambda a, b, c: bdw_ll_direct(a, b, c, [REGULAR]), np.array(bdw[:3]))
    assert list(bdw.standard_errors.values()) == pytest.approx(expected, rel=1e-4)
    # intervals on the log scale: p exp(+-1.96 se / p), around the estimate
    for name, (low, high) in bdw.intervals().items():
        p, se = bdw.parameters[name], bdw.standard_errors[name]
        assert low == pytest.approx(p * math.exp(-1.959963984540054 * se / p), rel=1e-12)
        assert high == pytest.approx(p * math.exp(1.959963984540054 * se / p), rel=1e-12)
    table = bdw.summary()
    assert list(table.columns) == ["coef", "se(coef)", "lower 95% bound", "upper 95% bound"]
    assert table.loc["c", "coef"] == bdw.c


def test_projection_interval_by_the_delta_method():
    fit = m.sbg_fit(REGULAR)
    estimate, low, high = fit.interval(m.sbg_survival, scale="log", t=12)
    assert estimate == m.sbg_survival(fit.alpha, fit.beta, 12)
    # independent delta method: gradient of ln S(12) in (ln alpha, ln beta) by hand, covariance of the fit
    a, b = fit.alpha, fit.beta
    d_ln_a = a * (digamma(a + b) - digamma(a + b + 12))
    d_ln_b = b * (digamma(b + 12) - digamma(a + b + 12) - digamma(b) + digamma(a + b))
    g = np.array([d_ln_a, d_ln_b])
    se = math.sqrt(g @ fit.log_covariance @ g)
    assert low == pytest.approx(estimate * math.exp(-1.959963984540054 * se), rel=1e-6)
    assert high == pytest.approx(estimate * math.exp(1.959963984540054 * se), rel=1e-6)
    wider = fit.interval(m.sbg_survival, confidence=0.99, scale="log", t=12)
    assert wider.lower < low and wider.upper > high
    # probabilities default to the logit scale: ln(S / (1 - S)) has the gradient d ln S / (1 - S)
    se_logit = se / (1 - estimate)
    logit = math.log(estimate / (1 - estimate))
    _, low, high = fit.interval(m.sbg_survival, t=12)
    assert low == pytest.approx(1 / (1 + math.exp(-(logit - 1.959963984540054 * se_logit))), rel=1e-6)
    assert high == pytest.approx(1 / (1 + math.exp(-(logit + 1.959963984540054 * se_logit))), rel=1e-6)
    near_one = fit.interval(m.sbg_retention, confidence=0.999999, t=200)
    assert near_one.estimate < near_one.upper < 1
    clv = fit.interval(m.sbg_clv, margin=50, discount_rate=0.1)
    assert clv.lower < clv.estimate == m.sbg_clv(50, a, b, 0.1) < clv.upper
    with pytest.raises(OutOfRangeError, match="confidence"):
        fit.interval(m.sbg_survival, confidence=1.5, t=12)


def test_fit_results_still_spill_their_row():
    fit = xr.sbg_fit(REGULAR)
    assert len(fit) == 3 and list(fit) == [fit.alpha, fit.beta, fit.log_likelihood]
    assert len(xr.bdw_fit(REGULAR)) == 4


def test_no_standard_errors_where_the_information_is_singular():
    """A fit whose information is not positive definite gives NaN standard errors and refuses intervals (#NUM!)."""
    from xl_retention.models.intervals import _se

    fit = m.sbg_fit(REGULAR)._with_information(None)  # as when the information matrix is singular
    assert all(math.isnan(v) for v in fit.standard_errors.values())
    with pytest.raises(OutOfRangeError, match="not positive definite"):
        fit.intervals()
    with pytest.raises(OutOfRangeError, match="not positive definite"):
        fit.interval(m.sbg_survival, t=3)
    with pytest.raises(OutOfRangeError, match="alpha = 0.704077"):
        _se(fit, "survivors")
