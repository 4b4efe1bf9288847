"""BG/BB model of repeat transactions at discrete opportunities (Fader, Hardie & Shang 2010).

"Customer-Base Analysis in a Discrete-Time Noncontractual Setting", Marketing Science 29(6).
At each of n transaction opportunities (yearly donations, annual events) an active customer
transacts with probability p, p ~ Beta(alpha, beta), and after each opportunity becomes
inactive for good with probability theta, theta ~ Beta(gamma, delta). A customer's history is
summarised by (x, t_x, n): x transactions at the n opportunities after the first, the last at
opportunity t_x (0 when x = 0). Formulas and equation numbers: docs/models.md.
"""

from __future__ import annotations

from typing import Any, NamedTuple

import numpy as np

from .._validation import Inputs, to_float_array
from ..errors import NotANumberError, OutOfRangeError, ZeroDenominatorError, position_text
from ._common import ArrayLike, _aggregate_rows, _columns, _positive, _raise_if_not_finite, rows_located
from ._optimize import FitResult, _check_ridges, _log_bounds, _log_covariance, _maximize
from .sbg import _FAR_SHAPES, _sbg_lifetime

_PARAMETERS = ("alpha", "beta", "gamma", "delta")


class _BGBBFitFields(NamedTuple):
    alpha: float
    beta: float
    gamma: float
    delta: float
    log_likelihood: float


class BGBBFit(_BGBBFitFields, FitResult):
    """Maximum-likelihood estimates of the BG/BB model and the log-likelihood at them.

    Standard errors, intervals and a summary table from the observed information:
    see :class:`~xl_retention.models._optimize.FitResult`.
    """


def _check_history(x: Inputs) -> None:
    x.check_range("frequency", integer=True, what="a whole number of repeat transactions >= 0")
    x.check_range("recency", integer=True, what="a whole number: the opportunity of the last transaction")
    # the likelihood sums one term per opportunity after the last transaction: 1e12 of them was a MemoryError
    x.check_range(
        "n_periods", low=1, high=100_000, integer=True, what="a whole number of transaction opportunities up to 100,000"
    )
    fx, tx, n = x["frequency"], x["recency"], x["n_periods"]
    x.fail_where(
        tx > n,
        OutOfRangeError,
        "recency ({recency:g}) exceeds n_periods ({n_periods:g}): the last transaction is at one of the opportunities",
        "recency",
    )
    x.fail_where(
        fx > tx,
        OutOfRangeError,
        "frequency ({frequency:g}) exceeds recency ({recency:g}): x transactions need at least x opportunities",
        "frequency",
    )
    x.fail_where(
        (fx == 0) & (tx > 0),
        OutOfRangeError,
        "recency ({recency:g}) must be 0 when frequency is 0",
        "recency",
    )


def _lbeta_ratio(a: Any, b: Any, u: Any, v: Any) -> Any:
    """ln B(a + u, b + v) - ln B(a, b); where a + b > 1e3 as ln of the rising products' ratios (Stirling's series,
    :func:`~xl_retention.models._special._log_gamma_ratio`): betaln's difference loses its digits there (gamma =
    delta = 1e16 gave 8e54 expected transactions in 5 opportunities)."""
    from scipy.special import betaln

    from ._special import _log_gamma_ratio

    with np.errstate(invalid="ignore", divide="ignore", over="ignore"):
        usual = betaln(a + u, b + v) - betaln(a, b)
        arrays = np.broadcast_arrays(*(np.asarray(w, dtype=np.float64) for w in (a, b, u, v, usual)))
        a_, b_, u_, v_, usual = arrays
        # betaln's difference is 2e-10 off at a + b = 1e4 and 2.8e-9 at 1e5 (against mpmath): the sBG's bound, 1e3
        far = (a_ + b_ > _FAR_SHAPES) & (u_ >= 0) & (v_ >= 0)
        if not far.any():
            return usual
        out = np.array(usual, dtype=np.float64)
        af, bf, uf, vf = a_[far], b_[far], u_[far], v_[far]
        out[far] = _log_gamma_ratio(af, uf) + _log_gamma_ratio(bf, vf) - _log_gamma_ratio(af + bf, uf + vf)
        return out


def _grad_lbeta_ratio(a: Any, b: Any, u: Any, v: Any) -> tuple[Any, Any]:
    """d/da and d/db of ln B(a + u, b + v) - ln B(a, b)."""
    from scipy.special import digamma

    common = digamma(a + b) - digamma(a + b + u + v)
    return digamma(a + u) - digamma(a) + common, digamma(b + v) - digamma(b) + common


