"""Probability models of retention: sBG for subscriptions, BG/NBD and Gamma-Gamma for purchases.

Contractual setting (subscriptions, renewals at discrete periods):
the shifted-beta-geometric (sBG) model of Fader & Hardie (2007), "How to Project Customer
Retention", Journal of Interactive Marketing 21(1). Each customer churns at the end of a
period with a probability theta of her own, theta ~ Beta(alpha, beta) across customers.
Its lifetime values are those of Fader & Hardie (2010), "Customer-Base Valuation in a
Contractual Setting: The Perils of Ignoring Heterogeneity", Marketing Science 29(1).

Non-contractual setting (purchases at any time): the BG/NBD model of Fader, Hardie & Lee
(2005), "'Counting Your Customers' the Easy Way", Marketing Science 24(2), and the
Gamma-Gamma model of average order value (Fader & Hardie 2013, "The Gamma-Gamma Model of
Monetary Value"), with the ``lifetimes`` package's conventions for the RFM summary.

Fits are maximum likelihood by scipy's L-BFGS-B with analytic gradients: the sBG over its
mean churn and polarization (whose edge is the homogeneous model), BG/NBD and Gamma-Gamma
over the logs of their parameters. A fit that does not converge, or whose maximum lies at
0 or infinity (on an edge, or along a flat ridge), raises
:class:`~xl_retention.errors.OutOfRangeError` (``#NUM!``): never a silent guess.
Elementwise functions take scalars, lists, arrays or Series and return the same kind.
scipy and pandas are imported inside the functions that need them, so this module
imports with numpy alone (xlwings Lite loads it in Pyodide).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any, NamedTuple

import numpy as np

from ._validation import Inputs, to_float_array
from .errors import NotANumberError, OutOfRangeError, ZeroDenominatorError

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

ArrayLike = Any  # a number, a sequence of numbers, an ndarray or a pandas Series

_LOG_BOUND = 18.0  # parameters are searched in [e^-18, e^18] = [1.5e-8, 6.6e7]
_MIN_DISCOUNT = 1e-6  # below this (and above 0) the series for DEL/DERL cannot be summed exactly


def _positive(x: Inputs, *names: str) -> None:
    """Each named argument must be a finite number > 0: ``#NUM!``."""
    for name in names:
        value = x[name]
        with np.errstate(invalid="ignore"):
            bad = (value <= 0) | np.isinf(value)
        x.fail_where(bad, OutOfRangeError, f"{name} must be a number > 0, got {{{name}:g}}", name)


def _raise_if_not_finite(x: Inputs, names: tuple[str, ...], result: Any, what: str) -> None:
    """A result that is not finite where no input is blank: ``#NUM!`` rather than a wrong number."""
    inputs_ok = np.ones(np.shape(result), dtype=bool)
    for name in names:
        inputs_ok &= ~np.isnan(x[name])
    x.fail_where(
        inputs_ok & ~np.isfinite(result),
        OutOfRangeError,
        f"{what} cannot be computed in floating point for these arguments",
        names[0],
    )


# == sBG: shifted-beta-geometric ======================================================
class SBGFit(NamedTuple):
    """Maximum-likelihood estimates of the sBG model and the log-likelihood at them."""

    alpha: float
    beta: float
    log_likelihood: float


def sbg_survival(alpha: ArrayLike, beta: ArrayLike, t: ArrayLike) -> Any:
    """Probability that a customer is still active after ``t`` periods: S(t) = B(alpha, beta + t) / B(alpha, beta).

    S(0) = 1; t is a whole number of periods >= 0; alpha, beta > 0.

    >>> round(sbg_survival(0.704, 1.182, 1), 6)  # = beta / (alpha + beta)
    0.626723
    >>> np.round(sbg_survival(0.704, 1.182, [0, 1, 2, 7]), 4).tolist()
    [1.0, 0.6267, 0.4738, 0.2391]
    """
    from scipy.special import betaln

    x = Inputs(alpha=alpha, beta=beta, t=t)
    _positive(x, "alpha", "beta")
    x.check_range("t", integer=True, what="a whole number of periods >= 0")
    a, b = x["alpha"], x["beta"]
    return x.wrap(np.exp(betaln(a, b + x["t"]) - betaln(a, b)))


def sbg_retention(alpha: ArrayLike, beta: ArrayLike, t: ArrayLike) -> Any:
    """Retention rate of period t among customers active after t - 1: r(t) = (beta + t - 1) / (alpha + beta + t - 1).

    r(t) = S(t) / S(t - 1) rises with t: the customers who stay are the loyal ones.
    t is a whole period >= 1.

    >>> round(sbg_retention(0.704, 1.182, 1), 6)
    0.626723
    >>> np.round(sbg_retention(0.704, 1.182, [1, 2, 12]), 4).tolist()
    [0.6267, 0.7561, 0.9454]
    """
    x = Inputs(alpha=alpha, beta=beta, t=t)
    _positive(x, "alpha", "beta")
    x.check_range("t", low=1, integer=True, what="a whole period >= 1")
    a, b, t_ = x["alpha"], x["beta"], x["t"]
    return x.wrap((b + t_ - 1) / (a + b + t_ - 1))


def sbg_churn_probability(alpha: ArrayLike, beta: ArrayLike, t: ArrayLike) -> Any:
    """Probability that a new customer churns in period t: P(T = t) = B(alpha + 1, beta + t - 1) / B(alpha, beta).

    Equal to S(t - 1) - S(t); t is a whole period >= 1.

    >>> round(sbg_churn_probability(0.704, 1.182, 1), 6)  # = alpha / (alpha + beta)
    0.373277
    >>> np.round(sbg_churn_probability(0.704, 1.182, [1, 2, 3]), 4).tolist()
    [0.3733, 0.1529, 0.0858]
    """
    from scipy.special import betaln

    x = Inputs(alpha=alpha, beta=beta, t=t)
    _positive(x, "alpha", "beta")
    x.check_range("t", low=1, integer=True, what="a whole period >= 1")
    a, b = x["alpha"], x["beta"]
    return x.wrap(np.exp(betaln(a + 1, b + x["t"] - 1) - betaln(a, b)))


