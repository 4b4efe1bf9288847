"""Retention models (xl_retention.models): published estimates, simulations, brute-force sums, errors.

Every reference here is computed independently of the module: log-likelihoods from the
papers' formulas with math.lgamma, lifetime sums term by term, the BG/NBD conditional
expectation by quadrature over the dropout probability, and recovery tolerances from
the Fisher information of the simulated sample (4 standard errors).
"""

from __future__ import annotations

import math
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from xl_retention import models as m
from xl_retention.errors import NotANumberError, OutOfRangeError, RetentionInputError, ZeroDenominatorError

REGULAR = [1000, 631, 468, 382, 326, 289, 262, 241]  # Fader & Hardie 2007, years 0-7
HIGH_END = [1000, 869, 743, 653, 593, 551, 517, 491]
CDNOW = (0.243, 4.414, 0.793, 2.426)  # r, alpha, a, b of Fader, Hardie & Lee 2005


def lbeta(x: float, y: float) -> float:
    return math.lgamma(x) + math.lgamma(y) - math.lgamma(x + y)


# == simulation and independent likelihoods ===========================================
def simulate_sbg(n: int, alpha: float, beta: float, periods: int, rng: np.random.Generator) -> list[int]:
    """Survivors after periods 0..periods of a cohort of n: theta ~ Beta(alpha, beta), churn ~ Geometric(theta)."""
    churn_period = rng.geometric(rng.beta(alpha, beta, n))
    return [int(np.count_nonzero(churn_period > t)) for t in range(periods + 1)]


def sbg_ll_direct(alpha: float, beta: float, cohorts: list[list[float]]) -> float:
    """sum over cohorts: (n_{t-1} - n_t) ln P(T = t) + n_T ln S(T), the paper's formulas with lgamma."""
    total = 0.0
    base = lbeta(alpha, beta)
    for counts in cohorts:
        counts = [c for c in counts if c is not None and not (isinstance(c, float) and math.isnan(c))]
        last = len(counts) - 1
        for t in range(1, last + 1):
            total += (counts[t - 1] - counts[t]) * (lbeta(alpha + 1, beta + t - 1) - base)
        total += counts[last] * (lbeta(alpha, beta + last) - base)
    return total


def sbg_se(alpha: float, beta: float, n: int, periods: int) -> np.ndarray:
    """Standard errors of (alpha, beta) from the expected Fisher information of one cohort of n."""

    def log_cells(a: float, b: float) -> np.ndarray:
        base = lbeta(a, b)
        cells = [lbeta(a + 1, b + t - 1) - base for t in range(1, periods + 1)]
        return np.array([*cells, lbeta(a, b + periods) - base])

    h = 1e-6
    grads = np.stack(
        [
            (log_cells(alpha + h, beta) - log_cells(alpha - h, beta)) / (2 * h),
            (log_cells(alpha, beta + h) - log_cells(alpha, beta - h)) / (2 * h),
        ]
    )
    p = np.exp(log_cells(alpha, beta))
    information = n * (grads * p) @ grads.T
    return np.sqrt(np.diag(np.linalg.inv(information)))


def simulate_bgnbd(n: int, r: float, alpha: float, a: float, b: float, age: np.ndarray, rng: np.random.Generator):
    """(x, t_x, T) of n customers: lambda ~ Gamma(r, alpha), p ~ Beta(a, b); purchases Poisson(lambda) after the
    first at 0, dropout with probability p after each repeat purchase."""
    age = np.broadcast_to(np.asarray(age, dtype=float), (n,)).copy()
    lam, p = rng.gamma(r, 1.0 / alpha, n), rng.beta(a, b, n)
    x, tx, clock = np.zeros(n), np.zeros(n), np.zeros(n)
    active = np.arange(n)
    while active.size:
        clock[active] += rng.exponential(1.0, active.size) / lam[active]
        active = active[clock[active] <= age[active]]
        x[active] += 1
        tx[active] = clock[active]
        active = active[rng.random(active.size) >= p[active]]
    return x, tx, age


def bgnbd_ll_direct(r: float, alpha: float, a: float, b: float, x, tx, age) -> float:
    """FHL 2005 eq. (6), customer by customer, with lgamma."""
    total = 0.0
    for xi, txi, ti in zip(x, tx, age, strict=True):
        common = math.lgamma(r + xi) - math.lgamma(r) + r * math.log(alpha)
        alive = lbeta(a, b + xi) - lbeta(a, b) - (r + xi) * math.log(alpha + ti)
        if xi > 0:
            dropped = lbeta(a + 1, b + xi - 1) - lbeta(a, b) - (r + xi) * math.log(alpha + txi)
            total += common + math.log(math.exp(alive) + math.exp(dropped))
        else:
            total += common + alive
    return total


def simulate_gammagamma(n: int, p: float, q: float, v: float, rng: np.random.Generator):
    """Repeat purchases x in 1..7 and their mean value: values Gamma(p, nu), nu ~ Gamma(q, v)."""
    x = rng.integers(1, 8, n).astype(float)
    nu = rng.gamma(q, 1.0 / v, n)
    return x, rng.gamma(p * x, 1.0 / (nu * x))  # the mean of x Gamma(p, nu) values is Gamma(p x, nu x)


def gammagamma_ll_direct(p: float, q: float, v: float, x, mean) -> float:
    total = 0.0
    for xi, mi in zip(x, mean, strict=True):
        if xi > 0:
            total += (
                math.lgamma(p * xi + q)
                - math.lgamma(p * xi)
                - math.lgamma(q)
                + q * math.log(v)
                + (p * xi - 1) * math.log(mi)
                + p * xi * math.log(xi)
                - (p * xi + q) * math.log(xi * mi + v)
            )
    return total