def _log_terms(
    params: Any, x: np.ndarray, tx: np.ndarray, n: np.ndarray, gradient: bool = True
) -> tuple[np.ndarray, np.ndarray | None]:
    """The terms of the likelihood (FHS 2010) in logs, one row per history, and their gradients.

    Term 0: alive through n, B(alpha + x, beta + n - x) / B(alpha, beta) x B(gamma, delta + n) / B(gamma, delta);
    term 1 + i (i = 0 .. n - t_x - 1): inactive after opportunity t_x + i,
    B(alpha + x, beta + t_x - x + i) / B(alpha, beta) x B(gamma + 1, delta + t_x + i) / B(gamma, delta).
    Terms beyond n - t_x are -inf. Each parameter is one number or one per history.
    """
    a, b, g, d = (np.asarray(p, dtype=np.float64)[..., None] for p in params)
    width = int(np.max(n - tx)) + 1
    i = np.arange(width - 1, dtype=np.float64)[None, :]
    xx, txx, nn = x[:, None], tx[:, None], n[:, None]
    v_p = np.concatenate([nn - xx, txx - xx + i], axis=1)  # beta's shift
    u_g = np.concatenate([np.zeros_like(nn), np.ones_like(i + txx)], axis=1)  # gamma's shift
    v_g = np.concatenate([nn, txx + i], axis=1)  # delta's shift
    valid = np.concatenate([np.ones_like(nn, dtype=bool), i < nn - txx], axis=1)
    u_p = np.broadcast_to(xx, v_p.shape)
    logs = _lbeta_ratio(a, b, u_p, v_p) + _lbeta_ratio(g, d, u_g, v_g)
    logs = np.where(valid, logs, -np.inf)
    if not gradient:
        return logs, None
    da, db = _grad_lbeta_ratio(a, b, u_p, v_p)
    dg, dd = _grad_lbeta_ratio(g, d, u_g, v_g)
    return logs, np.stack([da, db, dg, dd])


def _bgbb_loglik(
    theta: np.ndarray, x: np.ndarray, tx: np.ndarray, n: np.ndarray, w: np.ndarray
) -> tuple[float, np.ndarray]:
    """Weighted BG/BB log-likelihood and its gradient in the logs of (alpha, beta, gamma, delta)."""
    params = np.exp(theta)
    logs, grads = _log_terms(params, x, tx, n)
    top = np.max(logs, axis=1, keepdims=True)
    share = np.exp(logs - top)
    total = share.sum(axis=1, keepdims=True)
    ll_rows = (top + np.log(total))[:, 0]
    share /= total
    grad = np.array([np.dot(w, np.sum(share * g, axis=1)) for g in grads]) * params
    return float(np.dot(w, ll_rows)), grad


def _refuse_blank_counts(counts: ArrayLike) -> None:
    """``#VALUE!`` for a counts range blank in every row, saying how to fit one customer per row: leave the argument
    out. A blank range is not read as omitted: it may be a column beside the counts (E2:E9 for D2:D9), and each
    history read as one customer would be a fit of other data without a word (H296's finding 07)."""
    array = to_float_array("counts", counts)
    if array.size and np.isnan(array).all():
        error = NotANumberError(
            "counts is blank in every row: for one customer per row leave the argument out (or empty), else give "
            f"each history's number of customers, the first{position_text((0,))}",
            "counts",
            None,
        )
        error.position = (0,)
        raise error


