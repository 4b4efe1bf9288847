"""Pareto/NBD model of repeat purchases (Schmittlein, Morrison & Colombo 1987).

"Counting Your Customers: Who Are They and What Will They Do Next?", Management Science 33(1).
While active a customer buys at a Poisson rate lambda, lambda ~ Gamma(r, alpha); her lifetime
is exponential with rate mu, mu ~ Gamma(s, beta), and may end at any time. The expressions are
those of Fader & Hardie (2005), "A Note on Deriving the Pareto/NBD Model and Related
Expressions" (equation numbers in docs/models.md); the CDNOW estimates are printed in Fader,
Hardie & Lee (2005), Marketing Science 24(2).

The hypergeometric terms of the likelihood are where implementations break (large frequencies,
long calibration periods, alpha far from beta): here they are written as
I(t) = integral_t^infinity (alpha + tau)^-(r + x) (beta + tau)^-(s + 1) dtau, Euler-transformed to
2F1(1, b; c; z) with 0 <= z < 1, summed by Gauss's continued fraction (every term positive),
and combined in logs; the difference I(t_x) - I(T) is taken as I(t_x) (1 - e^(ln I(T) - ln I(t_x))).
"""

from __future__ import annotations

import math
from typing import Any, NamedTuple

import numpy as np

from .._validation import Inputs, or_default
from ..errors import OutOfRangeError, ZeroDenominatorError
from ._common import (
    _LOG_BOUND,
    ArrayLike,
    _aggregate_rows,
    _check_clv,
    _check_rfm,
    _columns,
    _positive,
    _raise_if_not_finite,
    rows_located,
)
from ._optimize import FitResult, _check_ridges, _log_bounds, _log_covariance, _maximize
from ._special import _sbg_hyp2f1
from ._units import shown_in, unit_of

_PARAMETERS = ("r", "alpha", "s", "beta")


class _ParetoNBDFitFields(NamedTuple):
    r: float
    alpha: float
    s: float
    beta: float
    log_likelihood: float


class ParetoNBDFit(_ParetoNBDFitFields, FitResult):
    """Maximum-likelihood estimates of the Pareto/NBD model and the log-likelihood at them.

    Standard errors, intervals and a summary table from the observed information:
    see :class:`~xl_retention.models._optimize.FitResult`.
    """


def _log_tail(r: Any, alpha: Any, s: Any, beta: Any, x: Any, t: Any) -> np.ndarray:
    """ln of (r + s + x) I(t), I(t) = integral_t^inf (alpha + tau)^-(r + x) (beta + tau)^-(s + 1) dtau.

    alpha >= beta: (alpha + t)^-(r + x) (beta + t)^-s 2F1(1, r + x; r + s + x + 1; (alpha - beta) / (alpha + t));
    alpha < beta:  (alpha + t)^(1 - r - x) (beta + t)^-(s + 1)
                   x 2F1(1, s + 1; r + s + x + 1; (beta - alpha) / (beta + t)),
    from the note's 2F1(r + s + x, .; r + s + x + 1; z) (eq. 19, 20) by Euler's transformation.
    """
    r, alpha, s, beta, x, t = np.broadcast_arrays(*(np.asarray(v, dtype=np.float64) for v in (r, alpha, s, beta, x, t)))
    out = np.empty(r.shape)
    first = alpha >= beta
    rx = r + x
    la, lb = np.log(alpha + t), np.log(beta + t)
    if first.any():
        f = first
        z, y = (alpha[f] - beta[f]) / (alpha[f] + t[f]), (beta[f] + t[f]) / (alpha[f] + t[f])
        out[f] = -rx[f] * la[f] - s[f] * lb[f] + np.log(_sbg_hyp2f1(s[f] + 1.0, rx[f], z, y))
    if (~first).any():
        f = ~first
        z, y = (beta[f] - alpha[f]) / (beta[f] + t[f]), (alpha[f] + t[f]) / (beta[f] + t[f])
        out[f] = (1.0 - rx[f]) * la[f] - (s[f] + 1.0) * lb[f] + np.log(_sbg_hyp2f1(rx[f], s[f] + 1.0, z, y))
    return out