def standard_errors(loglik, params: np.ndarray, rel_step: float = 1e-4) -> np.ndarray:
    """Standard errors from the observed information: a numerical Hessian of ``loglik`` at ``params``."""
    k = params.size
    steps = rel_step * params
    hessian = np.empty((k, k))
    for i in range(k):
        for j in range(k):

            def at(di: int, dj: int, i: int = i, j: int = j) -> float:
                shifted = params.copy()
                shifted[i] += di * steps[i]
                shifted[j] += dj * steps[j]
                return loglik(*shifted)

            hessian[i, j] = (at(1, 1) - at(1, -1) - at(-1, 1) + at(-1, -1)) / (4 * steps[i] * steps[j])
    return np.sqrt(np.diag(np.linalg.inv(-hessian)))


# == sBG fit ==========================================================================
@pytest.mark.parametrize(
    ("survivors", "alpha", "beta"),
    [(REGULAR, 0.704, 1.182), (HIGH_END, 0.668, 3.806)],
    ids=["regular", "high_end"],
)
def test_sbg_fit_fader_hardie_2007_estimates(survivors, alpha, beta):
    # The paper's MLEs: regular alpha 0.704, beta 1.182; high end alpha 0.668, beta 3.806.
    fit = m.sbg_fit(survivors)
    assert (round(fit.alpha, 3), round(fit.beta, 3)) == (alpha, beta)
    assert fit.log_likelihood == pytest.approx(sbg_ll_direct(fit.alpha, fit.beta, [survivors]), abs=1e-9)


def test_sbg_fit_is_the_maximum_of_the_direct_likelihood():
    fit = m.sbg_fit(REGULAR)
    best = sbg_ll_direct(fit.alpha, fit.beta, [REGULAR])
    assert best == pytest.approx(-1680.2651884632871, abs=1e-6)
    assert m.sbg_fit(HIGH_END).log_likelihood == pytest.approx(-1611.1581473911563, abs=1e-6)
    for da, db in [(1e-4, 0), (-1e-4, 0), (0, 1e-4), (0, -1e-4), (1e-4, 1e-4), (-1e-4, 1e-4)]:
        assert sbg_ll_direct(fit.alpha + da, fit.beta + db, [REGULAR]) < best


def test_sbg_fit_recovers_simulated_parameters():
    rng = np.random.default_rng(20070101)
    alpha, beta, n, periods = 0.7, 1.2, 100_000, 10
    survivors = simulate_sbg(n, alpha, beta, periods, rng)
    fit = m.sbg_fit(survivors)
    se = sbg_se(alpha, beta, n, periods)  # about 0.009 and 0.02
    assert abs(fit.alpha - alpha) < 4 * se[0]
    assert abs(fit.beta - beta) < 4 * se[1]
    assert fit.log_likelihood == pytest.approx(sbg_ll_direct(fit.alpha, fit.beta, [survivors]), abs=1e-9)


def test_sbg_fit_ragged_triangle_of_cohorts():
    rng = np.random.default_rng(24)
    alpha, beta = 1.5, 6.0
    cohorts = [simulate_sbg(2000, alpha, beta, 24 - i, rng) for i in range(24)]  # 25 values down to 2
    padded = np.array([c + [np.nan] * (25 - len(c)) for c in cohorts])
    fit = m.sbg_fit(padded)
    assert m.sbg_fit(cohorts) == fit  # ragged lists
    assert m.sbg_fit([c + [None] * (25 - len(c)) for c in cohorts]) == fit  # None tails
    assert m.sbg_fit(pd.DataFrame(padded)) == fit
    assert m.sbg_fit(padded.tolist() + [[None] * 25]) == fit  # a cohort not started yet
    assert fit.log_likelihood == pytest.approx(sbg_ll_direct(fit.alpha, fit.beta, cohorts), abs=1e-8)

    def loglik(a: float, b: float) -> float:
        return sbg_ll_direct(a, b, cohorts)

    se = standard_errors(loglik, np.array([fit.alpha, fit.beta]))
    assert abs(fit.alpha - alpha) < 4 * se[0]
    assert abs(fit.beta - beta) < 4 * se[1]


def test_sbg_fit_leaves_out_empty_cohorts():
    """A month without sign-ups is a cohort of size 0 (a row of zeros): it adds nothing to the likelihood."""
    n = np.nan
    triangle = np.array(
        [
            [100, 63, 47, 38, 33, 29],
            [0, 0, 0, 0, 0, n],
            [60, 38, 28, 23, n, n],
            [0, 0, 0, n, n, n],
            [0, 0, n, n, n, n],
            [0, n, n, n, n, n],
        ]
    )
    fit = m.sbg_fit(triangle)
    assert round(fit.alpha, 4) == 0.7411
    assert round(fit.beta, 4) == 1.2552
    assert round(fit.log_likelihood, 2) == -226.09
    assert fit == m.sbg_fit(triangle[[0, 2]])  # the same as the non-empty cohorts alone
    assert fit.log_likelihood == pytest.approx(
        sbg_ll_direct(fit.alpha, fit.beta, [[100, 63, 47, 38, 33, 29], [60, 38, 28, 23]]), abs=1e-9
    )
    assert m.sbg_fit([REGULAR, [0] * 8]) == m.sbg_fit(REGULAR)


def test_sbg_fit_single_cohort_as_column_row_or_series():
    fit = m.sbg_fit(REGULAR)
    assert m.sbg_fit([[v] for v in REGULAR]) == fit  # an Excel column
    assert m.sbg_fit([REGULAR]) == fit  # an Excel row
    assert m.sbg_fit(pd.Series(REGULAR)) == fit
    assert m.sbg_fit(np.array(REGULAR + [np.nan, np.nan])) == fit
    assert m.sbg_fit(REGULAR[:3]).alpha > 0  # three values are enough


