"""BG/NBD model of repeat purchases: Fader, Hardie & Lee (2005), "'Counting Your Customers' the Easy Way",
Marketing Science 24(2)."""

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
from ._units import shown_in, unit_of


class _BGNBDFitFields(NamedTuple):
    r: float
    alpha: float
    a: float
    b: float
    log_likelihood: float


class BGNBDFit(_BGNBDFitFields, FitResult):
    """Maximum-likelihood estimates of the BG/NBD model and the log-likelihood at them.

    Standard errors, intervals and a summary table from the observed information:
    see :class:`~xl_retention.models._optimize.FitResult`.
    """


def _bgnbd_loglik(
    theta: np.ndarray, x: np.ndarray, tx: np.ndarray, age: np.ndarray, w: np.ndarray
) -> tuple[float, np.ndarray]:
    """Weighted BG/NBD log-likelihood and its gradient in (log r, log alpha, log a, log b)."""
    from scipy.special import digamma, gammaln

    r, al, a, b = np.exp(theta)
    ux, xi = np.unique(x, return_inverse=True)  # few distinct frequencies: gamma functions once each
    g_rx = (gammaln(r + ux) - gammaln(r))[xi]
    g_ab = (gammaln(a + b) + gammaln(b + ux) - gammaln(b) - gammaln(a + b + ux))[xi]
    d_rx = (digamma(r + ux) - digamma(r))[xi]
    d_a = (digamma(a + b) - digamma(a + b + ux))[xi]
    d_b = (digamma(a + b) + digamma(b + ux) - digamma(b) - digamma(a + b + ux))[xi]
    pos = x > 0
    log_at = np.log(al + age)
    log_atx = np.log(al + tx)
    bx1 = np.where(pos, b + x - 1, 1.0)
    a3 = -(r + x) * log_at
    a4 = np.where(pos, np.log(a) - np.log(bx1) - (r + x) * log_atx, -np.inf)
    top = np.maximum(a3, a4)
    e3, e4 = np.exp(a3 - top), np.exp(a4 - top)
    total = e3 + e4
    ll_rows = g_rx + r * np.log(al) + g_ab + top + np.log(total)
    w3, w4 = e3 / total, e4 / total
    grad_r = d_rx + np.log(al) - w3 * log_at - w4 * log_atx
    grad_al = r / al - (r + x) * (w3 / (al + age) + w4 / (al + tx))
    grad_a = d_a + w4 / a
    grad_b = d_b - w4 / bx1
    grad = np.array([np.dot(w, g) for g in (grad_r, grad_al, grad_a, grad_b)]) * np.array([r, al, a, b])
    return float(np.dot(w, ll_rows)), grad


@rows_located  # a refusal names the row as given, blank rows counted (H288)
def bgnbd_fit(frequency: ArrayLike, recency: ArrayLike, T: ArrayLike) -> BGNBDFit:
    """Maximum-likelihood BG/NBD fit (Fader, Hardie & Lee 2005) of customers' (x, t_x, T).

    frequency x = repeat purchases, recency t_x = time of the last purchase since the
    first, T = time since the first purchase (age), in one time unit (see
    :func:`rfm_summary`). Log-likelihood of one customer:

    L = B(a, b + x) / B(a, b) x Gamma(r + x) alpha^r / (Gamma(r) (alpha + T)^(r + x))
      + [x > 0] B(a + 1, b + x - 1) / B(a, b) x Gamma(r + x) alpha^r / (Gamma(r) (alpha + t_x)^(r + x)),

    summed in logs over customers; identical (x, t_x, T) rows are counted once with a
    weight, so a million customers fit in seconds.

    >>> fit = bgnbd_fit([1, 1, 1, 9, 8, 1, 1, 0, 3, 2, 1, 2], [1, 10, 2, 25, 10, 12, 1, 0, 13, 28, 11, 28],
    ...                 [38, 33, 39, 28, 34, 32, 37, 29, 37, 34, 38, 33])
    >>> [round(v, 3) for v in fit]
    [1.136, 5.047, 0.596, 0.63, -91.248]
    """
    cols = _columns(frequency=frequency, recency=recency, T=T, one_for_all=("T",))
    if cols["frequency"].size == 0:
        raise ZeroDenominatorError("frequency, recency and T hold no customer", "frequency", None)
    x = Inputs(**cols)
    _check_rfm(x)
    (fx, ftx, fage), weights = _aggregate_rows(x["frequency"], x["recency"], x["T"])
    if not np.any(fx > 0):
        raise OutOfRangeError(
            "frequency is 0 for every customer: with no repeat purchase the BG/NBD likelihood has no finite maximum",
            "frequency",
            0.0,
        )
    unit = unit_of(fage, weights)  # times in a unit near their scale, alpha mapped back (.._units)
    ftx, fage = ftx / unit, fage / unit
    n = float(weights.sum())
    mean_age = float(np.dot(weights, fage) / n)
    rate = float(np.dot(weights, fx) / max(np.dot(weights, fage), 1e-12))

    def loglik(theta: np.ndarray) -> tuple[float, np.ndarray]:
        return _bgnbd_loglik(theta, fx, ftx, fage, weights)

    start = np.log([1.0, max(1.0 / max(rate, 1e-12), 1e-6) if rate > 0 else max(mean_age, 1.0), 1.0, 1.0])
    start = np.clip(start, -_LOG_BOUND + 1, _LOG_BOUND - 1)
    bounds, describe = _log_bounds(("r", "alpha", "a", "b"))
    names = ("r", "alpha", "a", "b")
    ridges = ((0, 1, "purchase rates"), (2, 3, "the chance of dropping out after a purchase"))
    shift = np.array([0.0, math.log(unit), 0.0, 0.0])
    with shown_in(shift):
        theta, ll, information = _maximize(
            loglik, start, bounds, n, describe, "frequency", "BG/NBD", check_ridge=True, ridges=(ridges, names)
        )
        _check_ridges(loglik, theta, ll, ridges, names, "frequency", "BG/NBD")
    r, alpha, a, b = (float(v) for v in np.exp(theta + shift))
    ll -= math.log(unit) * float(np.dot(weights, fx))  # each purchase's density is per unit of time
    return BGNBDFit(r, alpha, a, b, ll)._with_information(_log_covariance(information))


