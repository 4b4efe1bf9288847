"""BdW (beta-discrete-Weibull) model of contractual retention with duration dependence.

Fader, Hardie, Liu, Davin & Steenburgh (2018), "'How to Project Customer Retention' Revisited:
The Role of Duration Dependence", Journal of Interactive Marketing 43. A customer with churn
parameter theta survives t periods with probability (1 - theta)^(t^c) (a discrete Weibull):
c < 1, her churn probability falls with tenure; c > 1, it rises; c = 1, it is constant (the
sBG). With theta ~ Beta(alpha, beta) across customers, S(t) = B(alpha, beta + t^c) / B(alpha, beta).
Formulas and equation numbers: docs/models.md.
"""

from __future__ import annotations

from typing import Any, NamedTuple

import numpy as np

from .._validation import Inputs
from ..errors import OutOfRangeError
from ._common import ArrayLike, _positive
from ._optimize import FitResult, _log_bounds, _log_covariance, _maximize
from .sbg import _MIN_DISCOUNT as _SBG_MIN_DISCOUNT
from .sbg import SBGFit, _sbg_counts, _sbg_lifetime, sbg_fit

_MIN_DISCOUNT = 1e-4  # the series of DEL/DERL is summed term by term: about 4 / d terms
_FAR_POWER = 1e4  # t^c above which ln S(t) is taken by sbg._log_survival_far


class _BdWFitFields(NamedTuple):
    alpha: float
    beta: float
    c: float
    log_likelihood: float


class BdWFit(_BdWFitFields, FitResult):
    """Maximum-likelihood estimates of the BdW model and the log-likelihood at them.

    Standard errors, intervals and a summary table from the observed information:
    see :class:`~xl_retention.models._optimize.FitResult`.
    """


def _log_survival(alpha: Any, beta: Any, c: Any, t: Any, fit: bool = False) -> Any:
    """ln S(t) = ln B(alpha, beta + t^c) - ln B(alpha, beta). ``fit``: the likelihood's form, as the fits were
    established with (the rising ratio by t^c for alpha + beta > 1e3 only): a 4 x 4 triangle's ridge check turns on
    the last bits of its Hessian."""
    from scipy.special import betaln

    from .sbg import _log_rising_ratio, _log_survival_far, _where_far

    power = np.power(t, c)
    usual = betaln(alpha, beta + power) - betaln(alpha, beta)
    # alpha + beta above 1e3: betaln's difference loses its digits (S(3) of 1e15, 1e15, c = 0.5: 54.6)
    if fit:
        return _where_far(alpha, beta, power, usual, lambda a_, b_, p_: _log_rising_ratio(b_, a_ + b_, p_), np.inf)
    # betaln's difference stays within ~1e-11 up to t^c = 1e4 (2e-7 at 5.8e7): the exact form beyond, where the
    # lifetimes' thousands of terms per cell pay for it only where they need it (10x slower from 1e3 on)
    return _where_far(alpha, beta, power, usual, _log_survival_far, _FAR_POWER)


def _inputs(**named: Any) -> Inputs:
    x = Inputs(**named)
    _positive(x, "alpha", "beta", "c", summed=True)
    return x


def bdw_survival(alpha: ArrayLike, beta: ArrayLike, c: ArrayLike, t: ArrayLike) -> Any:
    """Probability that a customer is still active after t periods: S(t) = B(alpha, beta + t^c) / B(alpha, beta).

    Source: Fader, Hardie, Liu, Davin & Steenburgh (2018), "'How to Project Customer Retention' Revisited: The Role
    of Duration Dependence", Journal of Interactive Marketing 43.

    S(0) = 1; c = 1 gives the sBG survival exactly. t is a whole number
    of periods >= 0; alpha, beta, c > 0.

    >>> round(bdw_survival(0.704, 1.182, 1.0, 7), 4)  # = sbg_survival(0.704, 1.182, 7)
    0.2391
    >>> np.round(bdw_survival(0.8, 2.0, [0.5, 1.0, 1.5], 3), 4).tolist()
    [0.5969, 0.4699, 0.3495]
    """
    x = _inputs(alpha=alpha, beta=beta, c=c, t=t)
    x.check_range("t", integer=True, what="a whole number of periods >= 0")
    return x.wrap(np.exp(_log_survival(x["alpha"], x["beta"], x["c"], x["t"])))