@pytest.mark.parametrize(
    ("survivors", "error", "words"),
    [
        ([1000, 631, 700, 382], OutOfRangeError, ["survivors", "631", "700", "period 2"]),
        ([[1000, 631, 468], [1000, 600, 650]], OutOfRangeError, ["survivors", "period 2", "row 2"]),
        ([1000, 631], OutOfRangeError, ["survivors", "at least 2 periods", "2 value"]),
        ([[1000, 631], [500, 300]], OutOfRangeError, ["survivors", "at least 2 periods"]),
        ([0, 0, 0], ZeroDenominatorError, ["survivors", "size 0"]),
        ([[0, 0, 0], [0, 0, None]], ZeroDenominatorError, ["survivors", "size 0", "2 of them"]),
        ([[1000, 631, 468], [0, 5, None]], OutOfRangeError, ["survivors", "rise from 0", "row 2"]),
        ([1000, -5, -6], OutOfRangeError, ["survivors", "-5", "period 1"]),
        ([1000, 631.5, 468], OutOfRangeError, ["survivors", "631.5", "period 1"]),
        ([1000, "six hundred", 468], NotANumberError, ["survivors", "six hundred"]),
        ([1000, None, 468], NotANumberError, ["survivors", "blank at period 1"]),
        ([1000, 1000, 1000], OutOfRangeError, ["survivors", "no churn"]),
        ([1000, 0, 0], OutOfRangeError, ["survivors", "period 1"]),
        ([1000, 500, 250, 125, 62], OutOfRangeError, ["no finite maximum", "no heterogeneity"]),
        ([1000, 800, 500, 200], OutOfRangeError, ["no finite maximum", "infinity"]),
    ],
)
def test_sbg_fit_bad_input(survivors, error, words):
    with pytest.raises(error) as raised:
        m.sbg_fit(survivors)
    assert raised.value.argument == "survivors"
    for word in words:
        assert word in str(raised.value)


# == sBG functions ====================================================================
def test_sbg_survival_retention_churn_are_consistent():
    a, b = 0.704, 1.182
    t = np.arange(0, 40)
    s = m.sbg_survival(a, b, t)
    r = m.sbg_retention(a, b, t[1:])
    p = m.sbg_churn_probability(a, b, t[1:])
    assert s[0] == 1.0
    np.testing.assert_allclose(s[1:], np.cumprod(r), rtol=1e-13)
    np.testing.assert_allclose(p, s[:-1] - s[1:], rtol=1e-12, atol=1e-16)
    assert r[0] == pytest.approx(b / (a + b), rel=1e-15)
    assert np.all(np.diff(r) > 0)  # retention rises: the loyal stay
    assert m.sbg_churn_probability(a, b, 1) == pytest.approx(a / (a + b), rel=1e-14)


def test_sbg_elementwise_kinds():
    assert isinstance(m.sbg_survival(1.0, 2.0, 3), float)
    assert m.sbg_survival(1.0, 2.0, 3) == pytest.approx(2 / 5, rel=1e-14)  # B(1, 5) / B(1, 2) = 2 / 5
    series = pd.Series([1, 2, 3], index=["jan", "feb", "mar"])
    out = m.sbg_retention(1.0, 2.0, series)
    assert isinstance(out, pd.Series) and list(out.index) == ["jan", "feb", "mar"]
    assert out.tolist() == [2 / 3, 3 / 4, 4 / 5]
    assert isinstance(m.sbg_churn_probability(1.0, 2.0, np.array([1, 2])), np.ndarray)
    assert np.isnan(m.sbg_survival(1.0, 2.0, [1, None])[1])  # blanks propagate
    assert isinstance(m.sbg_del(np.array([1.0, 2.0]), 2.0, 0.1), np.ndarray)
    out = m.sbg_derl(1.0, 2.0, 0.1, series)
    assert isinstance(out, pd.Series) and list(out.index) == ["jan", "feb", "mar"]


@pytest.mark.parametrize(
    ("call", "error", "argument"),
    [
        (lambda: m.sbg_survival(0, 1, 2), OutOfRangeError, "alpha"),
        (lambda: m.sbg_survival(1, -1, 2), OutOfRangeError, "beta"),
        (lambda: m.sbg_survival(1, 1, -1), OutOfRangeError, "t"),
        (lambda: m.sbg_survival(1, 1, 1.5), OutOfRangeError, "t"),
        (lambda: m.sbg_retention(1, 1, 0), OutOfRangeError, "t"),
        (lambda: m.sbg_churn_probability(1, 1, 0), OutOfRangeError, "t"),
        (lambda: m.sbg_survival("one", 1, 1), NotANumberError, "alpha"),
        (lambda: m.sbg_del(1, 1, -0.1), OutOfRangeError, "discount_rate"),
        (lambda: m.sbg_del(0.9, 1, 0), OutOfRangeError, "discount_rate"),
        (lambda: m.sbg_del(1.0, 1, 0), OutOfRangeError, "discount_rate"),
        (lambda: m.sbg_del(2.0, 1, 1e-8), OutOfRangeError, "discount_rate"),
        (lambda: m.sbg_derl(1, 1, 0.1, -1), OutOfRangeError, "renewals"),
        (lambda: m.sbg_derl(1, 1, 0.1, 0.5), OutOfRangeError, "renewals"),
        (lambda: m.sbg_clv(-1, 1, 1, 0.1), OutOfRangeError, "margin"),
        (lambda: m.sbg_clv(10, 1, 0, 0.1), OutOfRangeError, "beta"),
    ],
)
def test_sbg_functions_bad_input(call, error, argument):
    with pytest.raises(error) as raised:
        call()
    assert raised.value.argument == argument
    assert argument in str(raised.value)