@rows_located  # a refusal names the row as given, blank rows counted (H288)
def bgbb_fit(frequency: ArrayLike, recency: ArrayLike, n_periods: ArrayLike, counts: ArrayLike = None) -> BGBBFit:
    """Maximum-likelihood BG/BB fit (Fader, Hardie & Shang 2010) of histories (x, t_x, n).

    frequency x = repeat transactions, recency t_x = the opportunity of the last one (0 if
    none), n_periods n = the opportunities observed; ``counts`` = how many customers share
    each history (default: one each), as the paper's donation data are tabulated.
    Log-likelihood of one history:

    L = B(alpha + x, beta + n - x) / B(alpha, beta) x B(gamma, delta + n) / B(gamma, delta)
      + sum_{i=0}^{n - t_x - 1} B(alpha + x, beta + t_x - x + i) / B(alpha, beta)
                               x B(gamma + 1, delta + t_x + i) / B(gamma, delta),

    summed in logs (log-sum-exp) over histories with their counts.

    >>> fit = bgbb_fit([0, 1, 1, 2, 2, 3, 3, 4, 5, 6], [0, 1, 4, 2, 5, 3, 6, 6, 6, 6], [6] * 10,
    ...                [3464, 1091, 78, 243, 68, 170, 79, 176, 209, 212])
    >>> [round(v, 3) for v in fit]
    [2.372, 0.862, 0.917, 0.724, -9783.893]
    """
    cols = {"frequency": frequency, "recency": recency, "n_periods": n_periods}
    if counts is not None:
        _refuse_blank_counts(counts)
        cols["counts"] = counts
    cols = _columns(one_for_all=("n_periods",), **cols)
    x = Inputs(**cols)
    _check_history(x)
    weights_in = cols.get("counts", np.ones(cols["frequency"].size))
    if counts is not None:
        x.check_range("counts", what="a number of customers >= 0")
    keep = weights_in > 0
    if not keep.any():
        raise ZeroDenominatorError("frequency, recency and n_periods hold no customer", "frequency", None)
    (fx, ftx, fn), multiplicity = _aggregate_rows(
        cols["frequency"][keep], cols["recency"][keep], cols["n_periods"][keep]
    )
    # the weight of a distinct history: the sum of its counts
    order = np.lexsort((cols["n_periods"][keep], cols["recency"][keep], cols["frequency"][keep]))
    bounds_ = np.concatenate([[0], np.cumsum(multiplicity).astype(int)])
    weights = np.add.reduceat(weights_in[keep][order], bounds_[:-1])
    if not np.any(fx > 0):
        raise OutOfRangeError(
            "frequency is 0 for every customer: with no repeat transaction the BG/BB likelihood has no finite maximum",
            "frequency",
            0.0,
        )
    total = float(weights.sum())

    def loglik(theta: np.ndarray) -> tuple[float, np.ndarray]:
        return _bgbb_loglik(theta, fx, ftx, fn, weights)

    bounds, describe = _log_bounds(_PARAMETERS)
    # alpha, beta -> infinity: one purchase probability for all; gamma, delta: one dropout probability
    ridges = ((0, 1, "purchase probabilities"), (2, 3, "dropout probabilities"))
    theta, ll, information = _maximize(
        loglik,
        np.zeros(4),
        bounds,
        total,
        describe,
        "frequency",
        "BG/BB",
        check_ridge=True,
        ridges=(ridges, _PARAMETERS),
    )
    _check_ridges(loglik, theta, ll, ridges, _PARAMETERS, "frequency", "BG/BB")
    alpha, beta, gamma, delta = (float(v) for v in np.exp(theta))
    return BGBBFit(alpha, beta, gamma, delta, ll)._with_information(_log_covariance(information))


def _inputs(alpha: Any, beta: Any, gamma: Any, delta: Any, **history: Any) -> Inputs:
    x = Inputs(alpha=alpha, beta=beta, gamma=gamma, delta=delta, **history)
    _positive(x, *_PARAMETERS)
    _check_history(x)
    return x


def _log_likelihood_rows(a: Any, b: Any, g: Any, d: Any, x: Any, tx: Any, n: Any) -> np.ndarray:
    """ln L of each history, elementwise over broadcast arguments (blank where any argument is)."""
    arrays = np.broadcast_arrays(*(np.asarray(v, dtype=np.float64) for v in (a, b, g, d, x, tx, n)))
    out = np.full(arrays[0].shape, np.nan)
    ok = ~np.isnan(sum(arrays))
    if ok.any():
        a_, b_, g_, d_, x_, tx_, n_ = (v[ok] for v in arrays)
        logs, _ = _log_terms((a_, b_, g_, d_), x_, tx_, n_, gradient=False)
        top = logs.max(axis=1)
        out[ok] = top + np.log(np.exp(logs - top[:, None]).sum(axis=1))
    return out


def bgbb_p_alive(
    alpha: ArrayLike,
    beta: ArrayLike,
    gamma: ArrayLike,
    delta: ArrayLike,
    frequency: ArrayLike,
    recency: ArrayLike,
    n_periods: ArrayLike,
) -> Any:
    """Probability that a customer with history (x, t_x, n) is active at opportunity n + 1 (FHS 2010, eq. A10).

    P(alive at n + 1) = B(alpha + x, beta + n - x) / B(alpha, beta) x B(gamma, delta + n + 1) / B(gamma, delta) / L.

    >>> round(bgbb_p_alive(1.204, 0.750, 0.657, 2.783, 3, 4, 6), 4)
    0.4395
    """
    x = _inputs(alpha, beta, gamma, delta, frequency=frequency, recency=recency, n_periods=n_periods)
    a, b, g, d = (x[k] for k in _PARAMETERS)
    fx, n = x["frequency"], x["n_periods"]
    log_l = _log_likelihood_rows(a, b, g, d, fx, x["recency"], n)
    result = np.exp(_lbeta_ratio(a, b, fx, n - fx) + _lbeta_ratio(g, d, 0.0, n + 1) - log_l)
    _raise_if_not_finite(x, _PARAMETERS + ("frequency", "recency", "n_periods"), result, "P(alive)")
    return x.wrap(result)