def _sbg_hyp2f1(alpha: np.ndarray, beta: np.ndarray, z: np.ndarray) -> np.ndarray:
    """2F1(1, beta; alpha + beta; z) for 0 < z < 1, by Gauss's continued fraction.

    2F1(1, b; a + b; z) = 1 / (1 - m1 z / (1 - m2 z / (1 - m3 z / ...))) with
    m1 = b / (a + b), m_2i = i (a + i - 1) / ((a + b + 2i - 2)(a + b + 2i - 1)) and
    m_2i+1 = (a + b + i - 1)(b + i) / ((a + b + 2i - 1)(a + b + 2i)): a Stieltjes fraction
    (every m > 0), which converges for every z < 1 and is evaluated forward (modified
    Lentz) until a step changes nothing. scipy.special.hyp2f1 returns inf or NaN for
    b >= 100 and z > 0.9 (scipy 1.17), which DERL reaches after 100 renewals at a discount
    under 11%. Steps grow like 14 / sqrt(1 - z) (1,400 at a discount rate of 1e-4, 14,000
    at 1e-6); the relative error stays near 1e-14 for d >= 0.01, 1e-11 at d = 1e-5 and
    1e-9 at d = 1e-6 (against mpmath), where the function itself is ill-conditioned in z.
    """
    a, b, zz = (np.array(v, dtype=np.float64).ravel() for v in np.broadcast_arrays(alpha, beta, z))
    out = np.full(a.shape, np.nan)
    todo = np.flatnonzero(~(np.isnan(a) | np.isnan(b) | np.isnan(zz)))
    a, b, zz = a[todo], b[todo], zz[todo]
    s = a + b
    tiny = 1e-300
    # modified Lentz on g = 1 + c1 / (1 + c2 / (1 + ...)), c_j = -m_j z; the function is 1 / g
    f = np.ones(todo.size)
    c_ = np.ones(todo.size)
    d_ = np.zeros(todo.size)
    max_iter = int(50.0 / math.sqrt(max(1.0 - float(np.max(zz, initial=0.0)), 1e-300))) + 1000
    j = 1
    while todo.size and j <= max_iter:
        if j == 1:
            m = b / s
        elif j % 2 == 0:
            i = j // 2
            m = i * (a + i - 1) / ((s + 2 * i - 2) * (s + 2 * i - 1))
        else:
            i = (j - 1) // 2
            m = (s - 1 + i) * (b + i) / ((s - 1 + 2 * i) * (s + 2 * i))
        c = -m * zz
        d_ = 1.0 + c * d_
        d_[d_ == 0] = tiny
        c_ = 1.0 + c / c_
        c_[c_ == 0] = tiny
        d_ = 1.0 / d_
        delta = c_ * d_
        f = f * delta
        done = np.abs(delta - 1.0) <= 1e-14  # converged: delta may stall a few ulps off 1 (seen at 1.2e-15)
        if done.any():
            out[todo[done]] = 1.0 / f[done]
            keep = ~done
            todo, a, b, zz, s, f, c_, d_ = (v[keep] for v in (todo, a, b, zz, s, f, c_, d_))
        j += 1
    if todo.size:  # pragma: no cover - the fraction converges for z < 1; this guards the iteration cap
        raise OutOfRangeError(
            f"the hypergeometric series of DEL/DERL did not converge in {max_iter} steps", "discount_rate"
        )
    return out.reshape(np.broadcast_shapes(np.shape(alpha), np.shape(beta), np.shape(z)))


def _sbg_discount(x: Inputs) -> None:
    x.check_range("discount_rate", what="a discount rate >= 0 per period")
    d = x["discount_rate"]
    x.fail_where(
        (d > 0) & (d < _MIN_DISCOUNT),
        OutOfRangeError,
        f"discount_rate ({{discount_rate:g}}) is between 0 and {_MIN_DISCOUNT:g}: the series cannot be summed "
        "exactly there; use 0 (exact, when alpha > 1) or a rate of at least 1e-6 per period",
        "discount_rate",
    )
    x.fail_where(
        (d == 0) & (x["alpha"] <= 1),
        OutOfRangeError,
        "discount_rate is 0 and alpha ({alpha:g}) <= 1: the expected lifetime is infinite "
        "(S(t) falls like t^-alpha, whose sum diverges); give a discount rate > 0",
        "discount_rate",
    )


def _sbg_lifetime(alpha: np.ndarray, beta: np.ndarray, d: np.ndarray) -> np.ndarray:
    """sum_{t>=0} S(t | alpha, beta) / (1 + d)^t = 2F1(1, beta; alpha + beta; 1 / (1 + d)); at d = 0 (alpha > 1)
    Gauss's sum (alpha + beta - 1) / (alpha - 1)."""
    alpha, beta, d = np.broadcast_arrays(alpha, beta, d)
    out = np.empty(alpha.shape)
    zero = d == 0
    with np.errstate(divide="ignore", invalid="ignore"):
        out[zero] = (alpha[zero] + beta[zero] - 1) / (alpha[zero] - 1)
    out[~zero] = _sbg_hyp2f1(alpha[~zero], beta[~zero], 1.0 / (1.0 + d[~zero]))
    return out