def brute_lifetime(alpha: float, beta: float, d: float, renewals: int | None = None, terms: int = 300_000) -> float:
    """sum_{t>=0} S(t) / (1+d)^t, or the paper's DERL sum_{t>=n} S(t) / S(n-1) / (1+d)^(t-n), term by term."""
    n = 0 if renewals is None else renewals + 1
    start = 0 if renewals is None else n - 1  # S(t) / S(n - 1): retention factors r(n), r(n + 1), ...
    i = np.arange(start + 1, start + terms, dtype=np.float64)
    survival = np.concatenate(([1.0], np.cumprod((beta + i - 1) / (alpha + beta + i - 1))))
    if renewals is not None:
        survival = survival[1:]  # from t = n
    discount = (1.0 + d) ** -np.arange(survival.size, dtype=np.float64)
    return float(math.fsum(survival * discount))


LIFETIME_CASES = [
    (0.704, 1.182, 0.10),
    (0.668, 3.806, 0.10),
    (0.3, 0.5, 0.01),
    (2.0, 3.0, 0.05),
    (1.0, 1.0, 0.2),
    (5.0, 150.0, 0.01),  # where scipy.special.hyp2f1 returns inf
    (0.05, 20.0, 0.001),
    (40.0, 2.0, 1.0),  # the highest rate a period (above 1: #NUM!, as in CLV)
]


@pytest.mark.parametrize(("alpha", "beta", "d"), LIFETIME_CASES)
def test_sbg_del_equals_a_brute_force_sum(alpha, beta, d):
    assert m.sbg_del(alpha, beta, d) == pytest.approx(brute_lifetime(alpha, beta, d), rel=1e-9)


@pytest.mark.parametrize(("alpha", "beta", "d"), LIFETIME_CASES)
@pytest.mark.parametrize("renewals", [0, 1, 4, 200])
def test_sbg_derl_equals_a_brute_force_sum(alpha, beta, d, renewals):
    expected = brute_lifetime(alpha, beta, d, renewals)
    assert m.sbg_derl(alpha, beta, d, renewals) == pytest.approx(expected, rel=1e-9)


@pytest.mark.parametrize(
    ("alpha", "beta", "d", "rel"),
    [(*case, 1e-12) for case in LIFETIME_CASES]
    # near d = 0 the fraction runs thousands of steps and keeps about 11 digits
    + [(0.7, 1.2, 1e-4, 1e-12), (3.0, 2.0, 1e-5, 1e-11), (0.3, 4.0, 1e-6, 1e-10)],
)
def test_sbg_del_derl_identities(alpha, beta, d, rel):
    # Fader & Hardie 2010 DERL (valued just before the next renewal): DEL = 1 + DERL(0) / (1 + d),
    # the identity; and DERL(k) = r(k + 1) (1 + DERL(k + 1) / (1 + d)) for every k.
    del_ = m.sbg_del(alpha, beta, d)
    derl = m.sbg_derl(alpha, beta, d, np.arange(6))
    assert del_ == pytest.approx(1 + derl[0] / (1 + d), rel=rel)
    retention = m.sbg_retention(alpha, beta, np.arange(1, 6))
    np.testing.assert_allclose(derl[:-1], retention * (1 + derl[1:] / (1 + d)), rtol=rel)
    # the other candidate, DEL = 1 + DERL(0), misses by DERL(0) d / (1 + d) with the paper's DERL
    assert (1 + derl[0]) - del_ == pytest.approx(derl[0] * d / (1 + d), rel=1e-6, abs=2 * rel * del_)


positive = st.floats(min_value=0.05, max_value=50.0)


@settings(max_examples=150, deadline=None)
@given(alpha=positive, beta=positive, d=st.floats(min_value=1e-3, max_value=1.0), renewals=st.integers(0, 500))
def test_sbg_identities_hold_everywhere(alpha, beta, d, renewals):
    del_ = m.sbg_del(alpha, beta, d)
    derl = m.sbg_derl(alpha, beta, d, [0, renewals, renewals + 1])
    # 1e-11: Gauss's fraction is within 1e-12 of mpmath at d = 1e-3 (alpha = 0.0686, beta = 0.05, d = 1e-3: DEL
    # 266.7400711490314 against mpmath's 266.7400711492936, 9.8e-13) and 1e-11 at d = 1e-5 (models/_special.py)
    assert del_ == pytest.approx(1 + derl[0] / (1 + d), rel=1e-11)
    retention = m.sbg_retention(alpha, beta, renewals + 1)
    assert derl[1] == pytest.approx(retention * (1 + derl[2] / (1 + d)), rel=1e-11)
    assert 1 <= del_ <= (1 + d) / d + 1e-9  # between one period and never churning


def test_sbg_lifetime_without_discount():
    # d = 0: E[T] = (alpha + beta - 1) / (alpha - 1) and residual (beta + n - 1) / (alpha - 1), for alpha > 1
    assert m.sbg_del(2.0, 3.0, 0) == 4.0
    assert m.sbg_derl(2.0, 3.0, 0, 0) == pytest.approx(3.0, rel=1e-15)
    assert m.sbg_derl(2.5, 3.0, 0.0, 4) == pytest.approx(7.0 / 1.5, rel=1e-15)
    assert m.sbg_del(2.5, 3.0, 1e-6) == pytest.approx(m.sbg_del(2.5, 3.0, 0), rel=1e-4)
    assert m.sbg_clv(10.0, 2.0, 3.0, 0) == 40.0


def test_sbg_clv_is_margin_times_del():
    assert m.sbg_clv(50.0, 0.704, 1.182, 0.1) == pytest.approx(50.0 * m.sbg_del(0.704, 1.182, 0.1), rel=1e-15)
    np.testing.assert_allclose(
        m.sbg_clv([10.0, 20.0], 1.0, 2.0, [0.1, 0.2]),
        [10.0 * m.sbg_del(1.0, 2.0, 0.1), 20.0 * m.sbg_del(1.0, 2.0, 0.2)],
        rtol=1e-15,
    )


