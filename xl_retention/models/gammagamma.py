"""Gamma-Gamma model of average order value (Fader & Hardie 2013, "The Gamma-Gamma Model of Monetary Value")."""

from __future__ import annotations

import math
from typing import Any, NamedTuple

import numpy as np

from .._validation import Inputs
from ..errors import OutOfRangeError
from ._common import ArrayLike, _aggregate_rows, _columns, _positive, rows_located
from ._optimize import FitResult, Ridge, _log_bounds, _log_covariance, _maximize
from ._units import shown_in, unit_of


class _GammaGammaFitFields(NamedTuple):
    p: float
    q: float
    v: float
    log_likelihood: float


class GammaGammaFit(_GammaGammaFitFields, FitResult):
    """Maximum-likelihood estimates of the Gamma-Gamma model and the log-likelihood at them.

    Standard errors, intervals and a summary table from the observed information:
    see :class:`~xl_retention.models._optimize.FitResult`.
    """


def _stopped(theta: np.ndarray, forward: bool) -> str:
    p, q, v = np.exp(theta)
    at, factor = f"p = {p:.6g}, q = {q:.6g}, v = {v:.6g}", f"{math.e**3:.3g}"
    if forward:
        return f"{at}; p times {factor} and v divided by it"
    return f"{at}, near the search's edge; back to p / {factor} and v x {factor}"


#: p -> infinity with p v kept: each customer's orders all of one value, their average (H321's finding 01)
_NO_SPREAD_WITHIN = Ridge(
    (1.0, 0.0, -1.0),
    "does not fall as p grows and v falls with p v kept",
    _stopped,
    "the average order values do not vary less for customers with more orders, as averages of orders that vary "
    "around each customer's own mean would: the data show no spread of a customer's orders around their average, "
    "so p and v are not determined",
)


def _gammagamma_loglik(theta: np.ndarray, x: np.ndarray, m: np.ndarray, w: np.ndarray) -> tuple[float, np.ndarray]:
    """Weighted Gamma-Gamma log-likelihood of mean order values and its gradient in (log p, log q, log v)."""
    from scipy.special import digamma, gammaln

    p, q, v = np.exp(theta)
    px = p * x
    log_xm_v = np.log(x * m + v)
    ll_rows = (
        gammaln(px + q)
        - gammaln(px)
        - gammaln(q)
        + q * np.log(v)
        + (px - 1) * np.log(m)
        + px * np.log(x)
        - (px + q) * log_xm_v
    )
    grad_p = x * (digamma(px + q) - digamma(px) + np.log(m) + np.log(x) - log_xm_v)
    grad_q = digamma(px + q) - digamma(q) + np.log(v) - log_xm_v
    grad_v = q / v - (px + q) / (x * m + v)
    grad = np.array([np.dot(w, g) for g in (grad_p, grad_q, grad_v)]) * np.array([p, q, v])
    return float(np.dot(w, ll_rows)), grad