def bdw_retention(alpha: ArrayLike, beta: ArrayLike, c: ArrayLike, t: ArrayLike) -> Any:
    """Retention rate of period t among customers active after t - 1: r(t) = S(t) / S(t - 1).

    Source: Fader, Hardie, Liu, Davin & Steenburgh (2018), "'How to Project Customer Retention' Revisited: The Role
    of Duration Dependence", Journal of Interactive Marketing 43.

    With c > 1 it can dip before it rises (a U-shaped retention curve, as here for t = 2); c = 1 gives the sBG's
    (beta + t - 1) / (alpha + beta + t - 1). t is a whole period >= 1.

    >>> round(bdw_retention(0.704, 1.182, 1.0, 2), 4)  # = sbg_retention(0.704, 1.182, 2)
    0.7561
    >>> np.round(bdw_retention(2.0, 3.0, 1.8, [1, 2, 3, 10]), 4).tolist()
    [0.6, 0.4124, 0.4226, 0.6994]
    """
    x = _inputs(alpha=alpha, beta=beta, c=c, t=t)
    x.check_range("t", low=1, integer=True, what="a whole period >= 1")
    a, b, c_, t_ = x["alpha"], x["beta"], x["c"], x["t"]
    return x.wrap(np.exp(_log_survival(a, b, c_, t_) - _log_survival(a, b, c_, np.subtract(t_, 1))))


def bdw_churn_probability(alpha: ArrayLike, beta: ArrayLike, c: ArrayLike, t: ArrayLike) -> Any:
    """Probability that a new customer churns in period t: P(T = t) = S(t - 1) - S(t).

    Source: Fader, Hardie, Liu, Davin & Steenburgh (2018), "'How to Project Customer Retention' Revisited: The Role
    of Duration Dependence", Journal of Interactive Marketing 43.

    >>> round(bdw_churn_probability(0.704, 1.182, 1.0, 1), 6)  # = alpha / (alpha + beta)
    0.373277
    """
    x = _inputs(alpha=alpha, beta=beta, c=c, t=t)
    x.check_range("t", low=1, integer=True, what="a whole period >= 1")
    a, b, c_, t_ = x["alpha"], x["beta"], x["c"], x["t"]
    before = _log_survival(a, b, c_, np.subtract(t_, 1))
    return x.wrap(np.exp(before) * -np.expm1(_log_survival(a, b, c_, t_) - before))


def _discount(x: Inputs) -> None:
    """c = 1: the sBG's rules (exact sums, d = 0 when alpha > 1); otherwise the series is summed term by term and
    needs d >= 1e-4."""
    x.check_range("discount_rate", high=1, what="a discount rate from 0 to 1 per period (1% or 0.01, not 10)")
    c1 = np.asarray(x["c"]) == 1
    d = np.asarray(x["discount_rate"])
    x.fail_where(
        c1 & (((d > 0) & (d < _SBG_MIN_DISCOUNT)) | ((d == 0) & (np.asarray(x["alpha"]) <= 1))),
        OutOfRangeError,
        "discount_rate ({discount_rate:g}) with c = 1 and alpha = {alpha:g}: as for the sBG, give 0 (only when "
        "alpha > 1: otherwise the expected lifetime is infinite) or a rate of at least 1e-6 per period",
        "discount_rate",
    )
    x.fail_where(
        ~c1 & (d < _MIN_DISCOUNT),
        OutOfRangeError,
        f"discount_rate ({{discount_rate:g}}) is below {_MIN_DISCOUNT:g} with c = {{c:g}} (not 1): the BdW lifetime "
        "is summed period by period and needs a rate of at least 1e-4 per period",
        "discount_rate",
    )


def _bdw_sum(alpha: float, beta: float, c: float, d: float, n: float) -> float:
    """sum_{t>=n} S(t) / S(n - 1) / (1 + d)^(t - n) (n >= 1), or sum_{t>=0} S(t) (1 + d)^-t for n = 0.

    S falls, so the tail after the last term summed is at most that term x (1 + d) / d; the
    sum stops when that bound is below 1e-15 of the total.
    """
    if c == 1:  # the sBG: Gauss's continued fraction
        if n == 0:
            return float(_sbg_lifetime(np.array(alpha), np.array(beta), np.array(d)))
        retention = (beta + n - 1) / (alpha + beta + n - 1)
        return float(retention * _sbg_lifetime(np.array(alpha), np.array(beta + n), np.array(d)))
    log_norm = 0.0 if n == 0 else float(_log_survival(alpha, beta, c, n - 1))
    log_q = -np.log1p(d)
    total, start, size = 0.0, n, 4096
    while True:
        t = np.arange(start, start + size, dtype=np.float64)
        terms = np.exp(_log_survival(alpha, beta, c, t) - log_norm + (t - n) * log_q)
        total += float(np.sum(terms))
        if terms[-1] * (1 + d) / d <= 1e-15 * total or not np.isfinite(total):
            return total
        start, size = start + size, min(size * 2, 1 << 20)