# == BG/NBD ===========================================================================
@pytest.fixture(scope="module")
def bgnbd_sample():
    rng = np.random.default_rng(2005)
    n = 5000
    x, tx, age = simulate_bgnbd(n, 0.243, 4.414, 0.793, 2.426, rng.uniform(27.0, 39.0, n), rng)
    return x, tx, age, m.bgnbd_fit(x, tx, age)


def test_bgnbd_fit_recovers_simulated_parameters(bgnbd_sample):
    x, tx, age, fit = bgnbd_sample
    assert fit.log_likelihood == pytest.approx(bgnbd_ll_direct(*fit[:4], x, tx, age), abs=1e-9)
    se = standard_errors(lambda *p: bgnbd_ll_direct(*p, x, tx, age), np.array(fit[:4]))
    for estimate, true, error in zip(fit[:4], (0.243, 4.414, 0.793, 2.426), se, strict=True):
        assert abs(estimate - true) < 4 * error


def test_bgnbd_fit_is_the_maximum_of_the_direct_likelihood(bgnbd_sample):
    x, tx, age, fit = bgnbd_sample
    best = bgnbd_ll_direct(*fit[:4], x, tx, age)
    for k in range(4):
        for sign in (1, -1):
            params = list(fit[:4])
            params[k] *= 1 + sign * 1e-3
            assert bgnbd_ll_direct(*params, x, tx, age) < best


def test_bgnbd_fit_weights_identical_customers(bgnbd_sample):
    x, tx, age, fit = bgnbd_sample
    twice = m.bgnbd_fit(np.tile(x, 2), np.tile(tx, 2), np.tile(age, 2))
    np.testing.assert_allclose(twice[:4], fit[:4], rtol=1e-5)
    assert twice.log_likelihood == pytest.approx(2 * fit.log_likelihood, rel=1e-9)
    # ranges as Excel gives them (columns, blank rows at the end) fit the same
    column = m.bgnbd_fit([[v] for v in x] + [[None]], [[v] for v in tx] + [[None]], [[v] for v in age] + [[None]])
    assert column == fit


def test_bgnbd_p_alive():
    r, alpha, a, b = CDNOW
    assert m.bgnbd_p_alive(r, alpha, a, b, 0, 0, 38.86) == 1.0  # dropout only follows a purchase
    assert m.bgnbd_p_alive(r, alpha, a, b, [0, 0], [0, 0], [10.0, 50.0]).tolist() == [1.0, 1.0]
    x, tx, age = 2.0, 30.43, 38.86
    odds = a / (b + x - 1) * ((alpha + age) / (alpha + tx)) ** (r + x)
    assert m.bgnbd_p_alive(r, alpha, a, b, x, tx, age) == pytest.approx(1 / (1 + odds), rel=1e-14)
    silence = m.bgnbd_p_alive(r, alpha, a, b, 5, 30.0, np.array([30.0, 35.0, 40.0, 60.0]))
    assert np.all(np.diff(silence) < 0) and silence[0] == pytest.approx(1 / (1 + a / (b + 4)), rel=1e-14)


def quadrature_expected(r, alpha, a, b, t, x, tx, age):
    """E[Y(t) | x, t_x, T] integrating lambda in closed form and p numerically (FHL 2005 eq. 9 with Bayes)."""
    from scipy import integrate

    k = r + x

    def future(p: float) -> float:  # E[(1 - p)^x lambda^x e^{-lambda T} (1 - e^{-lambda p t}) / p] / C
        if p == 0:  # the limit: k t / (alpha + T) of the bracket
            return (alpha + age) ** -k * k * t / (alpha + age)
        return (1 - p) ** x * (alpha + age) ** -k * -math.expm1(-k * math.log1p(p * t / (alpha + age))) / p

    numerator, _ = integrate.quad(future, 0, 1, weight="alg", wvar=(a - 1, b - 1), epsabs=0, epsrel=1e-12, limit=200)
    numerator /= math.exp(lbeta(a, b))
    alive = math.exp(lbeta(a, b + x) - lbeta(a, b)) * (alpha + age) ** -k
    dropped = math.exp(lbeta(a + 1, b + x - 1) - lbeta(a, b)) * (alpha + tx) ** -k if x > 0 else 0.0
    return numerator / (alive + dropped)


@pytest.mark.parametrize(
    ("params", "t", "x", "tx", "age"),
    [
        (CDNOW, 39.0, 2, 30.43, 38.86),
        (CDNOW, 39.0, 0, 0.0, 38.86),
        (CDNOW, 10.0, 12, 20.0, 38.0),
        (CDNOW, 500.0, 1, 1.0, 30.0),
        ((0.5, 10.0, 1.0, 3.0), 52.0, 3, 10.0, 40.0),  # a = 1: the formula's 0 / 0, taken as its limit
        ((2.0, 1.0, 3.5, 0.7), 5.0, 40, 200.0, 210.0),
    ],
)
def test_bgnbd_expected_equals_quadrature(params, t, x, tx, age):
    expected = quadrature_expected(*params, t, x, tx, age)
    assert m.bgnbd_expected(*params, t, x, tx, age) == pytest.approx(expected, rel=1e-8)


