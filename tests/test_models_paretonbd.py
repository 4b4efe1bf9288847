"""Pareto/NBD: CDNOW estimates of Fader, Hardie & Lee (2005), lifetimes per customer, stable hypergeometric terms.

The likelihood's tail integral I(t) = integral_t^inf (alpha + tau)^-(r + x) (beta + tau)^-(s + 1) dtau is
checked against mpmath's quadrature at 50 digits, also where the textbook 2F1 form overflows or
cancels (large frequencies, long calibration periods, alpha far from beta).
"""

from __future__ import annotations

import math
import os

import mpmath
import numpy as np
import pytest

import xl_retention as xr
from xl_retention import models as m
from xl_retention.errors import OutOfRangeError
from xl_retention.models.paretonbd import _log_parts, _log_tail

CDNOW = (0.553, 10.578, 0.606, 11.669)
#: lifetimes' Pareto/NBD search (Nelder-Mead) starts from this point, the mean of the draw it makes without one: its
#: draw (np.random.normal(1, 0.05)) reads numpy's global random state, which the tests run before in the same process
#: leave where they leave it, so the fit these tests compare against differed from run to run
START = np.ones(4)


def tail_mpmath(r: float, alpha: float, s: float, beta: float, x: float, t: float) -> mpmath.mpf:
    """I(t) in the note's form (eq. 19, 20), (max(alpha, beta) + t)^-(r + s + x) 2F1(r + s + x, b; r + s + x + 1; z)
    / (r + s + x), with mpmath's 2F1 at 50 digits (quadrature at that depth misses the sharp peak of large x)."""
    with mpmath.workdps(50):
        a = mpmath.mpf(r) + s + x
        if alpha >= beta:
            z = (mpmath.mpf(alpha) - beta) / (mpmath.mpf(alpha) + t)
            return (mpmath.mpf(alpha) + t) ** -a * mpmath.hyp2f1(a, s + 1, a + 1, z) / a
        z = (mpmath.mpf(beta) - alpha) / (mpmath.mpf(beta) + t)
        return (mpmath.mpf(beta) + t) ** -a * mpmath.hyp2f1(a, r + x, a + 1, z) / a


def likelihood_mpmath(r: float, alpha: float, s: float, beta: float, x: float, tx: float, age: float) -> mpmath.mpf:
    with mpmath.workdps(50):
        head = mpmath.gamma(r + x) * mpmath.mpf(alpha) ** r * mpmath.mpf(beta) ** s / mpmath.gamma(r)
        alive = (alpha + mpmath.mpf(age)) ** -(r + x) * (beta + mpmath.mpf(age)) ** -s
        died = s * (tail_mpmath(r, alpha, s, beta, x, tx) - tail_mpmath(r, alpha, s, beta, x, age))
        return head * (alive + died)


def test_tail_reference_against_quadrature():
    """The 50-digit reference agrees with direct quadrature of the integral where quadrature is reliable."""
    r, alpha, s, beta, x, t = 0.55, 10.58, 0.61, 11.67, 2, 30.43
    with mpmath.workdps(30):
        quadrature = mpmath.quad(lambda u: (alpha + u) ** -(r + x) * (beta + u) ** -(s + 1), [t, t + 100, mpmath.inf])
        assert float(tail_mpmath(r, alpha, s, beta, x, t)) == pytest.approx(float(quadrature), rel=1e-14)
        assert float(tail_mpmath(beta, alpha, s, r, x, t)) > 0


@pytest.mark.parametrize(
    ("r", "alpha", "s", "beta", "x", "t"),
    [
        (0.55, 10.58, 0.61, 11.67, 2, 30.43),  # CDNOW, alpha < beta
        (0.55, 11.67, 0.61, 10.58, 2, 30.43),  # alpha > beta
        (0.55, 10.0, 0.61, 10.0, 7, 3.0),  # alpha = beta: z = 0
        (0.55, 10.58, 0.61, 11.67, 2000, 5.0),  # a very frequent buyer
        (0.55, 10.58, 0.61, 11.67, 30, 10_000.0),  # a long calibration period
        (2.5, 5000.0, 0.3, 0.2, 15, 1.0),  # alpha >> beta: z close to 1
        (0.2, 0.1, 3.0, 800.0, 40, 2.0),  # beta >> alpha
        (0.5, 1.0, 0.5, 100.0, 500, 30.0),  # beta >> alpha, frequent: scipy's hyp2f1 (lifetimes) gives nan
    ],
)
def test_tail_integral_against_quadrature(r, alpha, s, beta, x, t):
    expected = tail_mpmath(r, alpha, s, beta, x, t)
    got = _log_tail(r, alpha, s, beta, x, t) - math.log(r + s + x)  # _log_tail is ln((r + s + x) I(t))
    assert got == pytest.approx(float(mpmath.log(expected)), abs=1e-11)