def _log_parts(r: Any, alpha: Any, s: Any, beta: Any, x: Any, tx: Any, age: Any) -> tuple[Any, Any, Any]:
    """ln L and its two parts: ln of the 'alive at T' term and ln of the 'died in (t_x, T]' term (eq. 18)."""
    from scipy.special import gammaln

    head = gammaln(r + x) - gammaln(r) + r * np.log(alpha) + s * np.log(beta)
    alive = -(r + x) * np.log(alpha + age) - s * np.log(beta + age)
    low, high = _log_tail(r, alpha, s, beta, x, tx), _log_tail(r, alpha, s, beta, x, age)
    with np.errstate(divide="ignore"):
        died = np.log(s) - np.log(r + s + x) + low + np.log(-np.expm1(np.minimum(high - low, 0.0)))
    return head + np.logaddexp(alive, died), head + alive, head + died


def _paretonbd_loglik(
    theta: np.ndarray, x: np.ndarray, tx: np.ndarray, age: np.ndarray, w: np.ndarray
) -> tuple[float, np.ndarray]:
    """Weighted log-likelihood and its gradient in the log-parameters (central differences, step 1e-5)."""

    def value(point: np.ndarray) -> float:
        r, alpha, s, beta = np.exp(point)
        return float(np.dot(w, _log_parts(r, alpha, s, beta, x, tx, age)[0]))

    ll = value(theta)
    step = 1e-5
    grad = np.empty(4)
    for j in range(4):
        e = np.zeros(4)
        e[j] = step
        grad[j] = (value(theta + e) - value(theta - e)) / (2 * step)
    return ll, grad


@rows_located  # a refusal names the row as given, blank rows counted (H288)
def paretonbd_fit(frequency: ArrayLike, recency: ArrayLike, T: ArrayLike) -> ParetoNBDFit:
    """Maximum-likelihood Pareto/NBD fit of customers' (x, t_x, T) (Fader & Hardie 2005 note, eq. 18).

    frequency x = repeat purchases, recency t_x = time of the last purchase since the first,
    T = time since the first purchase, in one time unit (see :func:`rfm_summary`).

    L = Gamma(r + x) alpha^r beta^s / Gamma(r)
        x [1 / ((alpha + T)^(r + x) (beta + T)^s) + s (I(t_x) - I(T))],

    with I the integral of the module docstring; identical (x, t_x, T) rows are counted once
    with a weight. The gradient is numerical (central differences in the log-parameters).

    Simulated: 2,000 customers from the CDNOW estimates, observed for 39 weeks.

    >>> rng = np.random.default_rng(7)
    >>> lam, mu = rng.gamma(0.55, 1 / 10.58, 2000), rng.gamma(0.61, 1 / 11.67, 2000)
    >>> active = np.minimum(rng.exponential(1 / mu), 39.0)
    >>> x = rng.poisson(lam * active)
    >>> recency = np.where(x > 0, active * rng.beta(np.maximum(x, 1), 1), 0.0)
    >>> [round(v, 2) for v in paretonbd_fit(x, recency, np.full(2000, 39.0))]
    [0.51, 10.37, 1.37, 41.27, -9431.15]
    """
    cols = _columns(frequency=frequency, recency=recency, T=T, one_for_all=("T",))
    if cols["frequency"].size == 0:
        raise ZeroDenominatorError("frequency, recency and T hold no customer", "frequency", None)
    x = Inputs(**cols)
    _check_rfm(x)
    (fx, ftx, fage), weights = _aggregate_rows(x["frequency"], x["recency"], x["T"])
    if not np.any(fx > 0):
        raise OutOfRangeError(
            "frequency is 0 for every customer: with no repeat purchase the Pareto/NBD likelihood has no finite "
            "maximum",
            "frequency",
            0.0,
        )
    unit = unit_of(fage, weights)  # times in a unit near their scale, alpha and beta mapped back (.._units)
    ftx, fage = ftx / unit, fage / unit
    n = float(weights.sum())
    mean_age = float(np.dot(weights, fage) / n)
    rate = float(np.dot(weights, fx) / max(np.dot(weights, fage), 1e-12))

    def loglik(theta: np.ndarray) -> tuple[float, np.ndarray]:
        return _paretonbd_loglik(theta, fx, ftx, fage, weights)

    start = np.log([1.0, 1.0 / max(rate, 1e-6), 1.0, max(mean_age, 1e-6)])
    start = np.clip(start, -_LOG_BOUND + 1, _LOG_BOUND - 1)
    bounds, describe = _log_bounds(_PARAMETERS)
    ridges = ((0, 1, "purchase rates"), (2, 3, "lifetimes"))  # r, alpha -> infinity: one purchase rate for all
    shift = np.array([0.0, math.log(unit), 0.0, math.log(unit)])
    with shown_in(shift):
        theta, ll, information = _maximize(
            loglik,
            start,
            bounds,
            n,
            describe,
            "frequency",
            "Pareto/NBD",
            check_ridge=True,
            ridges=(ridges, _PARAMETERS),
        )
        _check_ridges(loglik, theta, ll, ridges, _PARAMETERS, "frequency", "Pareto/NBD")
    r, alpha, s, beta = (float(v) for v in np.exp(theta + shift))
    ll -= math.log(unit) * float(np.dot(weights, fx))  # each purchase's density is per unit of time
    return ParetoNBDFit(r, alpha, s, beta, ll)._with_information(_log_covariance(information))