def sbg_del(alpha: ArrayLike, beta: ArrayLike, discount_rate: ArrayLike) -> Any:
    """Discounted expected lifetime of a new customer, in periods (Fader & Hardie 2010, eq. 4).

    DEL = sum_{t>=0} S(t) / (1 + d)^t = 2F1(1, beta; alpha + beta; 1 / (1 + d)), counting
    the first period (paid at t = 0, certain) and each renewal paid at t if the customer
    survives t periods. With d = 0 it is the expected lifetime E[T] = (alpha + beta - 1) /
    (alpha - 1), finite only for alpha > 1 (``#NUM!`` otherwise). Rates between 0 and 1e-6
    are refused (``#NUM!``): the series converges too slowly there to be summed exactly.
    Evaluated by Gauss's continued fraction for 2F1, exact to about 1e-14 for d >= 0.01.

    >>> round(sbg_del(0.704, 1.182, 0.10), 6)
    3.695147
    >>> round(sbg_del(2.0, 3.0, 0), 12)  # (2 + 3 - 1) / (2 - 1)
    4.0
    """
    x = Inputs(alpha=alpha, beta=beta, discount_rate=discount_rate)
    _positive(x, "alpha", "beta")
    _sbg_discount(x)
    return x.wrap(_sbg_lifetime(x["alpha"], x["beta"], x["discount_rate"]))


def sbg_derl(alpha: ArrayLike, beta: ArrayLike, discount_rate: ArrayLike, renewals: ArrayLike) -> Any:
    """Discounted expected residual lifetime of an active customer (Fader & Hardie 2010, eq. 6).

    For a customer who has made ``renewals`` renewals (n = renewals + 1: 0 renewals while
    in her first period), valued at the end of period n just before her next renewal
    decision, the renewal paid then undiscounted:

    DERL = sum_{t>=n} S(t) / S(n - 1) / (1 + d)^(t - n)
         = [B(alpha, beta + n) / B(alpha, beta + n - 1)] x 2F1(1, beta + n; alpha + beta + n; 1 / (1 + d)),

    the first factor being the retention rate r(n) = (beta + n - 1) / (alpha + beta + n - 1).
    With this (the paper's) definition DEL = 1 + DERL(renewals = 0) / (1 + d): a new
    customer pays now, and one period later is a customer with 0 renewals facing her first
    renewal decision. With d = 0 (alpha > 1): DERL = (beta + n - 1) / (alpha - 1).

    >>> round(sbg_derl(0.704, 1.182, 0.10, 0), 6)
    2.964662
    >>> round(1 + sbg_derl(0.704, 1.182, 0.10, 0) / 1.10 - sbg_del(0.704, 1.182, 0.10), 12)
    0.0
    """
    x = Inputs(alpha=alpha, beta=beta, discount_rate=discount_rate, renewals=renewals)
    _positive(x, "alpha", "beta")
    x.check_range("renewals", integer=True, what="a whole number of renewals >= 0")
    _sbg_discount(x)
    a, b, n = x["alpha"], x["beta"], x["renewals"] + 1.0
    retention = (b + n - 1) / (a + b + n - 1)
    return x.wrap(retention * _sbg_lifetime(a, b + n, x["discount_rate"]))


def sbg_clv(margin: ArrayLike, alpha: ArrayLike, beta: ArrayLike, discount_rate: ArrayLike) -> Any:
    """Expected lifetime value of a new customer: margin x DEL(d | alpha, beta).

    margin = the (constant) margin of one period, paid at its start; see :func:`sbg_del`.

    >>> round(sbg_clv(50, 0.704, 1.182, 0.10), 4)
    184.7574
    """
    x = Inputs(margin=margin, alpha=alpha, beta=beta, discount_rate=discount_rate)
    x.check_range("margin", what="an amount >= 0")
    _positive(x, "alpha", "beta")
    _sbg_discount(x)
    return x.wrap(x["margin"] * _sbg_lifetime(x["alpha"], x["beta"], x["discount_rate"]))


def _as_table(name: str, values: Any) -> np.ndarray:
    """A 1-D or 2-D range (ragged lists padded with blanks) as a 2-D float array, one row per cohort."""
    if isinstance(values, (list, tuple)) and any(isinstance(v, (list, tuple, np.ndarray)) for v in values):
        rows = [list(v) if isinstance(v, (list, tuple, np.ndarray)) else [v] for v in values]
        width = max(len(r) for r in rows)
        values = [r + [None] * (width - len(r)) for r in rows]
    array = to_float_array(name, values)
    if array.ndim == 0:
        array = array.reshape(1, 1)
    elif array.ndim == 1:
        array = array.reshape(1, -1)
    elif array.ndim == 2 and array.shape[1] == 1 and array.shape[0] > 1:
        array = array.T  # one column: one cohort going down
    elif array.ndim != 2:
        raise NotANumberError(f"{name} must be a 1-D or 2-D range, got {array.ndim} dimensions", name, None)
    return array