@pytest.mark.parametrize(
    ("params", "x", "tx", "age"),
    [
        (CDNOW, 0, 0, 38.86),
        (CDNOW, 2, 30.43, 38.86),
        (CDNOW, 29, 38.43, 38.86),
        (CDNOW, 1, 38.85, 38.86),
        (CDNOW, 500, 100, 5000),
        ((0.5, 1.0, 0.5, 100.0), 500, 30, 39),  # lifetimes 0.11.3: nan
    ],
)
def test_log_likelihood_against_mpmath(params, x, tx, age):
    got = _log_parts(*params, x, tx, age)[0]
    assert got == pytest.approx(float(mpmath.log(likelihood_mpmath(*params, x, tx, age))), abs=1e-10)


def cdnow_calibration() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(x, t_x, T) in weeks from lifetimes' CDNOW sample (2,357 customers, 39 weeks to 1997-09-30), days / 7."""
    lifetimes = pytest.importorskip("lifetimes", reason="lifetimes (with the CDNOW sample) is not installed")
    import pandas as pd

    path = os.path.join(os.path.dirname(lifetimes.__file__), "datasets", "CDNOW_sample.txt")
    orders = pd.read_csv(path, sep=r"\s+", header=None, names=["master", "id", "date", "quantity", "amount"])
    orders["date"] = pd.to_datetime(orders["date"].astype(str), format="%Y%m%d")
    end = pd.Timestamp("1997-09-30")
    first = orders.groupby("id")["date"].min()
    days = orders[orders["date"] <= end].groupby("id")["date"].agg(["min", "max", "nunique"]).reindex(first.index)
    x = (days["nunique"] - 1).to_numpy(dtype=float)
    tx = ((days["max"] - days["min"]).dt.days / 7).to_numpy(dtype=float)
    age = ((end - first).dt.days / 7).to_numpy(dtype=float)
    return x, tx, age


def test_paretonbd_reproduces_the_cdnow_estimates():
    """Fader, Hardie & Lee (2005): r 0.55, alpha 10.58, s 0.61, beta 11.67, LL -9594.98."""
    x, tx, age = cdnow_calibration()
    assert x.size == 2357
    fit = m.paretonbd_fit(x, tx, age)
    assert [round(v, 2) for v in fit] == [0.55, 10.58, 0.61, 11.67, -9594.98]
    assert fit == xr.paretonbd_fit(x, tx, age)
    # and the BG/NBD on the same data: FHL 2005's r 0.243, alpha 4.414, a 0.793, b 2.426, LL -9582.4
    bgnbd = m.bgnbd_fit(x, tx, age)
    assert [round(v, 3) for v in bgnbd[:4]] + [round(bgnbd[4], 1)] == [0.243, 4.414, 0.793, 2.426, -9582.4]


def test_paretonbd_agrees_with_lifetimes_per_customer():
    lifetimes = pytest.importorskip("lifetimes", reason="lifetimes is not installed (pip install lifetimes)")
    from lifetimes.datasets import load_cdnow_summary

    data = load_cdnow_summary(index_col=[0])
    x, tx, age = (data[c].to_numpy(dtype=float) for c in ("frequency", "recency", "T"))
    ours = m.paretonbd_fit(x, tx, age)
    peer = lifetimes.ParetoNBDFitter().fit(data["frequency"], data["recency"], data["T"], initial_params=START)
    params = [peer.params_[k] for k in ("r", "alpha", "s", "beta")]
    assert list(ours[:4]) == pytest.approx(params, rel=1e-3)
    peer_ll = peer._conditional_log_likelihood(params, x, tx, age)
    np.testing.assert_allclose(_log_parts(*params, x, tx, age)[0], peer_ll, rtol=1e-10)
    np.testing.assert_allclose(
        m.paretonbd_p_alive(*params, x, tx, age), peer.conditional_probability_alive(x, tx, age), rtol=1e-9
    )
    np.testing.assert_allclose(
        m.paretonbd_expected(*params, 39, x, tx, age),
        peer.conditional_expected_number_of_purchases_up_to_time(39, x, tx, age),
        rtol=1e-9,
    )