def _inputs(r: Any, alpha: Any, s: Any, beta: Any, **customer: Any) -> Inputs:
    x = Inputs(r=r, alpha=alpha, s=s, beta=beta, **customer)
    _positive(x, *_PARAMETERS)
    _check_rfm(x)
    return x


def _p_alive(r: Any, alpha: Any, s: Any, beta: Any, x: Any, tx: Any, age: Any) -> np.ndarray:
    log_l, log_alive, _ = _log_parts(r, alpha, s, beta, x, tx, age)
    return np.exp(log_alive - log_l)


def paretonbd_p_alive(
    r: ArrayLike,
    alpha: ArrayLike,
    s: ArrayLike,
    beta: ArrayLike,
    frequency: ArrayLike,
    recency: ArrayLike,
    T: ArrayLike,
) -> Any:
    """Probability that a customer with (x, t_x, T) is still active at T (Fader & Hardie 2005 note, eq. 36-37).

    P(alive) = Gamma(r + x) alpha^r beta^s / (Gamma(r) (alpha + T)^(r + x) (beta + T)^s) / L: the share of the
    likelihood in which the customer is alive at T.

    >>> round(paretonbd_p_alive(0.553, 10.578, 0.606, 11.669, 2, 30.43, 38.86), 4)
    0.8692
    """
    x = _inputs(r, alpha, s, beta, frequency=frequency, recency=recency, T=T)
    result = _p_alive(*(x[k] for k in _PARAMETERS), x["frequency"], x["recency"], x["T"])
    _raise_if_not_finite(x, _PARAMETERS + ("frequency", "recency", "T"), result, "P(alive)")
    return x.wrap(result)


def _expected(r: Any, alpha: Any, s: Any, beta: Any, x: Any, tx: Any, age: Any, t: Any) -> np.ndarray:
    """P(alive) x (r + x) / (alpha + T) x (beta + T) [1 - ((beta + T) / (beta + T + t))^(s - 1)] / (s - 1)."""
    log_q = -np.log1p(t / (beta + age))  # ln((beta + T) / (beta + T + t)): 0 for beta = 1e300 by a difference of logs
    sm1 = np.asarray(s - 1.0, dtype=np.float64)
    with np.errstate(divide="ignore", invalid="ignore"):
        factor = np.where(sm1 == 0, -log_q, -np.expm1(sm1 * log_q) / np.where(sm1 == 0, 1.0, sm1))
    return _p_alive(r, alpha, s, beta, x, tx, age) * (r + x) / (alpha + age) * (beta + age) * factor