def test_bgnbd_expected_published_value_and_shape():
    r, alpha, a, b = CDNOW
    # FHL 2005: a customer with x = 2, t_x = 30.43, T = 38.86 is expected to buy 1.226 times in 39 weeks
    assert round(m.bgnbd_expected(r, alpha, a, b, 39, 2, 30.43, 38.86), 3) == 1.226
    t = np.array([0.0, 1.0, 5.0, 39.0, 100.0, 1000.0])
    by_t = m.bgnbd_expected(r, alpha, a, b, t, 2, 30.43, 38.86)
    assert by_t[0] == 0 and np.all(np.diff(by_t) > 0)
    by_x = m.bgnbd_expected(r, alpha, a, b, 39, np.arange(0, 30), np.where(np.arange(0, 30) > 0, 38.0, 0.0), 38.0)
    assert np.all(np.diff(by_x) > 0)
    # a new customer's expected purchases start at rate E[lambda] = r / alpha
    assert m.bgnbd_expected(r, alpha, a, b, 1e-7, 0, 0, 0) / 1e-7 == pytest.approx(r / alpha, rel=1e-6)
    # continuous through a = 1
    near = m.bgnbd_expected(r, alpha, np.array([1 - 1e-7, 1.0, 1 + 1e-7]), b, 39, 2, 30.43, 38.86)
    assert near[0] == pytest.approx(near[1], rel=1e-6) and near[2] == pytest.approx(near[1], rel=1e-6)


def test_bgnbd_kinds():
    r, alpha, a, b = CDNOW
    series = pd.Series([0.0, 2.0], index=["ann", "bob"])
    out = m.bgnbd_p_alive(r, alpha, a, b, series, pd.Series([0.0, 30.43], index=["ann", "bob"]), 38.86)
    assert isinstance(out, pd.Series) and list(out.index) == ["ann", "bob"]
    assert isinstance(m.bgnbd_expected(r, alpha, a, b, 39, 2, 30.43, 38.86), float)
    # blanks propagate as NaN, as in the other elementwise functions
    assert np.isnan(m.bgnbd_p_alive(r, [alpha, None], a, b, 2, 30.43, 38.86)[1])
    assert np.isnan(m.bgnbd_expected(r, alpha, a, b, 39, [2, None], [30.43, None], [38.86, None])[1])
    assert np.isnan(m.bgnbd_clv(r, alpha, a, b, 2, 30.43, 38.86, [35.0, None])[1])


@pytest.mark.parametrize(
    ("frequency", "recency", "age", "error", "words"),
    [
        ([-1, 2], [0, 3], [5, 5], OutOfRangeError, ["frequency", "-1"]),
        ([1.5, 2], [1, 3], [5, 5], OutOfRangeError, ["frequency", "1.5"]),
        ([1, 2], [-1, 3], [5, 5], OutOfRangeError, ["recency", "-1"]),
        ([1, 2], [6, 3], [5, 5], OutOfRangeError, ["recency (6) exceeds T (5)"]),
        ([0, 2], [1, 3], [5, 5], OutOfRangeError, ["recency (1)", "frequency is 0"]),
        ([1, 2], [1, 3], [5, "x"], NotANumberError, ["T", "'x'"]),
        ([1, 2], [1, 3], [5, 6, 7], NotANumberError, ["one value per customer"]),  # one age for all: repeated
        ([1, 2], [1, None], [5, 5], NotANumberError, ["recency is blank at position 1"]),
        ([0, 0, 0], [0, 0, 0], [5, 6, 7], OutOfRangeError, ["frequency is 0 for every customer"]),
    ],
)
def test_bgnbd_bad_input(frequency, recency, age, error, words):
    with pytest.raises(error) as raised:
        m.bgnbd_fit(frequency, recency, age)
    for word in words:
        assert word in str(raised.value)


@pytest.mark.parametrize(
    ("frequency", "recency", "age", "argument"),
    [(-1, 0, 5, "frequency"), (1.5, 1, 5, "frequency"), (1, 6, 5, "recency"), (0, 1, 5, "recency")],
)
def test_bgnbd_elementwise_bad_input(frequency, recency, age, argument):
    for call in (
        lambda: m.bgnbd_p_alive(*CDNOW, frequency, recency, age),
        lambda: m.bgnbd_expected(*CDNOW, 39, frequency, recency, age),
    ):
        with pytest.raises(OutOfRangeError) as raised:
            call()
        assert raised.value.argument == argument
    with pytest.raises(OutOfRangeError, match="r must be a number > 0"):
        m.bgnbd_p_alive(0, 4.4, 0.8, 2.4, 1, 1, 5)


def test_bgnbd_clv_is_the_discounted_sum_of_monthly_purchases():
    r, alpha, a, b = CDNOW
    x, tx, age, value = 2, 30.43, 38.86, 35.0
    expected = sum(
        (
            m.bgnbd_expected(r, alpha, a, b, 4.345 * i, x, tx, age)
            - m.bgnbd_expected(r, alpha, a, b, 4.345 * (i - 1), x, tx, age)
        )
        / 1.01**i
        for i in range(1, 13)
    )
    clv = m.bgnbd_clv(r, alpha, a, b, x, tx, age, value, 0.3, 12, 0.01, 4.345)
    assert clv == pytest.approx(0.3 * value * expected, rel=1e-12)
    months = m.bgnbd_clv(r, alpha, a, b, x, tx, age, value, 1.0, np.array([1, 12, 24]), 0.01, 4.345)
    assert np.all(np.diff(months) > 0)


# == Gamma-Gamma ======================================================================
def test_gammagamma_fit_recovers_simulated_parameters():
    rng = np.random.default_rng(2013)
    x, mean = simulate_gammagamma(4000, 6.25, 3.74, 15.44, rng)
    x = np.append(x, [0.0, 0.0])  # customers without repeat purchases are left out of the fit
    mean = np.append(mean, [0.0, 0.0])
    fit = m.gammagamma_fit(x, mean)
    assert fit.log_likelihood == pytest.approx(gammagamma_ll_direct(*fit[:3], x, mean), abs=1e-9)
    se = standard_errors(lambda *p: gammagamma_ll_direct(*p, x, mean), np.array(fit[:3]))
    for estimate, true, error in zip(fit[:3], (6.25, 3.74, 15.44), se, strict=True):
        assert abs(estimate - true) < 4 * error