_BGNBD = ("r", "alpha", "a", "b")


def _bgnbd_inputs(r: Any, alpha: Any, a: Any, b: Any, **customer: Any) -> Inputs:
    x = Inputs(r=r, alpha=alpha, a=a, b=b, **customer)
    _positive(x, "r", "alpha", "a", "b")
    _check_rfm(x)
    return x


def _p_alive(r: Any, alpha: Any, a: Any, b: Any, x: Any, tx: Any, age: Any) -> Any:
    """1 / (1 + [x > 0] a / (b + x - 1) ((alpha + T) / (alpha + t_x))^(r + x)), in logs."""
    pos = x > 0
    with np.errstate(divide="ignore", invalid="ignore"):
        log_odds = np.log(a) - np.log(np.where(pos, b + x - 1, 1.0)) + (r + x) * np.log((alpha + age) / (alpha + tx))
        # 1 / (1 + e^L) as exp(-ln(1 + e^L)): a customer silent for long keeps e^-L (was floored at e^-700 = 1e-304)
        return np.where(pos, np.exp(-np.logaddexp(0.0, log_odds)), 1.0)


def bgnbd_p_alive(
    r: ArrayLike, alpha: ArrayLike, a: ArrayLike, b: ArrayLike, frequency: ArrayLike, recency: ArrayLike, T: ArrayLike
) -> Any:
    """Probability that a customer is still active (BG/NBD, Fader, Hardie & Lee 2005, eq. 11).

    P(alive | x, t_x, T) = 1 / (1 + [x > 0] a / (b + x - 1) ((alpha + T) / (alpha + t_x))^(r + x)).

    A customer with no repeat purchase (x = 0) is alive with probability 1: in BG/NBD a
    customer can only drop out right after a purchase.

    >>> round(bgnbd_p_alive(0.243, 4.414, 0.793, 2.426, 2, 30.43, 38.86), 4)
    0.7266
    >>> bgnbd_p_alive(0.243, 4.414, 0.793, 2.426, 0, 0, 38.86)
    1.0
    """
    x = _bgnbd_inputs(r, alpha, a, b, frequency=frequency, recency=recency, T=T)
    result = _p_alive(x["r"], x["alpha"], x["a"], x["b"], x["frequency"], x["recency"], x["T"])
    blank = np.isnan(x["r"] + x["alpha"] + x["a"] + x["b"] + x["frequency"] + x["recency"] + x["T"])
    return x.wrap(np.where(blank, np.nan, result))