@pytest.mark.filterwarnings("ignore:divide by zero encountered in log:RuntimeWarning")  # inside lifetimes
def test_paretonbd_clv_with_gammagamma_agrees_with_lifetimes():
    lifetimes = pytest.importorskip("lifetimes", reason="lifetimes is not installed (pip install lifetimes)")
    import pandas as pd
    from lifetimes.datasets import load_cdnow_summary_data_with_monetary_value

    data = load_cdnow_summary_data_with_monetary_value()
    x, tx, age = (data[c].to_numpy(dtype=float) for c in ("frequency", "recency", "T"))
    value = data["monetary_value"].to_numpy(dtype=float)
    pareto = lifetimes.ParetoNBDFitter().fit(data["frequency"], data["recency"], data["T"], initial_params=START)
    repeat = data[data["frequency"] > 0]
    gg = lifetimes.GammaGammaFitter().fit(repeat["frequency"], repeat["monetary_value"])
    peer = gg.customer_lifetime_value(
        pareto,
        data["frequency"],
        data["recency"],
        data["T"],
        data["monetary_value"],
        time=12,
        discount_rate=0.01,
        freq="W",
    )
    p, q, v = (gg.params_[k] for k in ("p", "q", "v"))
    order_value = m.gammagamma_mean(p, q, v, x, value)
    params = [pareto.params_[k] for k in ("r", "alpha", "s", "beta")]
    ours = m.paretonbd_clv(*params, x, tx, age, order_value, 1.0, 12, 0.01, 4.345)  # lifetimes: 4.345 weeks a month
    np.testing.assert_allclose(ours, pd.Series(peer).to_numpy(dtype=float), rtol=1e-8)


def test_paretonbd_expected_is_exact_at_s_1():
    at_one = m.paretonbd_expected(0.55, 10.58, 1.0, 11.67, 39, 2, 30.43, 38.86)
    near = [m.paretonbd_expected(0.55, 10.58, 1.0 + e, 11.67, 39, 2, 30.43, 38.86) for e in (-1e-7, 1e-7)]
    assert at_one == pytest.approx(sum(near) / 2, rel=1e-9)


def test_paretonbd_clv_is_the_discounted_monthly_sum():
    args = (*CDNOW, 2, 30.43, 38.86)
    expected = sum(
        (
            m.paretonbd_expected(*CDNOW, i * 4.345, 2, 30.43, 38.86)
            - m.paretonbd_expected(*CDNOW, (i - 1) * 4.345, 2, 30.43, 38.86)
        )
        / 1.01**i
        for i in range(1, 13)
    )
    assert m.paretonbd_clv(*args, 35.0, 0.5, 12, 0.01, 4.345) == pytest.approx(35.0 * 0.5 * expected, rel=1e-12)


def test_paretonbd_uncertainty_and_errors():
    rng = np.random.default_rng(11)
    n = 3000
    lam, mu = rng.gamma(0.55, 1 / 10.58, n), rng.gamma(0.61, 1 / 11.67, n)
    active = np.minimum(rng.exponential(1 / mu), 39.0)
    x = rng.poisson(lam * active)
    recency = np.where(x > 0, active * rng.beta(np.maximum(x, 1), 1), 0.0)
    fit = m.paretonbd_fit(x, recency, np.full(n, 39.0))
    for name, truth in zip(("r", "alpha", "s", "beta"), (0.55, 10.58, 0.61, 11.67), strict=True):
        estimate = fit.parameters[name]  # within 4 standard errors on the log scale of the intervals
        assert abs(math.log(estimate / truth)) < 4 * fit.standard_errors[name] / estimate
    expected = fit.interval(m.paretonbd_expected, t=39, frequency=2, recency=30.43, T=38.86)
    assert expected.lower < expected.estimate < expected.upper
    with pytest.raises(OutOfRangeError, match="recency .40. exceeds T .39."):
        m.paretonbd_p_alive(*CDNOW, 2, 40, 39)
    with pytest.raises(OutOfRangeError, match="frequency is 0 for every customer"):
        m.paretonbd_fit([0, 0, 0], [0, 0, 0], [10, 20, 30])


def test_bgnbd_and_gammagamma_standard_errors_agree_with_lifetimes():
    lifetimes = pytest.importorskip("lifetimes", reason="lifetimes is not installed (pip install lifetimes)")
    from lifetimes.datasets import load_cdnow_summary_data_with_monetary_value

    data = load_cdnow_summary_data_with_monetary_value()
    x, tx, age = (data[c].to_numpy(dtype=float) for c in ("frequency", "recency", "T"))
    ours = m.bgnbd_fit(x, tx, age)
    peer = lifetimes.BetaGeoFitter().fit(data["frequency"], data["recency"], data["T"])
    for name in ("r", "alpha", "a", "b"):
        assert ours.standard_errors[name] == pytest.approx(peer.standard_errors_[name], rel=2e-3)
    repeat = data[data["frequency"] > 0]
    ours = m.gammagamma_fit(repeat["frequency"], repeat["monetary_value"])
    peer = lifetimes.GammaGammaFitter().fit(repeat["frequency"], repeat["monetary_value"])
    for name in ("p", "q", "v"):
        assert ours.standard_errors[name] == pytest.approx(peer.standard_errors_[name], rel=2e-3)