def _sbg_counts(survivors: Any) -> tuple[np.ndarray, np.ndarray, float]:
    """Churners and customers at risk in each period t (index t = 1..T, summed over the cohorts observed through
    t), and the number of customers followed for at least one period."""
    table = _as_table("survivors", survivors)
    single = table.shape[0] == 1
    width = table.shape[1]
    churned = np.zeros(width)
    at_risk = np.zeros(width)
    followed = 0.0
    longest = 0
    empty = 0
    for row, values in enumerate(table, start=1):
        where = "" if single else f" in cohort row {row}"
        present = ~np.isnan(values)
        if not present.any():
            continue  # a blank row (a cohort not started yet)
        length = int(np.flatnonzero(present)[-1]) + 1
        if not present[:length].all():
            gap = int(np.flatnonzero(~present[:length])[0])
            raise NotANumberError(
                f"survivors has a blank at period {gap}{where} before later values: only the end of a cohort's "
                "row may be blank (periods count from 0, the cohort size)",
                "survivors",
                None,
            )
        counts = values[:length]
        for t, value in enumerate(counts):
            if value < 0 or math.isinf(value) or value != round(value):
                raise OutOfRangeError(
                    f"survivors must be whole counts >= 0, got {value:g} at period {t}{where}", "survivors", value
                )
        if counts[0] == 0:
            if np.any(counts > 0):
                t = int(np.flatnonzero(counts > 0)[0])
                raise OutOfRangeError(
                    f"survivors rise from 0 at period 0 to {counts[t]:g} at period {t}{where}: "
                    "the customers of a cohort still active can only fall",
                    "survivors",
                    counts[t],
                )
            empty += 1
            continue  # a cohort of 0 customers (a month without sign-ups) adds nothing to the likelihood
        rises = np.flatnonzero(np.diff(counts) > 0)
        if rises.size:
            t = int(rises[0]) + 1
            raise OutOfRangeError(
                f"survivors rise from {counts[t - 1]:g} at period {t - 1} to {counts[t]:g} at period {t}{where}: "
                "the customers of a cohort still active can only fall",
                "survivors",
                counts[t],
            )
        longest = max(longest, length)
        if length >= 2:
            churned[1:length] += counts[:-1] - counts[1:]
            at_risk[1:length] += counts[:-1]
            followed += counts[0]
    if empty and longest == 0:
        raise ZeroDenominatorError(
            f"survivors holds only cohorts of size 0 ({empty} of them): there are no customers to follow",
            "survivors",
            0.0,
        )
    if longest < 3:
        raise OutOfRangeError(
            f"survivors needs a cohort observed for at least 2 periods (3 values: its size, then the customers "
            f"still active after periods 1 and 2) to estimate alpha and beta; the longest has {longest} value(s)",
            "survivors",
            None,
        )
    if churned.sum() == 0:
        raise OutOfRangeError(
            "survivors show no churn at all: the sBG likelihood has no finite maximum (beta -> infinity)",
            "survivors",
            None,
        )
    if at_risk[2:].sum() == 0:
        raise OutOfRangeError(
            "survivors show every customer churned in period 1: the sBG likelihood has no finite maximum "
            "(mean churn -> 1)",
            "survivors",
            0.0,
        )
    return churned, at_risk, followed


def _sbg_loglik(params: np.ndarray, churned: np.ndarray, at_risk: np.ndarray) -> tuple[float, np.ndarray]:
    """Log-likelihood and gradient in (u, phi): mean churn mu = 1 / (1 + e^-u), phi = 1 / (alpha + beta + 1).

    Period t's churn probability among those at risk is h = alpha / (alpha + beta + t - 1)
    = mu (1 - phi) / (1 - phi + (t - 1) phi), so LL = sum_t D_t ln h + (R_t - D_t) ln(1 - h):
    the product of P(T = t) and S(T) over customers, regrouped by period. It stays exact
    at phi = 0, the homogeneous (geometric) limit alpha, beta -> infinity.
    """
    u, phi = params
    mu = 1.0 / (1.0 + math.exp(-u))
    i = np.arange(churned.size - 1, dtype=np.float64)  # t - 1 for t = 1..T
    churn, risk = churned[1:], at_risk[1:]
    denominator = 1.0 - phi + i * phi
    g = (1.0 - phi) / denominator
    h = mu * g
    stay = risk - churn
    with np.errstate(divide="ignore", invalid="ignore"):
        ll = float(np.sum(np.where(churn > 0, churn * np.log(h), 0.0)) + np.sum(stay * np.log1p(-h)))
        d_h = np.where(churn > 0, churn / h, 0.0) - stay / (1.0 - h)
    d_u = float(np.dot(d_h, h * (1.0 - mu)))
    d_phi = float(np.dot(d_h, -mu * i / denominator**2))
    return ll, np.array([d_u, d_phi])


def _maximize(
    loglik: Any,
    start: np.ndarray,
    bounds: list[tuple[float, float]],
    scale: float,
    describe: Any,
    argument: str,
    model: str,
    check_ridge: bool = False,
) -> tuple[np.ndarray, float]:
    """Maximise ``loglik`` (value and gradient) with L-BFGS-B within ``bounds`` from ``start``.

    Returns the parameters and the log-likelihood. Raises ``#NUM!`` when the optimiser
    does not converge (the projected gradient is not ~0) or the maximum lies on a bound
    (a parameter at 0 or infinity: no finite maximum-likelihood estimate).
    ``describe(theta)`` names the parameters reached, for the messages. ``check_ridge``:
    also refuse a maximum along a flat ridge (:func:`_check_identified`).
    """
    from scipy.optimize import minimize

    def objective(theta: np.ndarray) -> tuple[float, np.ndarray]:
        ll, grad = loglik(theta)
        return -ll / scale, -grad / scale

    with np.errstate(over="ignore", under="ignore", divide="ignore", invalid="ignore"):
        result = minimize(
            objective,
            start,
            jac=True,
            method="L-BFGS-B",
            bounds=bounds,
            options={"maxiter": 3000, "ftol": 1e-15, "gtol": 1e-10, "maxcor": 20},
        )
        theta = np.asarray(result.x, dtype=np.float64)
        ll, grad = loglik(theta)
    low = np.array([b[0] for b in bounds])
    high = np.array([b[1] for b in bounds])
    at_low, at_high = theta <= low + 1e-9, theta >= high - 1e-9
    if not (np.isfinite(ll) and np.all(np.isfinite(grad))):
        raise OutOfRangeError(f"{model} fit failed: the likelihood is not finite at {describe(theta)}", argument, None)
    # projected gradient: zero in the components pinned at a bound by a gradient pointing outwards
    projected = np.where((at_low & (grad < 0)) | (at_high & (grad > 0)), 0.0, grad) / scale
    if float(np.max(np.abs(projected))) > 1e-5:
        raise OutOfRangeError(
            f"{model} fit did not converge ({result.message}; reached {describe(theta)}, log-likelihood {ll:.6g}, "
            f"largest gradient {float(np.max(np.abs(projected))):.3g})",
            argument,
            None,
        )
    if (at_low | at_high).any():
        raise OutOfRangeError(
            f"{model} fit: the likelihood has no finite maximum; it is largest at the edge of the parameters "
            f"({describe(theta, at_low, at_high)})",
            argument,
            None,
        )
    if check_ridge:
        _check_identified(loglik, theta, describe, argument, model)
    return theta, float(ll)