def _bgnbd_bracket(r: Any, alpha: Any, a: Any, b: Any, x: Any, age: Any, t: Any) -> np.ndarray:
    """Q = [1 - ((alpha + T) / (alpha + T + t))^(r + x) 2F1(r + x, b + x; a + b + x - 1; z)] / (a - 1).

    With Euler's transformation the product is (1 - z)^(a - 1) 2F1(a + b - 1 - r, a - 1; a + b + x - 1; z),
    z = t / (alpha + T + t), whose series divided by (a - 1) is summed directly:
    Q = -expm1((a - 1) ln(1 - z)) / (a - 1) - (1 - z)^(a - 1) sum_{k>=1} (A)_k (a)_(k-1) z^k / ((C)_k k!),
    A = a + b - 1 - r, C = a + b + x - 1: no cancellation at a = 1 and no overflow for large x. Each series estimates
    its own rounding (the drift of its running products, the digits its difference cancels): NaN where that is above
    _SERIES_ERROR or the series would take more than _MAX_TERMS terms (:func:`_bgnbd_future` then integrates).
    """
    r, alpha, a, b, x, age, t = (np.array(v, dtype=np.float64) for v in np.broadcast_arrays(r, alpha, a, b, x, age, t))
    shape = r.shape
    r, alpha, a, b, x, age, t = (v.ravel() for v in (r, alpha, a, b, x, age, t))
    z = t / (alpha + age + t)
    log1mz = -np.log1p(t / (alpha + age))  # ln(1 - z) to a few ulps (a difference of two logs loses them)
    y = (a - 1) * log1mz
    with np.errstate(invalid="ignore", divide="ignore"):
        first = np.where(y == 0, -log1mz, -np.expm1(y) / np.where(a == 1, 1.0, a - 1))
    big_a, big_c = a + b - 1 - r, a + b + x - 1
    total = np.zeros(r.size)
    with np.errstate(divide="ignore", invalid="ignore"):
        term = big_a * z / big_c  # C = 0 (a + b = 1, x = 0): not finite, the quadrature
    one_minus_z = (alpha + age) / (alpha + age + t)  # without the rounding of z
    with np.errstate(invalid="ignore"):
        far = np.maximum.reduce([r + x, b + x, np.abs(big_a), a, np.ones(r.size)]) * one_minus_z <= _FAR
    if far.any():  # a long t: this series would take ~40 / (1 - z) terms, the expansion at z = 1 a few
        far_value = _far_bracket(r[far], a[far], b[far], x[far], one_minus_z[far])
    # Pfaff: Q = -sum_{k>=1} (r + x)_k (a)_(k-1) w^k / ((C)_k k!), w = -t / (alpha + T): every term exact, where
    # z's series loses the digits of (r + x) / C to cancellation (b = 1e300 gave -5.6e284 for 2.02 purchases)
    w = -t / (alpha + age)
    with np.errstate(invalid="ignore", divide="ignore"):
        # the ratio of terms k + 1 and k is |w| (r + x + k) / (k + 1) x (a + k - 1) / (C + k), the second factor
        # below 1 (C - a + 1 = b + x > 0), or |w| (r + x + k) / (C + k) x (a + k - 1) / (k + 1): the lower bound
        bound = np.abs(w) * np.minimum(
            np.maximum(1.0, (r + x + 1) / 2), np.maximum(1.0, (r + x) / big_c) * np.maximum(1.0, a / 2)
        )
        short = (big_c > 0) & (bound <= 0.98) & ~far & (t > 0)  # terms fall at least 0.98 a step from the first
    if short.any():
        short_value = _pfaff_bracket(r[short] + x[short], a[short], big_c[short], w[short])
    # the series in z fall like z^k at best: 39 / (1 - z) terms to 1e-17; more than _MAX_TERMS: the quadrature at once
    slow = ~(39.0 < _MAX_TERMS * one_minus_z)
    active = np.flatnonzero(np.isfinite(term) & (z > 0) & ~far & ~short & ~slow)
    total[active] = term[active]
    term = term[active]
    biggest = np.abs(total)  # the largest term of each sum: terms of mixed signs (A = a + b - 1 - r < 0) cancel
    # rounding carried by the terms: term k is a running product of k ratios of ~6 roundings each
    drift = np.abs(total).copy()
    count = np.ones(r.size)
    k = 1
    while active.size and k < _MAX_TERMS:
        ratio = (big_a[active] + k) * (a[active] + k - 1) * z[active] / ((big_c[active] + k) * (k + 1))
        term = term * ratio
        total[active] += term
        biggest[active] = np.maximum(biggest[active], np.abs(term))
        drift[active] += (k + 1) * np.abs(term)
        count[active] += 1
        # converged once terms shrink geometrically and the bounded tail is negligible
        # the tail bound takes the largest ratio still to come, z max(1, |A + j| / (C + j)) for j > k: this ratio
        # may be small once and the terms recover (a = 1e-8: (a + k - 1) at k = 1; it stopped 8e-10 short)
        with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
            later = big_c[active] + k + 1
            rho = z[active] * np.maximum(1.0, np.abs(big_a[active] + k + 1) / later)
            tail = np.abs(term) * rho / np.maximum(1.0 - rho, 1e-300)
        done = (later > 0) & (rho < 1) & (tail <= 1e-17 * np.abs(total[active]))
        done |= term == 0
        blown = ~np.isfinite(term) | (np.abs(term) > 1e250)  # r or a of 1e12 and more: terms grow without bound
        if blown.any():
            total[active[blown]] = np.nan  # -> #NUM!: cannot be computed in floating point
            done |= blown
        if done.any():
            keep = ~done
            active, term = active[keep], term[keep]
        k += 1
    total[active] = np.nan  # not converged in _MAX_TERMS terms: the direct series, else the quadrature
    subtracted = np.exp(y) * total
    out = first - subtracted
    with np.errstate(invalid="ignore", over="ignore", divide="ignore"):
        # the error of the difference: the terms' drift and the two sides' own roundings (b = 70,917 lost the 9th
        # digit: 5 digits cancelled against a drift of 3e4 terms); beyond _SERIES_ERROR: the quadrature instead
        # and the rounding of A = a + b - 1 - r and C = a + b + x - 1 themselves, which may cancel (a = 1e-8, b = 3,
        # r = 1: A carries 5e-9 of itself and so did the result)
        # C + k nearest 0 (C = -0.99999998 for a = b = 1e-8: C + 1 carried 5e-9 of itself)
        near_c = np.where(big_c < 0.5, np.abs(big_c - np.round(big_c)), np.abs(big_c))
        near_a = np.where(big_a < 0.5, np.abs(big_a - np.round(big_a)), np.abs(big_a))
        shaky = (a + b + 1 + np.abs(r)) / near_a + (a + b + x + 1) * (1.0 / near_c + 1.0)
        error = _EPS * (
            4.0 * np.exp(y) * drift * (1.0 + shaky)
            + 4.0 * (np.abs(first) + np.abs(subtracted))
            + count * np.exp(y) * biggest
        )
        lost = ~(error <= _SERIES_ERROR * np.abs(out))
    out[lost] = np.nan
    out[slow & (z > 0)] = np.nan
    retry = np.flatnonzero(np.isnan(out) & ~far & ~short & ~slow & (z > 0) & (big_c > 0))
    if retry.size:  # a large a: Euler's terms grow like (a z)^k / k! before they fall (a = b = 1,000 gave NaN)
        out[retry] = _direct_bracket(
            r[retry] + x[retry], b[retry] + x[retry], big_c[retry], a[retry], z[retry], log1mz[retry]
        )
    if far.any():
        out[far] = far_value
    if short.any():
        out[short] = short_value
    return out.reshape(shape)