def bgbb_expected(
    alpha: ArrayLike,
    beta: ArrayLike,
    gamma: ArrayLike,
    delta: ArrayLike,
    periods: ArrayLike,
    frequency: ArrayLike,
    recency: ArrayLike,
    n_periods: ArrayLike,
) -> Any:
    """Expected transactions at the next ``periods`` opportunities of a customer with history (x, t_x, n).

    FHS 2010, eq. 13: E[X(n, n + n*) | x, t_x, n] = B(alpha + x + 1, beta + n - x) / B(alpha, beta)
    x sum_{k=1}^{n*} B(gamma, delta + n + k) / B(gamma, delta) / L: the paper's closed form
    delta / (gamma - 1) x Gamma(gamma + delta) / Gamma(1 + delta) x [Gamma(1 + delta + n) /
    Gamma(gamma + delta + n) - Gamma(1 + delta + n + n*) / Gamma(gamma + delta + n + n*)] written
    as its finite sum, which has no 0/0 at gamma = 1. A new customer's history (0, 0, 0) is not
    a history: n_periods >= 1.

    >>> round(bgbb_expected(1.204, 0.750, 0.657, 2.783, 5, 3, 4, 6), 4)
    1.0342
    """
    x = _inputs(alpha, beta, gamma, delta, periods=periods, frequency=frequency, recency=recency, n_periods=n_periods)
    x.check_range("periods", integer=True, high=100_000, what="a whole number of future opportunities up to 100,000")
    a, b, g, d = (x[k] for k in _PARAMETERS)
    fx, n, horizon = x["frequency"], x["n_periods"], x["periods"]
    log_l = _log_likelihood_rows(a, b, g, d, fx, x["recency"], n)
    a_, b_, g_, d_, fx_, n_, h_ = np.broadcast_arrays(
        *(np.asarray(v, dtype=np.float64) for v in (a, b, g, d, fx, n, horizon))
    )
    alive_sum = np.zeros(a_.shape)
    steps = int(np.nanmax(h_)) if np.any(~np.isnan(h_)) else 0
    for k in range(1, steps + 1):
        alive_sum = alive_sum + np.where(k <= h_, np.exp(_lbeta_ratio(g_, d_, 0.0, n_ + k)), 0.0)
    result = np.exp(_lbeta_ratio(a_, b_, fx_ + 1, n_ - fx_) - log_l) * alive_sum
    result = np.where(np.isnan(h_), np.nan, result)
    _raise_if_not_finite(x, _PARAMETERS + ("periods", "frequency", "recency", "n_periods"), result, "the expectation")
    return x.wrap(result)


def bgbb_dert(
    alpha: ArrayLike,
    beta: ArrayLike,
    gamma: ArrayLike,
    delta: ArrayLike,
    discount_rate: ArrayLike,
    frequency: ArrayLike,
    recency: ArrayLike,
    n_periods: ArrayLike,
) -> Any:
    """Discounted expected residual transactions of a customer with history (x, t_x, n) (FHS 2010, eq. 14).

    DERT = B(alpha + x + 1, beta + n - x) / B(alpha, beta) x B(gamma, delta + n + 1) / B(gamma, delta)
           / (1 + d) x 2F1(1, delta + n + 1; gamma + delta + n + 1; 1 / (1 + d)) / L:
    the transactions at opportunities n + 1, n + 2, ... discounted to n at the rate d per
    opportunity. Times the value of a transaction it is the customer's residual lifetime value.
    d must be at least 1e-6 (the series of DERT converges like that of the sBG's DERL).

    >>> round(bgbb_dert(1.204, 0.750, 0.657, 2.783, 0.1, 3, 4, 6), 4)
    1.6287
    """
    x = _inputs(
        alpha,
        beta,
        gamma,
        delta,
        discount_rate=discount_rate,
        frequency=frequency,
        recency=recency,
        n_periods=n_periods,
    )
    x.check_range("discount_rate", low=1e-6, high=1, what="a discount rate from 1e-6 to 1 per opportunity")
    a, b, g, d = (x[k] for k in _PARAMETERS)
    fx, n, rate = x["frequency"], x["n_periods"], x["discount_rate"]
    log_l = _log_likelihood_rows(a, b, g, d, fx, x["recency"], n)
    head = np.exp(_lbeta_ratio(a, b, np.add(fx, 1), n - fx) + _lbeta_ratio(g, d, 0.0, np.add(n, 1)) - log_l)
    rate = np.asarray(rate, dtype=np.float64)
    # 2F1(1, delta + n + 1; gamma + delta + n + 1; 1 / (1 + d)): the sBG's sum, integrated below d = 1e-3
    series = _sbg_lifetime(np.asarray(g, dtype=np.float64), np.asarray(np.add(d, n) + 1.0, dtype=np.float64), rate)
    result = head / (1.0 + np.asarray(rate)) * series
    _raise_if_not_finite(x, _PARAMETERS + ("discount_rate", "frequency", "recency", "n_periods"), result, "DERT")
    return x.wrap(result)