def _check_identified(loglik: Any, theta: np.ndarray, describe: Any, argument: str, model: str) -> None:
    """``#NUM!`` when the maximum is a ridge running off to 0 or infinity rather than a peak.

    The observed information (minus the Hessian of the log-likelihood in the
    log-parameters, by central differences of the analytic gradient) gives the standard
    error of each log-parameter; one above 5 (a 95% interval wider than a factor e^20)
    or an information that is not positive definite means the data do not determine the
    parameters: the optimiser stopped somewhere along a flat ridge.
    """
    k = theta.size
    step = 1e-4
    hessian = np.empty((k, k))
    for j in range(k):
        e = np.zeros(k)
        e[j] = step
        hessian[:, j] = (loglik(theta + e)[1] - loglik(theta - e)[1]) / (2 * step)
    information = -(hessian + hessian.T) / 2
    try:
        covariance = np.linalg.inv(information)
        eigenvalues = np.linalg.eigvalsh(information)
    except np.linalg.LinAlgError:
        covariance, eigenvalues = np.full((k, k), np.inf), np.zeros(k)
    se = np.sqrt(np.where(np.diag(covariance) > 0, np.diag(covariance), np.inf))
    if eigenvalues.min() <= 0 or not np.all(np.isfinite(se)) or se.max() > 5.0:
        raise OutOfRangeError(
            f"{model} fit: the likelihood has no finite peak; it rises along a ridge towards 0 or infinity, so the "
            f"data do not determine the parameters (stopped at {describe(theta)}; largest standard error of a "
            f"log-parameter {se.max():.3g})",
            argument,
            None,
        )


def _log_bounds(names: tuple[str, ...]) -> tuple[list[tuple[float, float]], Any]:
    """Bounds on log-parameters and a describer of the parameters reached, for :func:`_maximize`."""

    def describe(theta: np.ndarray, at_low: Any = None, at_high: Any = None) -> str:
        parts = []
        for k, (name, value) in enumerate(zip(names, np.exp(theta), strict=True)):
            edge = " -> 0" if at_low is not None and at_low[k] else ""
            edge = " -> infinity" if at_high is not None and at_high[k] else edge
            parts.append(f"{name} = {value:.6g}{edge}")
        return ", ".join(parts)

    return [(-_LOG_BOUND, _LOG_BOUND)] * len(names), describe


_PHI_MAX = 1.0 - 1e-9  # polarization phi = 1 / (alpha + beta + 1) < 1


def sbg_fit(survivors: Any) -> SBGFit:
    """Maximum-likelihood sBG fit of one or several cohorts' survivor counts (Fader & Hardie 2007).

    ``survivors``: one cohort's customers still active after periods 0, 1, ..., T (the
    first value is the cohort size), as a list or a row or a column; or a table of cohorts,
    one row each, ragged at the end (blank, None or NaN where not yet observed).

    Log-likelihood, summed over cohorts (each with its own last period T):
    LL = sum_t (n_{t-1} - n_t) ln P(T = t) + n_T ln S(T), with
    P(T = t) = B(alpha + 1, beta + t - 1) / B(alpha, beta), S(T) = B(alpha, beta + T) / B(alpha, beta).
    It is maximised over the mean churn alpha / (alpha + beta) and the polarization
    1 / (alpha + beta + 1), whose edge 0 is the homogeneous (geometric) model: data whose
    churn does not fall over time have their maximum there, alpha and beta infinite.

    Errors: text ``#VALUE!``; negative or fractional counts, survivors that rise, fewer
    than 3 values in every cohort (2 parameters need 2 observed periods), no churn at
    all, a maximum at alpha or beta = 0 or infinity, or no convergence ``#NUM!``; only
    cohorts of size 0 ``#DIV/0!``. A cohort of size 0 (a month without sign-ups: a row of
    zeros) adds no term to the likelihood and is left out of the fit.

    >>> fit = sbg_fit([1000, 631, 468, 382, 326, 289, 262, 241])  # "regular" cohort, Fader & Hardie 2007
    >>> round(fit.alpha, 3), round(fit.beta, 3), round(fit.log_likelihood, 1)
    (0.704, 1.182, -1680.3)
    """
    churned, at_risk, followed = _sbg_counts(survivors)

    def loglik(params: np.ndarray) -> tuple[float, np.ndarray]:
        return _sbg_loglik(params, churned, at_risk)

    def describe(params: np.ndarray, at_low: Any = None, at_high: Any = None) -> str:
        mu, phi = 1.0 / (1.0 + math.exp(-params[0])), params[1]
        if at_high is not None and at_high[0]:
            return "mean churn -> 1: every customer churned in the first period"
        if at_low is not None and at_low[0]:
            return "mean churn -> 0: hardly any customer churned"
        if at_low is not None and at_low[1]:
            return (
                f"alpha and beta -> infinity with mean churn {mu:.6g}: the data show no heterogeneity (churn does "
                "not fall over time), which a constant churn rate (geometric model) fits as well"
            )
        if at_high is not None and at_high[1]:
            return "alpha and beta -> 0: customers either churn at once or never"
        return f"alpha = {mu * (1 - phi) / phi:.6g}, beta = {(1 - mu) * (1 - phi) / phi:.6g}"

    # start from the best point of a coarse grid (each evaluation is a few vector operations)
    best_ll, start = -np.inf, np.array([0.0, 0.5])
    for u in np.linspace(-6.0, 6.0, 13):
        for phi in (0.0, 0.01, 0.05, 0.1, 0.2, 0.35, 0.5, 0.7, 0.9):
            ll, _ = loglik(np.array([u, phi]))
            if ll > best_ll:
                best_ll, start = ll, np.array([u, phi])
    bounds = [(-40.0, 40.0), (0.0, _PHI_MAX)]
    params, ll = _maximize(loglik, start, bounds, followed, describe, "survivors", "sBG")
    mu, phi = 1.0 / (1.0 + math.exp(-params[0])), float(params[1])
    alpha, beta = mu * (1.0 - phi) / phi, (1.0 - mu) * (1.0 - phi) / phi
    return SBGFit(float(alpha), float(beta), ll)