def _direct_bracket(
    big_a: np.ndarray, big_b: np.ndarray, c: np.ndarray, a: np.ndarray, z: np.ndarray, log1mz: np.ndarray
) -> np.ndarray:
    """Q = (1 - G) / (a - 1), G = (1 - z)^A 2F1(A, B; C; z) summed as it stands (positive terms; the ratio of terms
    k + 1 and k, z (A + k) / (k + 1) x (B + k) / (C + k) with B < C, stays below rho = z max(1, (A + k) / (k + 1)),
    which bounds the tail). NaN where the rounding of G (its terms' drift, its logs) is above _SERIES_ERROR of
    1 - G, or the sum does not converge in _MAX_TERMS terms."""
    term = np.ones(big_a.shape)
    total = term.copy()
    drift = term.copy()  # sum of (k + 1) x term k: the running product's rounding
    active = np.arange(big_a.size)
    for k in range(_MAX_TERMS):
        if not active.size:
            break
        aa, bb, cc, zz = big_a[active], big_b[active], c[active], z[active]
        term = term * (aa + k) * (bb + k) * zz / ((cc + k) * (k + 1))
        total[active] += term
        drift[active] += (k + 2) * term
        rho = zz * np.maximum(1.0, (aa + k + 1) / (k + 2))
        with np.errstate(divide="ignore", invalid="ignore"):
            done = (rho < 1) & (term * rho / (1 - rho) <= 1e-17 * total[active])
        done |= ~np.isfinite(term)
        keep = ~done
        active, term = active[keep], term[keep]
    with np.errstate(over="ignore", divide="ignore", invalid="ignore"):
        log_g = big_a * log1mz + np.log(total)
        g = np.exp(log_g)
        out = -np.expm1(log_g) / (a - 1)
        # G's relative error: the terms' drift, and ln G's rounding (A ln(1 - z) of 1e4 carries 1e-12)
        shaky = (big_b + a + 1) * (1.0 / np.abs(c) + drift / total)  # C = a + b + x - 1 rounded (it may cancel)
        error = g * _EPS * (6.0 * drift / total + 2.0 * np.abs(big_a * log1mz) + 2.0 * np.abs(log_g) + 4.0 + shaky)
        bad = ~np.isfinite(total) | ~(error <= _SERIES_ERROR * np.abs(1 - g)) | (a == 1)
    out[bad] = np.nan
    if active.size:
        out[active] = np.nan
    return out