@rows_located  # a refusal names the row as given, blank rows counted (H288)
def gammagamma_fit(frequency: ArrayLike, monetary_value: ArrayLike) -> GammaGammaFit:
    """Maximum-likelihood Gamma-Gamma fit of average order values (Fader & Hardie 2013).

    Uses the customers with frequency x > 0 (their mean repeat-order value m > 0; blank or any
    value >= 0 where x = 0). An
    order's value is Gamma(p, nu), nu ~ Gamma(q, v) across customers; log-likelihood of one:

    ln f(m | x) = ln Gamma(p x + q) - ln Gamma(p x) - ln Gamma(q) + q ln v + (p x - 1) ln m
                  + p x ln x - (p x + q) ln(x m + v).

    >>> fit = gammagamma_fit([6, 5, 4, 2, 3, 1, 1, 1, 2, 6, 0],
    ...                      [22.6, 22.3, 81.2, 32.6, 21.7, 36.8, 52.7, 5.4, 14.4, 24.8, 0.0])
    >>> [round(v, 3) for v in fit]
    [2.224, 7.488, 91.441, -41.497]
    """
    cols = _columns(
        frequency=frequency, monetary_value=monetary_value, blank_where_zero=("monetary_value", "frequency")
    )
    x = Inputs(**cols)
    x.check_range("frequency", integer=True, what="a whole number of repeat purchases >= 0")
    x.check_range("monetary_value", what="an amount >= 0")
    repeat = cols["frequency"] > 0
    fx, m = cols["frequency"][repeat], cols["monetary_value"][repeat]
    x.fail_where(  # the position ends the message: a workbook's reason names the cell (rows_located maps it)
        repeat & (cols["monetary_value"] <= 0),
        OutOfRangeError,
        "monetary_value must be > 0 for a customer with repeat purchases (frequency {frequency:g}), "
        "got {monetary_value:g}",
        "monetary_value",
    )
    if fx.size < 3:
        raise OutOfRangeError(
            f"frequency has {fx.size} customer(s) with repeat purchases: the Gamma-Gamma model needs at least 3",
            "frequency",
            float(fx.size),
        )
    if np.all(m == m[0]):  # each customer's mean fits exactly: the likelihood grows without bound (p, q -> infinity)
        raise OutOfRangeError(
            f"monetary_value is {m[0]:g} for every customer with repeat purchases: the Gamma-Gamma likelihood has no "
            "finite maximum without a spread in average order values (p and q -> infinity); the mean order value is "
            f"{m[0]:g}",
            "monetary_value",
            float(m[0]),
        )
    (ux, um), weights = _aggregate_rows(fx, m)
    unit = unit_of(um, weights)  # amounts in a unit near their scale, v mapped back (.._units)
    um = um / unit

    def loglik(theta: np.ndarray) -> tuple[float, np.ndarray]:
        return _gammagamma_loglik(theta, ux, um, weights)

    # moments: E[m] = p v / (q - 1); start at p = 1, q = 2, v = mean
    mean = float(np.dot(weights, um) / weights.sum())
    start = np.log([1.0, 2.0, mean])
    bounds, describe = _log_bounds(("p", "q", "v"))
    shift = np.array([0.0, 0.0, math.log(unit)])
    with shown_in(shift):
        theta, ll, information = _maximize(
            loglik,
            start,
            bounds,
            float(weights.sum()),
            describe,
            "monetary_value",
            "Gamma-Gamma",
            check_ridge=True,
            along=_NO_SPREAD_WITHIN,
        )
    p, q, v = (float(e) for e in np.exp(theta + shift))
    ll -= math.log(unit) * float(weights.sum())  # each customer's mean value's density is per unit of money
    return GammaGammaFit(p, q, v, ll)._with_information(_log_covariance(information))


def gammagamma_mean(p: ArrayLike, q: ArrayLike, v: ArrayLike, frequency: ArrayLike, monetary_value: ArrayLike) -> Any:
    """Expected average order value of a customer with x repeat purchases of mean value m (Gamma-Gamma).

    Source: Fader & Hardie (2013), "The Gamma-Gamma Model of Monetary Value", E[M | x, m].

    E[M | x, m] = p (v + x m) / (p x + q - 1)
                = (q - 1) / (p x + q - 1) x p v / (q - 1) + p x / (p x + q - 1) x m,
    a weighted mean of the population mean p v / (q - 1) and the customer's own mean.
    Needs q > 1 (a finite population mean); with x = 0 it is the population mean (m may be blank or 0 there). With
    x > 0, m must be > 0, as :func:`gammagamma_fit` requires (order values are Gamma distributed): an m of 0 was the
    population mean shrunk by x orders "of 0" (H545's finding 07), ``#NUM!``.

    >>> round(gammagamma_mean(6.25, 3.74, 15.44, 0, 0), 4)  # CDNOW: population mean
    35.219
    >>> round(gammagamma_mean(6.25, 3.74, 15.44, 0, None), 4)  # no repeat purchase, no mean order value
    35.219
    >>> round(gammagamma_mean(6.25, 3.74, 15.44, 2, 20.0), 4)
    22.7362
    """
    x = Inputs(p=p, q=q, v=v, frequency=frequency, monetary_value=monetary_value)
    _positive(x, "p", "q", "v")
    x.fail_where(
        x["q"] <= 1,
        OutOfRangeError,
        "q must be > 1 for a finite mean order value, got {q:g}",
        "q",
    )
    x.check_range("frequency", integer=True, what="a whole number of repeat purchases >= 0")
    x.check_range("monetary_value", what="an amount >= 0")
    pp, qq, vv, fx, m = x["p"], x["q"], x["v"], x["frequency"], x["monetary_value"]
    x.fail_where(  # the fit's own rule and words (gammagamma_fit)
        (fx > 0) & (m <= 0),
        OutOfRangeError,
        "monetary_value must be > 0 for a customer with repeat purchases (frequency {frequency:g}), "
        "got {monetary_value:g}",
        "monetary_value",
    )
    with np.errstate(invalid="ignore"):
        m = np.where((fx == 0) & np.isnan(m), 0.0, m)  # no repeat purchase: no mean to give, none needed
    return x.wrap(pp * (vv + fx * m) / (pp * fx + qq - 1))