# == BG/NBD and Gamma-Gamma ===========================================================
class BGNBDFit(NamedTuple):
    """Maximum-likelihood estimates of the BG/NBD model and the log-likelihood at them."""

    r: float
    alpha: float
    a: float
    b: float
    log_likelihood: float


class GammaGammaFit(NamedTuple):
    """Maximum-likelihood estimates of the Gamma-Gamma model and the log-likelihood at them."""

    p: float
    q: float
    v: float
    log_likelihood: float


def _check_rfm(x: Inputs) -> None:
    x.check_range("frequency", integer=True, what="a whole number of repeat purchases >= 0")
    x.check_range("recency", what="a time >= 0")
    x.check_range("T", what="an age (time since the first purchase) >= 0")
    x.fail_where(
        x["recency"] > x["T"],
        OutOfRangeError,
        "recency ({recency:g}) exceeds T ({T:g}): the last purchase cannot come after the end of observation",
        "recency",
    )
    x.fail_where(
        (x["frequency"] == 0) & (x["recency"] > 0),
        OutOfRangeError,
        "recency ({recency:g}) must be 0 when frequency is 0 (with no repeat purchase, the last purchase is the first)",
        "recency",
    )


def _columns(**named: Any) -> dict[str, np.ndarray]:
    """Ranges of one value per customer as equal-length flat arrays; rows blank in every column are dropped."""
    arrays = {name: to_float_array(name, value).ravel() for name, value in named.items()}
    sizes = {a.size for a in arrays.values()}
    if len(sizes) > 1:
        shapes = ", ".join(f"{n} {a.size}" for n, a in arrays.items())
        raise NotANumberError(
            f"{', '.join(arrays)} must hold one value per customer each; got sizes {shapes}", ", ".join(arrays)
        )
    blank = np.stack([np.isnan(a) for a in arrays.values()])
    keep = ~blank.all(axis=0)
    partial = blank.any(axis=0) & keep
    if partial.any():
        position = int(np.flatnonzero(partial)[0])
        names = [n for n, a in arrays.items() if np.isnan(a[position])]
        raise NotANumberError(
            f"{', '.join(names)} blank at position {position} while other columns are not", names[0], None
        )
    return {name: a[keep] for name, a in arrays.items()}