def _lifetime(x: Inputs, n: Any) -> np.ndarray:
    a, b, c, d, n = np.broadcast_arrays(
        *(np.asarray(v, dtype=np.float64) for v in (x["alpha"], x["beta"], x["c"], x["discount_rate"], n))
    )
    out = np.full(a.shape, np.nan)
    for i in np.ndindex(a.shape):
        if not np.isnan(a[i] + b[i] + c[i] + d[i] + n[i]):
            out[i] = _bdw_sum(float(a[i]), float(b[i]), float(c[i]), float(d[i]), float(n[i]))
            if not np.isfinite(out[i]):
                raise OutOfRangeError(
                    f"the BdW lifetime cannot be computed in floating point for alpha = {a[i]:g}, beta = {b[i]:g}, "
                    f"c = {c[i]:g}, discount_rate = {d[i]:g}",
                    "alpha",
                    float(a[i]),
                )
    return out


def bdw_del(alpha: ArrayLike, beta: ArrayLike, c: ArrayLike, discount_rate: ArrayLike) -> Any:
    """Discounted expected lifetime of a new customer, in periods: DEL = sum_{t>=0} S(t) / (1 + d)^t.

    As :func:`~xl_retention.models.sbg.sbg_del` (Fader & Hardie 2010, eq. 4) with the BdW
    survival; c = 1 gives the sBG's value exactly (same continued fraction). For c != 1 the
    series is summed term by term, to 1e-15, and needs d >= 1e-4 (``#NUM!`` below).

    >>> round(bdw_del(0.704, 1.182, 1.0, 0.10), 6)  # = sbg_del(0.704, 1.182, 0.10)
    3.695147
    >>> round(bdw_del(0.456, 0.779, 1.283, 0.10), 4)
    3.7269
    """
    x = _inputs(alpha=alpha, beta=beta, c=c, discount_rate=discount_rate)
    _discount(x)
    return x.wrap(_lifetime(x, 0.0))


def bdw_derl(alpha: ArrayLike, beta: ArrayLike, c: ArrayLike, discount_rate: ArrayLike, renewals: ArrayLike) -> Any:
    """Discounted expected residual lifetime of a customer who has made ``renewals`` renewals.

    DERL = sum_{t>=n} S(t) / S(n - 1) / (1 + d)^(t - n), n = renewals + 1: valued just before
    her next renewal decision, as :func:`~xl_retention.models.sbg.sbg_derl` (Fader & Hardie 2010,
    eq. 6); DEL = 1 + DERL(0) / (1 + d). c = 1 gives the sBG's value.

    >>> round(bdw_derl(0.704, 1.182, 1.0, 0.10, 0), 6)  # = sbg_derl(0.704, 1.182, 0.10, 0)
    2.964662
    >>> round(1 + bdw_derl(0.704, 1.182, 0.8, 0.10, 0) / 1.10 - bdw_del(0.704, 1.182, 0.8, 0.10), 12)
    0.0
    """
    x = _inputs(alpha=alpha, beta=beta, c=c, discount_rate=discount_rate, renewals=renewals)
    # summed period by period from the renewal on: beyond 1e15 periods are not whole numbers apart as floats (1e300
    # was an IndexError, #VALUE!)
    x.check_range("renewals", integer=True, high=1e15, what="a whole number of renewals from 0 to 1e15")
    _discount(x)
    return x.wrap(_lifetime(x, np.asarray(x["renewals"]) + 1.0))


def bdw_clv(margin: ArrayLike, alpha: ArrayLike, beta: ArrayLike, c: ArrayLike, discount_rate: ArrayLike) -> Any:
    """Expected lifetime value of a new customer: margin x DEL(d | alpha, beta, c); see :func:`bdw_del`.

    Source: Fader & Hardie (2010), Marketing Science 29(1), eq. 4 (DEL), with the BdW survival of Fader, Hardie, Liu,
    Davin & Steenburgh (2018), Journal of Interactive Marketing 43.

    >>> round(bdw_clv(50, 0.704, 1.182, 1.0, 0.10), 4)  # = sbg_clv(50, 0.704, 1.182, 0.10)
    184.7574
    """
    x = _inputs(margin=margin, alpha=alpha, beta=beta, c=c, discount_rate=discount_rate)
    x.check_range("margin", what="an amount >= 0")
    _discount(x)
    return x.wrap(np.asarray(x["margin"]) * _lifetime(x, 0.0))