def paretonbd_expected(
    r: ArrayLike,
    alpha: ArrayLike,
    s: ArrayLike,
    beta: ArrayLike,
    t: ArrayLike,
    frequency: ArrayLike,
    recency: ArrayLike,
    T: ArrayLike,
) -> Any:
    """Expected purchases in the next t time units of a customer with (x, t_x, T) (Fader & Hardie 2005 note, eq. 41).

    E[Y(t) | x, t_x, T] = P(alive) (r + x) (beta + T) / ((alpha + T)(s - 1))
                          x [1 - ((beta + T) / (beta + T + t))^(s - 1)],
    exact at s = 1 (the bracket over s - 1 is taken as -expm1((s - 1) ln q) / (s - 1), -ln q at s = 1).

    >>> round(paretonbd_expected(0.553, 10.578, 0.606, 11.669, 39, 2, 30.43, 38.86), 4)
    1.4551
    """
    x = _inputs(r, alpha, s, beta, frequency=frequency, recency=recency, T=T, t=t)
    x.check_range("t", what="a time >= 0")
    result = _expected(*(x[k] for k in _PARAMETERS), x["frequency"], x["recency"], x["T"], x["t"])
    _raise_if_not_finite(x, _PARAMETERS + ("frequency", "recency", "T", "t"), result, "the expected purchases")
    return x.wrap(result)


def paretonbd_clv(
    r: ArrayLike,
    alpha: ArrayLike,
    s: ArrayLike,
    beta: ArrayLike,
    frequency: ArrayLike,
    recency: ArrayLike,
    T: ArrayLike,
    order_value: ArrayLike,
    margin: ArrayLike = 1.0,
    months: ArrayLike = 12,
    discount_rate: ArrayLike = 0.01,
    periods_per_month: ArrayLike = 30.0,
) -> Any:
    """Expected lifetime value over a horizon: Pareto/NBD purchases x order value x margin, discounted monthly.

    Source: expected purchases of Schmittlein, Morrison & Colombo (1987), Management Science 33(1), as in Fader &
    Hardie (2005), "A Note on Deriving the Pareto/NBD Model and Related Expressions", eq. 41, summed month by month
    as lifetimes' ``customer_lifetime_value``.

    CLV = margin x order_value x sum_{i=1}^{months} [E(i k) - E((i - 1) k)] / (1 + d)^i, E = :func:`paretonbd_expected`,
    k = periods_per_month, d = monthly discount rate: the convention of :func:`bgnbd_clv` and of ``lifetimes``'
    ``customer_lifetime_value``. order_value: e.g. :func:`gammagamma_mean` (the Gamma-Gamma model). An optional
    argument given as None takes its default, as a blank Excel cell.

    >>> round(paretonbd_clv(0.553, 10.578, 0.606, 11.669, 2, 30.43, 38.86, 35.0, 1.0, 12, 0.01, 4.345), 4)
    61.1484
    """
    margin, months = or_default(margin, 1.0), or_default(months, 12)  # None: the default, as a blank Excel cell
    discount_rate, periods_per_month = or_default(discount_rate, 0.01), or_default(periods_per_month, 30.0)
    x = _inputs(
        r,
        alpha,
        s,
        beta,
        frequency=frequency,
        recency=recency,
        T=T,
        order_value=order_value,
        margin=margin,
        months=months,
        discount_rate=discount_rate,
        periods_per_month=periods_per_month,
    )
    _check_clv(x)
    params = [np.asarray(x[k], dtype=np.float64) for k in _PARAMETERS]
    fx, tx, age = (np.asarray(x[k], dtype=np.float64) for k in ("frequency", "recency", "T"))
    k, months_, d = (np.asarray(x[k], dtype=np.float64) for k in ("periods_per_month", "months", "discount_rate"))
    value = np.zeros(np.broadcast_shapes(*(np.shape(v) for v in (*params, fx, tx, age, k, months_, d))))
    previous = np.zeros_like(value)
    horizon = int(np.nanmax(months_)) if np.any(~np.isnan(months_)) else 0
    for i in range(1, horizon + 1):
        current = _expected(*params, fx, tx, age, i * k)
        value = value + np.where(i <= months_, (current - previous) / (1 + d) ** i, 0.0)
        previous = current
    result = np.asarray(x["margin"]) * np.asarray(x["order_value"]) * value
    blank = np.isnan(sum(params) + fx + tx + age + months_ + k + d + x["margin"] + x["order_value"])
    result = np.where(blank, np.nan, result)  # a blank input (months too: no horizon) is a blank value, as bgnbd_clv
    names = ("frequency", "recency", "T", "order_value", "margin", "months", "discount_rate", "periods_per_month")
    _raise_if_not_finite(x, _PARAMETERS + names, result, "the lifetime value")
    return x.wrap(result)