def _aggregate_rows(*columns: np.ndarray) -> tuple[list[np.ndarray], np.ndarray]:
    """Distinct rows of the stacked columns and how many times each occurs (a lexsort, faster than np.unique)."""
    n = columns[0].size
    order = np.lexsort(columns[::-1])
    sorted_cols = [c[order] for c in columns]
    new = np.ones(n, dtype=bool)
    if n > 1:
        new[1:] = np.any(np.stack([c[1:] != c[:-1] for c in sorted_cols]), axis=0)
    first = np.flatnonzero(new)
    counts = np.diff(np.append(first, n)).astype(np.float64)
    return [c[first] for c in sorted_cols], counts


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
    cols = _columns(frequency=frequency, recency=recency, T=T)
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
    n = float(weights.sum())
    mean_age = float(np.dot(weights, fage) / n)
    rate = float(np.dot(weights, fx) / max(np.dot(weights, fage), 1e-12))

    def loglik(theta: np.ndarray) -> tuple[float, np.ndarray]:
        return _bgnbd_loglik(theta, fx, ftx, fage, weights)

    start = np.log([1.0, max(1.0 / max(rate, 1e-12), 1e-6) if rate > 0 else max(mean_age, 1.0), 1.0, 1.0])
    start = np.clip(start, -_LOG_BOUND + 1, _LOG_BOUND - 1)
    bounds, describe = _log_bounds(("r", "alpha", "a", "b"))
    theta, ll = _maximize(loglik, start, bounds, n, describe, "frequency", "BG/NBD", check_ridge=True)
    r, alpha, a, b = (float(v) for v in np.exp(theta))
    return BGNBDFit(r, alpha, a, b, ll)


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
    return np.where(pos, 1.0 / (1.0 + np.exp(np.minimum(log_odds, 700.0))), 1.0)


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
    A = a + b - 1 - r, C = a + b + x - 1: no cancellation at a = 1 and no overflow for large x.
    """
    r, alpha, a, b, x, age, t = (np.array(v, dtype=np.float64) for v in np.broadcast_arrays(r, alpha, a, b, x, age, t))
    shape = r.shape
    r, alpha, a, b, x, age, t = (v.ravel() for v in (r, alpha, a, b, x, age, t))
    z = t / (alpha + age + t)
    log1mz = np.log(alpha + age) - np.log(alpha + age + t)
    y = (a - 1) * log1mz
    with np.errstate(invalid="ignore", divide="ignore"):
        first = np.where(y == 0, -log1mz, -np.expm1(y) / np.where(a == 1, 1.0, a - 1))
    big_a, big_c = a + b - 1 - r, a + b + x - 1
    total = np.zeros(r.size)
    term = big_a * z / big_c
    active = np.flatnonzero(np.isfinite(term) & (z > 0))
    total[active] = term[active]
    term = term[active]
    k = 1
    max_terms = 200_000
    while active.size and k < max_terms:
        ratio = (big_a[active] + k) * (a[active] + k - 1) * z[active] / ((big_c[active] + k) * (k + 1))
        term = term * ratio
        total[active] += term
        # converged once terms shrink geometrically and the bounded tail is negligible
        tail = np.abs(term) * np.abs(ratio) / np.maximum(1.0 - np.abs(ratio), 1e-300)
        done = (np.abs(ratio) < 1) & (tail <= 1e-17 * np.abs(total[active]))
        done |= term == 0
        if done.any():
            keep = ~done
            active, term = active[keep], term[keep]
        k += 1
    if active.size:
        raise OutOfRangeError(
            f"the hypergeometric series of the expected purchases did not converge in {max_terms} terms "
            f"(t = {t[active[0]]:g} is very long against alpha + T = {alpha[active[0]] + age[active[0]]:g})",
            "t",
            float(t[active[0]]),
        )
    return (first - np.exp(y) * total).reshape(shape)


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
    bracket = _bgnbd_bracket(rr, al, aa, bb, fx, age, t_)
    result = (aa + bb + fx - 1) * bracket * _p_alive(rr, al, aa, bb, fx, tx, age)
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

    CLV = margin x order_value x sum_{i=1}^{months} [E(i k) - E((i - 1) k)] / (1 + d)^i,
    E(s) = :func:`bgnbd_expected` over s time units, k = periods_per_month (30 for days,
    4.345 for weeks, 1 for months), d = monthly discount rate; the ``lifetimes``
    package's ``customer_lifetime_value``. order_value: the expected average order value,
    e.g. :func:`gammagamma_mean`.

    >>> round(bgnbd_clv(0.243, 4.414, 0.793, 2.426, 2, 30.43, 38.86, 35.0, 1.0, 12, 0.01, 4.345), 4)
    51.4976
    """
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
    x.check_range("order_value", "margin", what="an amount >= 0")
    x.check_range("months", low=1, high=1200, integer=True, what="a whole number of months from 1 to 1200")
    x.check_range("discount_rate", what="a discount rate >= 0 per month")
    _positive(x, "periods_per_month")
    rr, al, aa, bb = x["r"], x["alpha"], x["a"], x["b"]
    fx, tx, age = x["frequency"], x["recency"], x["T"]
    k, months_, d = x["periods_per_month"], x["months"], x["discount_rate"]
    alive_factor = (aa + bb + fx - 1) * _p_alive(rr, al, aa, bb, fx, tx, age)
    value = np.zeros(np.shape(rr))
    previous = np.zeros(np.shape(rr))
    horizon = int(np.nanmax(months_)) if np.any(~np.isnan(months_)) else 0
    for i in range(1, horizon + 1):
        current = alive_factor * _bgnbd_bracket(rr, al, aa, bb, fx, age, i * k)
        value = value + np.where(i <= months_, (current - previous) / (1 + d) ** i, 0.0)
        previous = current
    result = x["margin"] * x["order_value"] * value
    blank = np.isnan(rr + al + aa + bb + fx + tx + age + months_ + k + d + x["margin"] + x["order_value"])
    result = np.where(blank, np.nan, result)
    names = ("frequency", "recency", "T", "order_value", "margin", "months", "discount_rate", "periods_per_month")
    _raise_if_not_finite(x, _BGNBD + names, result, "the lifetime value")
    return x.wrap(result)


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


def gammagamma_fit(frequency: ArrayLike, monetary_value: ArrayLike) -> GammaGammaFit:
    """Maximum-likelihood Gamma-Gamma fit of average order values (Fader & Hardie 2013).

    Uses the customers with frequency x > 0 (their mean repeat-order value m > 0). An
    order's value is Gamma(p, nu), nu ~ Gamma(q, v) across customers; log-likelihood of one:

    ln f(m | x) = ln Gamma(p x + q) - ln Gamma(p x) - ln Gamma(q) + q ln v + (p x - 1) ln m
                  + p x ln x - (p x + q) ln(x m + v).

    >>> fit = gammagamma_fit([6, 5, 4, 2, 3, 1, 1, 1, 2, 6, 0],
    ...                      [22.6, 22.3, 81.2, 32.6, 21.7, 36.8, 52.7, 5.4, 14.4, 24.8, 0.0])
    >>> [round(v, 3) for v in fit]
    [2.224, 7.488, 91.441, -41.497]
    """
    cols = _columns(frequency=frequency, monetary_value=monetary_value)
    x = Inputs(**cols)
    x.check_range("frequency", integer=True, what="a whole number of repeat purchases >= 0")
    x.check_range("monetary_value", what="an amount >= 0")
    repeat = cols["frequency"] > 0
    fx, m = cols["frequency"][repeat], cols["monetary_value"][repeat]
    if np.any(m <= 0):
        position = int(np.flatnonzero(cols["frequency"] > 0)[int(np.flatnonzero(m <= 0)[0])])
        raise OutOfRangeError(
            f"monetary_value must be > 0 for a customer with repeat purchases, got {m[m <= 0][0]:g} "
            f"at position {position} (frequency {cols['frequency'][position]:g})",
            "monetary_value",
            float(m[m <= 0][0]),
        )
    if fx.size < 3:
        raise OutOfRangeError(
            f"frequency has {fx.size} customer(s) with repeat purchases: the Gamma-Gamma model needs at least 3",
            "frequency",
            float(fx.size),
        )
    (ux, um), weights = _aggregate_rows(fx, m)

    def loglik(theta: np.ndarray) -> tuple[float, np.ndarray]:
        return _gammagamma_loglik(theta, ux, um, weights)

    # moments: E[m] = p v / (q - 1); start at p = 1, q = 2, v = mean
    mean = float(np.dot(weights, um) / weights.sum())
    start = np.log([1.0, 2.0, mean])
    bounds, describe = _log_bounds(("p", "q", "v"))
    theta, ll = _maximize(
        loglik, start, bounds, float(weights.sum()), describe, "monetary_value", "Gamma-Gamma", check_ridge=True
    )
    p, q, v = (float(e) for e in np.exp(theta))
    return GammaGammaFit(p, q, v, ll)