def _bdw_loglik(theta: np.ndarray, churned: np.ndarray, at_risk: np.ndarray) -> tuple[float, np.ndarray]:
    """Log-likelihood and gradient in (ln alpha, ln beta, ln c).

    LL = sum_t D_t ln h_t + (R_t - D_t) ln(1 - h_t), ln(1 - h_t) = ln S(t) - ln S(t - 1):
    the product of P(T = t) and S(T) over customers, regrouped by period (as for the sBG).
    d ln S(t) / d alpha = psi(alpha + beta) - psi(alpha + beta + t^c),
    d / d beta = psi(beta + t^c) - psi(alpha + beta + t^c) - psi(beta) + psi(alpha + beta),
    d / d c = [psi(beta + t^c) - psi(alpha + beta + t^c)] t^c ln t.
    """
    from scipy.special import digamma

    a, b, c = np.exp(theta)
    t = np.arange(churned.size, dtype=np.float64)  # 0..T
    tc = np.power(t, c)
    log_s = _log_survival(a, b, c, t, fit=True)
    psi_ab = digamma(a + b)
    psi_btc, psi_abtc = digamma(b + tc), digamma(a + b + tc)
    with np.errstate(divide="ignore", invalid="ignore"):
        log_t = np.where(t > 0, np.log(np.where(t > 0, t, 1.0)), 0.0)
    grad_s = np.stack(
        [
            a * (psi_ab - psi_abtc),
            b * (psi_btc - psi_abtc - digamma(b) + psi_ab),
            c * (psi_btc - psi_abtc) * tc * log_t,
        ]
    )
    delta = log_s[1:] - log_s[:-1]  # ln(1 - h_t), t = 1..T
    d_delta = grad_s[:, 1:] - grad_s[:, :-1]
    churn, stay = churned[1:], at_risk[1:] - churned[1:]
    with np.errstate(divide="ignore", invalid="ignore"):
        h = -np.expm1(delta)
        ll = float(np.sum(np.where(churn > 0, churn * np.log(h), 0.0)) + np.sum(stay * delta))
        weight = np.where(churn > 0, -churn * np.exp(delta) / h, 0.0) + stay
    return ll, d_delta @ weight


def bdw_fit(survivors: Any, cohort_size: Any = None) -> BdWFit:
    """Maximum-likelihood BdW fit of one or several cohorts' survivor counts.

    Source: Fader, Hardie, Liu, Davin & Steenburgh (2018), "'How to Project Customer Retention' Revisited: The Role
    of Duration Dependence", Journal of Interactive Marketing 43.

    ``survivors`` and ``cohort_size`` as for :func:`~xl_retention.models.sbg.sbg_fit`: one
    cohort or a triangle of cohorts (one per row, ragged at the end; cohorts of size 0 are
    left out), counts, or shares with a cohort size. Log-likelihood:
    LL = sum_t (n_{t-1} - n_t) ln[S(t - 1) - S(t)] + n_T ln S(T), summed over cohorts.
    Maximised over ln alpha, ln beta, ln c from the sBG fit (c = 1); the sBG is the
    special case c = 1, so LL(BdW) >= LL(sBG): twice the difference is the likelihood-ratio
    statistic of duration dependence (chi-square with 1 degree of freedom, 3.84 at 5%).

    Errors as :func:`~xl_retention.models.sbg.sbg_fit`; also ``#NUM!`` when the maximum is a
    ridge (the data cannot tell c from heterogeneity: too few periods).

    >>> fit = bdw_fit([1000, 631, 468, 382, 326, 289, 262, 241])  # "regular" cohort
    >>> [round(v, 3) for v in fit]
    [0.456, 0.779, 1.283, -1679.603]
    """
    churned, at_risk, followed = _sbg_counts(survivors, cohort_size, model="BdW")

    def loglik(theta: np.ndarray) -> tuple[float, np.ndarray]:
        return _bdw_loglik(theta, churned, at_risk)

    try:
        start_fit: SBGFit | None = sbg_fit(survivors, cohort_size)
    except OutOfRangeError:
        start_fit = None
    start = np.log([start_fit.alpha, start_fit.beta, 1.0]) if start_fit else np.zeros(3)
    start = np.clip(start, -10.0, 10.0)
    bounds, describe = _log_bounds(("alpha", "beta", "c"))
    theta, ll, information = _maximize(
        loglik, start, bounds, followed, describe, "survivors", "BdW", check_ridge=True, stalled=True
    )  # a search stalled short of the peak: said as a flat peak or a ridge, as the tracker's Cohorts note promises
    alpha, beta, c = (float(v) for v in np.exp(theta))
    return BdWFit(alpha, beta, c, ll)._with_information(_log_covariance(information))