def test_gammagamma_mean():
    p, q, v = 6.25, 3.74, 15.44
    assert m.gammagamma_mean(p, q, v, 0, 0) == pytest.approx(p * v / (q - 1), rel=1e-15)
    x, mean = np.array([1.0, 2.0, 10.0]), np.array([20.0, 20.0, 20.0])
    out = m.gammagamma_mean(p, q, v, x, mean)
    weight = p * x / (p * x + q - 1)
    np.testing.assert_allclose(out, (1 - weight) * p * v / (q - 1) + weight * mean, rtol=1e-14)
    assert np.all(np.diff(out) < 0)  # more purchases: closer to the customer's own 20 than to the mean 35.2


@pytest.mark.parametrize(
    ("call", "error", "words"),
    [
        (lambda: m.gammagamma_mean(6.0, 1.0, 15.0, 1, 20), OutOfRangeError, ["q must be > 1", "1"]),
        (lambda: m.gammagamma_mean(6.0, 3.0, 15.0, -1, 20), OutOfRangeError, ["frequency", "-1"]),
        (lambda: m.gammagamma_fit([1, 2, 3], [10.0, 0.0, 5.0]), OutOfRangeError, ["monetary_value", "position 1"]),
        (lambda: m.gammagamma_fit([1, 2, 0], [10.0, 3.0, 0.0]), OutOfRangeError, ["at least 3"]),
        (lambda: m.gammagamma_fit([1, 2, 3], [10.0, "a", 5.0]), NotANumberError, ["monetary_value", "'a'"]),
    ],
)
def test_gammagamma_bad_input(call, error, words):
    with pytest.raises(error) as raised:
        call()
    for word in words:
        assert word in str(raised.value)


# == RFM summary ======================================================================
def test_rfm_summary_lifetimes_conventions():
    orders = pd.DataFrame(
        {
            "customer_id": ["a", "a", "a", "a", "b", "c", "c"],
            "date": [
                "2024-01-01 09:00",
                "2024-01-01 18:00",  # same day: one purchase, amounts summed
                "2024-01-10",
                "2024-02-20",
                "2024-01-15",
                "2024-02-01",
                "2024-03-05",  # after observation_end: ignored
            ],
            "amount": [10.0, 5.0, 30.0, 50.0, 8.0, 12.0, 99.0],
        }
    )
    days = m.rfm_summary(orders, observation_end="2024-02-29")
    assert days.loc["a"].to_dict() == {"frequency": 2.0, "recency": 50.0, "T": 59.0, "monetary_value": 40.0}
    assert days.loc["b"].to_dict() == {"frequency": 0.0, "recency": 0.0, "T": 45.0, "monetary_value": 0.0}
    assert days.loc["c"].to_dict() == {"frequency": 0.0, "recency": 0.0, "T": 28.0, "monetary_value": 0.0}
    months = m.rfm_summary(orders, period="M", observation_end="2024-02-29")
    assert months.loc["a"].to_dict() == {"frequency": 1.0, "recency": 1.0, "T": 1.0, "monetary_value": 50.0}
    weeks = m.rfm_summary(orders, period="W", observation_end="2024-02-29")
    assert weeks.loc["a", "frequency"] == 2.0 and weeks.loc["a", "T"] == 8.0
    no_amount = m.rfm_summary(orders, amount=None)
    assert list(no_amount.columns) == ["frequency", "recency", "T"]
    assert no_amount.loc["c"].to_dict() == {"frequency": 1.0, "recency": 33.0, "T": 33.0}


def test_rfm_summary_bad_input():
    orders = pd.DataFrame({"customer_id": [1], "date": ["2024-01-01"], "amount": [1.0]})
    with pytest.raises(RetentionInputError, match="period"):
        m.rfm_summary(orders, period="Q")
    with pytest.raises(NotANumberError, match="'when'"):
        m.rfm_summary(orders, date="when")
    with pytest.raises(NotANumberError, match="not dates"):
        m.rfm_summary(orders.assign(date=["soon"]))
    with pytest.raises(NotANumberError, match="amount"):
        m.rfm_summary(orders.assign(amount=["ten"]))


def simulate_orders(n: int, r: float, alpha: float, a: float, b: float, rng: np.random.Generator) -> pd.DataFrame:
    """Orders of n customers from the BG/NBD model in days, first purchases over 90 days, observed for a year."""
    first = rng.uniform(0.0, 90.0, n)
    lam, p = rng.gamma(r, 1.0 / alpha, n), rng.beta(a, b, n)
    ids, times = [np.arange(n)], [first]
    clock, active = first.copy(), np.arange(n)
    while active.size:
        clock[active] += rng.exponential(1.0, active.size) / lam[active]
        active = active[clock[active] < 365.0]
        ids.append(active)
        times.append(clock[active].copy())
        active = active[rng.random(active.size) >= p[active]]
    ids, times = np.concatenate(ids), np.concatenate(times)
    return pd.DataFrame(
        {
            "customer_id": ids,
            "date": pd.Timestamp("2023-01-01") + pd.to_timedelta(times, unit="D"),
            "amount": rng.gamma(4.0, 10.0, ids.size),
        }
    )


def test_rfm_summary_feeds_the_fits():
    orders = simulate_orders(3000, 0.243, 4.414 * 7, 0.793, 2.426, np.random.default_rng(7))
    summary = m.rfm_summary(orders, observation_end="2023-12-31")
    assert len(summary) == 3000
    fit = m.bgnbd_fit(summary["frequency"], summary["recency"], summary["T"])
    assert fit.log_likelihood == pytest.approx(
        bgnbd_ll_direct(*fit[:4], summary["frequency"], summary["recency"], summary["T"]), abs=1e-9
    )
    alive = m.bgnbd_p_alive(*fit[:4], summary["frequency"], summary["recency"], summary["T"])
    assert isinstance(alive, pd.Series) and alive.index.equals(summary.index)
    gg = m.gammagamma_fit(summary["frequency"], summary["monetary_value"])
    assert gg.log_likelihood == pytest.approx(
        gammagamma_ll_direct(*gg[:3], summary["frequency"], summary["monetary_value"]), abs=1e-9
    )