def gammagamma_mean(p: ArrayLike, q: ArrayLike, v: ArrayLike, frequency: ArrayLike, monetary_value: ArrayLike) -> Any:
    """Expected average order value of a customer with x repeat purchases of mean value m (Gamma-Gamma).

    E[M | x, m] = p (v + x m) / (p x + q - 1)
                = (q - 1) / (p x + q - 1) x p v / (q - 1) + p x / (p x + q - 1) x m,
    a weighted mean of the population mean p v / (q - 1) and the customer's own mean.
    Needs q > 1 (a finite population mean); with x = 0 it is the population mean.

    >>> round(gammagamma_mean(6.25, 3.74, 15.44, 0, 0), 4)  # CDNOW: population mean
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
    return x.wrap(pp * (vv + fx * m) / (pp * fx + qq - 1))


# == RFM summary ======================================================================
_PERIODS = {"D": "D", "W": "W", "M": "M"}


def rfm_summary(
    orders: pd.DataFrame,
    customer_id: str = "customer_id",
    date: str = "date",
    amount: str | None = "amount",
    period: str = "D",
    observation_end: Any = None,
) -> pd.DataFrame:
    """Frequency, recency, T and monetary value per customer from an order table (``lifetimes`` conventions).

    Orders are counted per period (``"D"`` days, ``"W"`` weeks, ``"M"`` months): several
    orders in one period are one purchase, their amounts summed. Per customer:
    frequency = purchase periods - 1 (repeat purchases); recency = last - first purchase
    period; T = observation_end's period - first purchase period; monetary_value = mean
    amount of the repeat purchases (0 without any). Orders in periods after the period of
    ``observation_end`` (default: the last order date) are ignored. ``amount=None`` skips
    monetary_value.

    >>> import pandas as pd
    >>> orders = pd.DataFrame({"customer_id": [1, 1, 1, 2], "amount": [10.0, 20.0, 40.0, 5.0],
    ...                        "date": ["2024-01-01", "2024-01-03", "2024-01-08", "2024-01-05"]})
    >>> summary = rfm_summary(orders)
    >>> summary.loc[1].to_dict()
    {'frequency': 2.0, 'recency': 7.0, 'T': 7.0, 'monetary_value': 30.0}
    >>> summary.loc[2].to_dict()
    {'frequency': 0.0, 'recency': 0.0, 'T': 3.0, 'monetary_value': 0.0}
    """
    import pandas as pd

    if period not in _PERIODS:
        raise NotANumberError(f"period must be 'D', 'W' or 'M', got {period!r}", "period", period)
    for argument, column in (("customer_id", customer_id), ("date", date), ("amount", amount)):
        if column is not None and column not in orders.columns:
            raise NotANumberError(f"orders has no column {column!r} (the {argument} column)", argument, column)
    frame = orders[[c for c in (customer_id, date, amount) if c is not None]].copy()
    try:
        is_text = frame[date].dtype == object or pd.api.types.is_string_dtype(frame[date])
        frame[date] = pd.to_datetime(frame[date], format="mixed" if is_text else None)
    except (ValueError, TypeError) as error:
        raise NotANumberError(f"date column {date!r} holds values that are not dates: {error}", "date", None) from None
    if frame[date].isna().any():
        position = int(np.flatnonzero(frame[date].isna().to_numpy())[0])
        raise NotANumberError(f"date column {date!r} is blank at row {position}", "date", None)
    if amount is not None:
        frame[amount] = to_float_array("amount", frame[amount].to_numpy())
        if np.isnan(frame[amount].to_numpy()).any():
            position = int(np.flatnonzero(np.isnan(frame[amount].to_numpy()))[0])
            raise NotANumberError(f"amount column {amount!r} is blank at row {position}", "amount", None)
    end = frame[date].max() if observation_end is None else pd.Timestamp(observation_end)
    freq = _PERIODS[period]
    frame["_period"] = pd.PeriodIndex(frame[date].dt.to_period(freq)).asi8
    end_ordinal = pd.Period(end, freq=freq).ordinal
    frame = frame[frame["_period"] <= end_ordinal]  # orders of the end's own period count, as in lifetimes
    per_period = frame.groupby([customer_id, "_period"], sort=True)
    if amount is not None:
        purchases = per_period[amount].sum().reset_index()
    else:
        purchases = per_period.size().reset_index()[[customer_id, "_period"]]
    grouped = purchases.groupby(customer_id, sort=True)["_period"]
    first, last, count = grouped.min(), grouped.max(), grouped.count()
    summary = pd.DataFrame(
        {
            "frequency": (count - 1).astype(np.float64),
            "recency": (last - first).astype(np.float64),
            "T": (end_ordinal - first).astype(np.float64),
        }
    )
    if amount is not None:
        is_first = purchases["_period"].to_numpy() == purchases[customer_id].map(first).to_numpy()
        repeat = purchases[~is_first]
        summary["monetary_value"] = repeat.groupby(customer_id)[amount].mean().reindex(summary.index).fillna(0.0)
    summary.index.name = customer_id
    return summary