def _pfaff_bracket(rx: np.ndarray, a: np.ndarray, c: np.ndarray, w: np.ndarray) -> np.ndarray:
    """-sum_{k>=1} (rx)_k (a)_(k-1) w^k / ((c)_k k!) for c > 0 and terms falling by 0.98 a step or faster."""
    if rx.size == 1:  # one cell: the same arithmetic on Python floats (numpy's per-step overhead is 10x the sum's)
        return np.array([_pfaff_scalar(float(rx[0]), float(a[0]), float(c[0]), float(w[0]))])
    term = -rx * w / c
    total = term.copy()
    drift = np.abs(term)  # sum of (k + 1) |term k|: the running product's rounding (terms of both signs)
    for k in range(1, 4000):
        term = term * (rx + k) * (a + k - 1) * w / ((c + k) * (k + 1))
        total += term
        drift += (k + 1) * np.abs(term)
        if k > 1 and np.all(np.abs(term) <= 1e-17 * np.abs(total)):  # (a + k - 1) at k = 1 may be tiny once
            break
    shaky = (rx + a + 1) * (1.0 / np.abs(c) + 1.0)  # C = a + b + x - 1 rounded (it may cancel)
    with np.errstate(invalid="ignore"):
        total[~(6.0 * _EPS * drift * (1.0 + shaky) <= _SERIES_ERROR * np.abs(total))] = np.nan
    return total


_EPS = float(np.finfo(np.float64).eps)
#: terms a series may take before the quadrature takes over (one step costs about what 1/100 of a quadrature does)
_MAX_TERMS = 1_000
#: relative error a series' rounding may reach before the quadrature (:mod:`._beta_quadrature`) takes over
_SERIES_ERROR = 1e-11


def _pfaff_scalar(rx: float, a: float, c: float, w: float) -> float:
    """:func:`_pfaff_bracket` of one element."""
    term = -rx * w / c
    total = term
    drift = abs(term)
    for k in range(1, 4000):
        term = term * (rx + k) * (a + k - 1) * w / ((c + k) * (k + 1))
        total += term
        drift += (k + 1) * abs(term)
        if k > 1 and abs(term) <= 1e-17 * abs(total):  # (a + k - 1) at k = 1 may be tiny once
            break
    shaky = (rx + a + 1) * (1.0 / abs(c) + 1.0)  # C = a + b + x - 1 rounded (it may cancel)
    return total if 6.0 * _EPS * drift * (1.0 + shaky) <= _SERIES_ERROR * abs(total) else math.nan


#: (1 - z) x the largest parameter below which :func:`_bgnbd_bracket` sums the expansion at z = 1 (few terms)
_FAR = 0.05


def _far_series(
    p: np.ndarray, q: np.ndarray, c: np.ndarray, y: np.ndarray, start: int
) -> tuple[np.ndarray, np.ndarray]:
    """sum_{k >= start} (p)_k (q)_(k - start) y^k / ((c)_k k!) for start 0 or 1 (q = a: (a - 1)_k / (a - 1)), and
    sum (k + 1) |term k| (the running product's rounding); NaN where 400 terms did not converge."""
    term = np.ones(p.shape) if start == 0 else p * y / c
    total = np.zeros(p.shape) if start == 0 else term.copy()
    if start == 0:
        total += term
    drift = np.abs(total)
    converged = False
    with np.errstate(over="ignore", invalid="ignore"):
        for k in range(start, 400):
            term = term * (p + k) * (q + k - start) * y / ((c + k) * (k + 1))
            total += term
            drift += (k + 2) * np.abs(term)
            if np.all(np.abs(term) <= 1e-17 * np.abs(total)):
                converged = True
                break
    if not converged:
        total = np.where(np.abs(term) <= 1e-17 * np.abs(total), total, np.nan)
    return total, drift