# == import cost ======================================================================
def test_models_import_without_scipy_or_pandas():
    code = "import sys, xl_retention.models; print(sorted(m for m in ('scipy', 'pandas') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_del_where_the_continued_fraction_stalls_a_few_ulps_from_one():
    # alpha = beta = 0.5, d = 1/64: Lentz's delta settles at 1 - 1.2e-15 instead of 1 (found by hypothesis)
    t = np.arange(0, 2_000_000, dtype=float)
    survival = np.exp(np.r_[0.0, np.cumsum(np.log((t[1:] - 0.5) / t[1:]))])
    brute = float(np.sum(survival * np.exp(-t * np.log1p(1 / 64))))
    assert m.sbg_del(0.5, 0.5, 1 / 64) == pytest.approx(brute, rel=1e-12)


@pytest.mark.parametrize("alpha", [0.0, -1.0, float("inf")])
def test_one_cells_parameters_are_checked_as_a_ranges_are(alpha: float) -> None:
    """A parameter <= 0 or infinite is refused with the same message from one cell's plain numbers (checked
    without numpy) as from an array; NaN (a blank) passes through to a NaN result in both."""
    message = f"alpha must be a number > 0, got {alpha:g}"
    with pytest.raises(OutOfRangeError) as one:
        m.sbg_survival(alpha, 1.182, 2.0)
    with pytest.raises(OutOfRangeError) as many:
        m.sbg_survival(np.array([0.704, alpha]), 1.182, 2.0)
    assert str(one.value) == message and str(many.value) == message + " at position 1"
    assert one.value.argument == many.value.argument == "alpha"
    assert math.isnan(m.sbg_survival(float("nan"), 1.182, 2.0))
    assert m.sbg_survival(0.704, 1.182, 2.0) == m.sbg_survival(np.array([0.704]), 1.182, 2.0)[0]


def test_survivors_that_are_not_whole_counts_are_named_by_period_and_cohort_row() -> None:
    """The first period of a cohort's row that is not a whole count >= 0 is named, with its value."""
    for table, message, value in (
        ([1000, 631, 468.5, 382], "survivors must be whole counts >= 0, got 468.5 at period 2", 468.5),
        (
            [1, 0.631, 0.468, 0.382],
            "survivors must be whole counts >= 0, got 0.631 at period 1: a retention curve of "
            "shares needs its cohort size (the second argument, cohort_size)",
            0.631,
        ),
        ([[1000, 631, 468], [900, -5]], "survivors must be whole counts >= 0, got -5 at period 1 in cohort row 2", -5),
        ([1000, float("inf")], "survivors must be whole counts >= 0, got inf at period 1", float("inf")),
    ):
        with pytest.raises(OutOfRangeError) as caught:
            m.sbg_fit(table)
        assert str(caught.value) == message
        assert caught.value.value == value and type(caught.value.value) is float
    shares = m.sbg_fit([[1.0, 0.631, 0.4685]], cohort_size=[1000])  # shares times sizes need not be whole
    assert 0 < shares.alpha and 0 < shares.beta


def test_an_sbg_fit_without_customers_at_risk_after_period_1_gives_the_reason_the_data_show() -> None:
    """Every customer churned in period 1, or only period 1 observed with customers left: both have no finite
    maximum, and each is told as it is (a cohort that kept its 5 customers did not "churn in period 1")."""
    with pytest.raises(OutOfRangeError) as caught:
        m.sbg_fit([[10, 0, 0], [4, 0]])
    assert str(caught.value) == (
        "survivors show every customer churned in period 1: the sBG likelihood has no finite maximum (mean churn -> 1)"
    )
    with pytest.raises(OutOfRangeError) as caught:
        m.sbg_fit([[10, 0, 0], [5, 5]])
    assert str(caught.value) == (
        "survivors show no customer at risk after period 1 (the cohorts observed longer lost everyone in period 1): "
        "only period 1's churn is observed (10 of 15 customers), so the spread of churn between customers (alpha "
        "and beta) cannot be estimated; wait for a cohort with customers left after period 1"
    )


def test_a_triangle_padded_with_blank_rows_and_columns_is_fitted_as_itself() -> None:
    """The tracker's 36 x 36 cohort range holds a 4 x 4 triangle and blanks: the fits are the triangle's own, bit
    for bit (the BdW ridge check saw other rounding and said "no finite peak" for the padded range only)."""
    triangle = [[6, 5, 4, 4], [1, 1, 0, None], [2, 2, None, None], [1, None, None, None]]
    padded = [row + [None] * (36 - len(row)) for row in triangle] + [[None] * 36] * 32
    assert m.sbg_fit(padded) == m.sbg_fit(triangle)

    def bdw(cohorts: list[list[int | None]]) -> object:
        """The fit, or its refusal's type and words: a likelihood this flat is refused on some CPUs (its standard
        error's last digits follow the floating-point kernels), and the padded range must then be refused alike."""
        try:
            return m.bdw_fit(cohorts)
        except OutOfRangeError as error:
            return type(error), str(error)

    assert bdw(padded) == bdw(triangle)
    fitted = bdw(padded)
    if not hasattr(fitted, "log_likelihood"):  # refused (a BdWFit is a tuple too: told apart by its fields)
        assert "the likelihood's peak is too flat" in fitted[1] and "log-likelihood -7.717488" in fitted[1]
    else:
        # the log-likelihood where L-BFGS-B stops on this flat peak: a start 1e-9 away gave -7.71748788892741
        assert fitted.log_likelihood == pytest.approx(-7.717487889091837, rel=1e-9)