def _far_exact(r: np.ndarray, a: np.ndarray, b: np.ndarray, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """The bracket Q of :func:`_bgnbd_bracket` for small y = 1 - z, a - 1 - r - x not a whole number.

    With A = r + x, B = b + x, C = a + b + x - 1, e = a - 1, sigma = C - A - B = e - A (DLMF 15.8.4):
    y^A 2F1(A, B; C; z) = y^A Gamma(C) Gamma(sigma) / (Gamma(C - A) Gamma(e)) 2F1(A, B; 1 - sigma; y)
                        + y^e G 2F1(C - A, e; 1 + sigma; y),  G = Gamma(C) Gamma(-sigma) / (Gamma(A) Gamma(B)),
    so Q = -y^A Gamma(C) Gamma(sigma) / (Gamma(C - A) Gamma(a)) 2F1(A, B; 1 - sigma; y) + (1 - y^e G F2) / e, with
    F2 = 1 + e S, S = sum_{k >= 1} (C - A)_k (a)_(k - 1) y^k / ((1 + sigma)_k k!). For e near 0, G is 1 + O(e):
    (1 - y^e G F2) / e = -expm1(L) / L x (ln y + ln G / e + log1p(e S) / e), ln G / e by the Taylor series of
    ln Gamma (ln G at e = 0 is 0, so no digits are lost).
    """
    from scipy.special import digamma, gammaln, gammasgn, polygamma

    big_a, big_b, e = r + x, b + x, a - 1.0
    c, sigma, ca = a + b + x - 1.0, a - 1.0 - r - x, a + b - 1.0 - r
    log_y = np.log(y)
    with np.errstate(over="ignore", under="ignore", divide="ignore", invalid="ignore"):
        pole = (ca <= 0) & (ca == np.round(ca))  # 1 / Gamma(C - A) = 0
        sign = np.where(pole, 0.0, gammasgn(c) * gammasgn(sigma) * np.where(pole, 1.0, gammasgn(ca)))
        log_first = big_a * log_y + gammaln(c) + gammaln(sigma) - np.where(pole, 0.0, gammaln(ca)) - gammaln(a)
        series_1, drift_1 = _far_series(big_a, big_b, 1.0 - sigma, y, 0)
        first = -sign * np.exp(log_first) * series_1
        series, drift_2 = _far_series(ca, a, 1.0 + sigma, y, 1)
        # the rounding of each side: its logs' (gammaln within a few ulps of its size) and its series' drift
        logs_1 = np.abs(big_a * log_y) + np.abs(gammaln(c)) + np.abs(gammaln(sigma)) + np.abs(gammaln(ca))
        logs_1 += np.abs(gammaln(a))
        # C, sigma = a - 1 - r - x and C - A = a + b - 1 - r rounded (they may cancel; near a pole ln Gamma is steep)
        d_c, d_sigma, d_ca = _EPS * (a + b + x + 1), _EPS * (a + 1 + r + x), _EPS * (a + b + 1 + r)
        steep_1 = np.abs(digamma(c)) * d_c + np.abs(digamma(sigma)) * d_sigma + np.abs(digamma(ca)) * d_ca
        steep_1 += np.abs(digamma(1.0 - sigma)) * d_sigma
        logs_1 += steep_1 / _EPS
        error = np.abs(first) * _EPS * (4.0 * logs_1 + 4.0) + np.exp(log_first) * 6.0 * _EPS * drift_1
        small = (np.abs(e) < 0.01) & (np.abs(e) < 0.1 * np.minimum(big_a, big_b))
        g_sign = gammasgn(c) * gammasgn(-sigma)
        log_g = gammaln(c) + gammaln(-sigma) - gammaln(big_a) - gammaln(big_b)
        safe_e = np.where(e == 0, 1.0, e)
        second = (1.0 - g_sign * np.exp(e * log_y + log_g) * (1.0 + e * series)) / safe_e
        size_g = np.exp(e * log_y + log_g)
        logs_2 = np.abs(e * log_y) + np.abs(gammaln(c)) + np.abs(gammaln(-sigma))
        logs_2 += np.abs(gammaln(big_a)) + np.abs(gammaln(big_b))
        steep_2 = np.abs(digamma(c)) * d_c + np.abs(digamma(-sigma)) * d_sigma + np.abs(digamma(1.0 + sigma)) * d_sigma
        logs_2 += (steep_2 + np.abs(digamma(ca)) * d_ca) / _EPS
        error_2 = _EPS * (size_g * (np.abs(1.0 + e * series) * (4.0 * logs_2 + 4.0) + 6.0 * np.abs(e) * drift_2) + 1.0)
        error_2 = error_2 / np.abs(safe_e)
    if small.any():
        es, bs, as_, ys, ss = e[small], big_b[small], big_a[small], log_y[small], series[small]
        log_g_over_e = np.zeros(es.shape)  # [ln Gamma(B + e) - ln Gamma(B) - ln Gamma(A) + ln Gamma(A - e)] / e
        for k in range(12, 0, -1):
            log_g_over_e = log_g_over_e * es + (polygamma(k - 1, bs) + (-1) ** k * polygamma(k - 1, as_)) / (
                math.factorial(k)
            )
        with np.errstate(divide="ignore", invalid="ignore"):
            log1p_part = np.where(es * ss == 0, ss, np.log1p(es * ss) / np.where(es == 0, 1.0, es))
            over_e = ys + log_g_over_e + log1p_part
            big_l = es * over_e
            ratio = np.where(big_l == 0, 1.0, np.expm1(big_l) / np.where(big_l == 0, 1.0, big_l))
        second[small] = -ratio * over_e
        logs_small = np.abs(ys) + np.abs(log_g_over_e) + np.abs(log1p_part) + 6.0 * drift_2[small]
        error_2[small] = np.abs(ratio) * _EPS * 4.0 * (logs_small + 1.0)
    out = first + second
    with np.errstate(invalid="ignore"):
        # near a - 1 - r - x whole, or of logs of 1e5: first and second cancel, or carry more than the sum
        out[~(error + error_2 <= _SERIES_ERROR * np.abs(out))] = np.nan
    return out


def _far_bracket(r: np.ndarray, a: np.ndarray, b: np.ndarray, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """:func:`_far_exact`; NaN (the quadrature) where its two terms' poles near a - 1 - r - x = n, a whole number,
    cancel beyond its rounding (interpolating across n moved a below 0 for a = 2.5e-6: 1.008 for 0.0264)."""
    return _far_exact(r, a, b, x, y)


def _bgnbd_future(r: Any, alpha: Any, a: Any, b: Any, x: Any, age: Any, t: Any, alive: Any) -> np.ndarray:
    """(a + b + x - 1) x the bracket Q of :func:`_bgnbd_bracket`: the purchases expected in the next t of a customer
    alive. Where the series cannot vouch for _SERIES_ERROR (NaN), the quadrature of :mod:`._beta_quadrature`; NaN
    (-> #NUM!) where neither can. Times ``alive`` (the chance of being alive): 0 where that is 0."""
    from ._beta_quadrature import future_alive

    arrays = np.broadcast_arrays(r, alpha, a, b, x, age, t, alive)
    r, alpha, a, b, x, age, t, alive = (np.array(v, dtype=np.float64) for v in arrays)
    with np.errstate(invalid="ignore", over="ignore"):
        out = np.asarray((a + b + x - 1) * _bgnbd_bracket(r, alpha, a, b, x, age, t), dtype=np.float64)
    out[alive == 0] = 0.0  # certainly gone (e^-2.4e11 for r = 1e12): no purchase, whatever the series did
    # a + b + x - 1 = 0 (a new customer with a + b = 1) made the series' 0 x (a finite sum) = 0 for 0.44 purchases
    todo = ~np.isfinite(out) | (a + b + x - 1 == 0)
    todo &= ~np.isnan(r + alpha + a + b + x + age + t) & (alive > 0)
    if todo.any():
        with np.errstate(over="ignore"):
            u = t[todo] / (alpha[todo] + age[todo])  # inf (t = 1e300 against 1e-300): NaN below, #NUM!
        out[todo] = future_alive(r[todo] + x[todo], a[todo], b[todo] + x[todo], u)
    return out * alive


def bgnbd_expected(
    r: ArrayLike,
    alpha: ArrayLike,
    a: ArrayLike,
    b: ArrayLike,
    t: ArrayLike,
    frequency: ArrayLike,
    recency: ArrayLike,
    T: ArrayLike,
) -> Any:
    """Expected purchases in the next t time units of a customer with (x, t_x, T) (BG/NBD, eq. 10).

    E[Y(t) | x, t_x, T] = (a + b + x - 1) / (a - 1)
        x [1 - ((alpha + T) / (alpha + T + t))^(r + x) 2F1(r + x, b + x; a + b + x - 1; t / (alpha + T + t))]
        / [1 + [x > 0] a / (b + x - 1) ((alpha + T) / (alpha + t_x))^(r + x)].

    Summed as a series after Euler's transformation (no cancellation at a = 1). A new
    customer (x = t_x = T = 0) gives the expected purchases E[X(t)] of the population.

    >>> round(bgnbd_expected(0.243, 4.414, 0.793, 2.426, 39, 2, 30.43, 38.86), 3)  # FHL 2005, p. 280
    1.226
    """
    x = _bgnbd_inputs(r, alpha, a, b, frequency=frequency, recency=recency, T=T, t=t)
    x.check_range("t", what="a time >= 0")
    rr, al, aa, bb = x["r"], x["alpha"], x["a"], x["b"]
    fx, tx, age, t_ = x["frequency"], x["recency"], x["T"], x["t"]
    result = _bgnbd_future(rr, al, aa, bb, fx, age, t_, _p_alive(rr, al, aa, bb, fx, tx, age))
    result = np.where(np.isnan(rr + al + aa + bb + fx + tx + age + t_), np.nan, result)
    _raise_if_not_finite(x, _BGNBD + ("frequency", "recency", "T", "t"), result, "the expected purchases")
    return x.wrap(result)


def bgnbd_clv(
    r: ArrayLike,
    alpha: ArrayLike,
    a: ArrayLike,
    b: ArrayLike,
    frequency: ArrayLike,
    recency: ArrayLike,
    T: ArrayLike,
    order_value: ArrayLike,
    margin: ArrayLike = 1.0,
    months: ArrayLike = 12,
    discount_rate: ArrayLike = 0.01,
    periods_per_month: ArrayLike = 30.0,
) -> Any:
    """Expected lifetime value over a horizon: BG/NBD purchases x order value x margin, discounted monthly.

    Source: expected purchases of Fader, Hardie & Lee (2005), "'Counting Your Customers' the Easy Way", Marketing
    Science 24(2), eq. 10, summed month by month as lifetimes' ``customer_lifetime_value``.

    CLV = margin x order_value x sum_{i=1}^{months} [E(i k) - E((i - 1) k)] / (1 + d)^i,
    E(s) = :func:`bgnbd_expected` over s time units, k = periods_per_month (30 for days,
    4.345 for weeks, 1 for months), d = monthly discount rate; the ``lifetimes``
    package's ``customer_lifetime_value``. order_value: the expected average order value,
    e.g. :func:`gammagamma_mean`. An optional argument given as None takes its default, as a blank Excel cell.

    >>> round(bgnbd_clv(0.243, 4.414, 0.793, 2.426, 2, 30.43, 38.86, 35.0, 1.0, 12, 0.01, 4.345), 4)
    51.4976
    """
    margin, months = or_default(margin, 1.0), or_default(months, 12)  # None: the default, as a blank Excel cell
    discount_rate, periods_per_month = or_default(discount_rate, 0.01), or_default(periods_per_month, 30.0)
    x = _bgnbd_inputs(
        r,
        alpha,
        a,
        b,
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
    rr, al, aa, bb = x["r"], x["alpha"], x["a"], x["b"]
    fx, tx, age = x["frequency"], x["recency"], x["T"]
    k, months_, d = x["periods_per_month"], x["months"], x["discount_rate"]
    alive_factor = _p_alive(rr, al, aa, bb, fx, tx, age)
    value = np.zeros(np.shape(rr))
    previous = np.zeros(np.shape(rr))
    horizon = int(np.nanmax(months_)) if np.any(~np.isnan(months_)) else 0
    for i in range(1, horizon + 1):
        current = _bgnbd_future(rr, al, aa, bb, fx, age, i * k, alive_factor)
        value = value + np.where(i <= months_, (current - previous) / (1 + d) ** i, 0.0)
        previous = current
    result = x["margin"] * x["order_value"] * value
    blank = np.isnan(rr + al + aa + bb + fx + tx + age + months_ + k + d + x["margin"] + x["order_value"])
    result = np.where(blank, np.nan, result)
    names = ("frequency", "recency", "T", "order_value", "margin", "months", "discount_rate", "periods_per_month")
    _raise_if_not_finite(x, _BGNBD + names, result, "the lifetime value")
    return x.wrap(result)
