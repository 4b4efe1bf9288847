"""sBG (shifted-beta-geometric) model of contractual retention.

Fader & Hardie (2007), "How to Project Customer Retention", Journal of Interactive Marketing
21(1): each customer churns at the end of a period with a probability theta of her own,
theta ~ Beta(alpha, beta) across customers. Its lifetime values are those of Fader & Hardie
(2010), "Customer-Base Valuation in a Contractual Setting: The Perils of Ignoring
Heterogeneity", Marketing Science 29(1).
"""

from __future__ import annotations

import math
from typing import Any, NamedTuple

import numpy as np

from .._excel_digits import shown_apart
from .._validation import Inputs, near_whole, to_float_array
from ..errors import NotANumberError, OutOfRangeError, ZeroDenominatorError
from ._cohort_dates import refuse_date_column
from ._common import (
    ArrayLike,
    TableLabels,
    _as_table,
    _positive,
    _raise_if_not_finite,
    refuse_text_ordered_columns,
)
from ._optimize import FitResult, _log_covariance, _maximize
from ._shares import held_falling, shares_to_counts, sizes_by_label
from ._size_column import refuse_size_column_twice
from ._special import _NEAR_ONE, _log_gamma_ratio, _sbg_hyp2f1

_MIN_DISCOUNT = 1e-6  # below this (and above 0) the series for DEL/DERL cannot be summed exactly


class _SBGFitFields(NamedTuple):
    alpha: float
    beta: float
    log_likelihood: float


class SBGFit(_SBGFitFields, FitResult):
    """Maximum-likelihood estimates of the sBG model and the log-likelihood at them.

    Standard errors, intervals and a summary table from the observed information:
    see :class:`~xl_retention.models._optimize.FitResult`.
    """


def sbg_survival(alpha: ArrayLike, beta: ArrayLike, t: ArrayLike) -> Any:
    """Probability that a customer is still active after ``t`` periods: S(t) = B(alpha, beta + t) / B(alpha, beta).

    Source: Fader & Hardie (2007), "How to Project Customer Retention", Journal of Interactive Marketing 21(1).

    S(0) = 1; t is a whole number of periods >= 0; alpha, beta > 0.

    >>> round(sbg_survival(0.704, 1.182, 1), 6)  # = beta / (alpha + beta)
    0.626723
    >>> np.round(sbg_survival(0.704, 1.182, [0, 1, 2, 7]), 4).tolist()
    [1.0, 0.6267, 0.4738, 0.2391]
    """
    x = Inputs(alpha=alpha, beta=beta, t=t)
    _positive(x, "alpha", "beta", summed=True)
    x.check_range("t", integer=True, what="a whole number of periods >= 0")
    a, b = x["alpha"], x["beta"]
    from scipy.special import betaln

    log_s = betaln(a, b + x["t"]) - betaln(a, b)
    return x.wrap(np.exp(_where_far(a, b, x["t"], log_s, _log_survival_far)))


#: alpha + beta above which betaln's difference is replaced by the rising ratio (worst relative error of S against
#: mpmath, 400 draws a decade: betaln 3.5e-11 at 1e3, 2.4e-10 at 1e4, 3.6e-9 at 1e5, 1e-5 at 1e10; the ratio 4e-12)
_FAR_SHAPES = 1e3


#: t (or t^c) above which betaln's difference is replaced too (S(1e5) of alpha 0.704, beta 1.182 was 1.8e-10 off,
#: S(1e6) of 50, 800 1.8e-9, BdW's S(300) of 0.3, 0.2, c = 2 1.3e-10)
_FAR_TIME = 1000.0


def _where_far(a: Any, b: Any, t: Any, usual: Any, far: Any, far_time: float = _FAR_TIME) -> Any:
    """``usual`` with the elements where alpha + beta > _FAR_SHAPES or t > ``far_time`` replaced by
    ``far(alpha, beta, t)`` of them."""
    if type(a) is float and type(b) is float and type(t) is float and not (a + b > _FAR_SHAPES or t > far_time):
        return usual  # one cell's plain numbers, not far: the same value without numpy's broadcasting (issue 14)
    a, b, t, usual = np.broadcast_arrays(*(np.asarray(v, dtype=np.float64) for v in (a, b, t, usual)))
    with np.errstate(invalid="ignore"):
        mask = ((a + b > _FAR_SHAPES) | (t > far_time)) & ~np.isnan(t)
    if not mask.any():
        return usual
    out = np.array(usual, dtype=np.float64)
    out[mask] = far(a[mask], b[mask], t[mask])
    return out


def _log_rising_ratio(b: Any, c: Any, t: Any) -> Any:
    """ln(Gamma(b + t) / Gamma(b) x Gamma(c) / Gamma(c + t)): ln of prod_{i < t} (b + i) / (c + i), from
    :func:`~xl_retention.models._special._log_gamma_ratio` (not a difference of betaln, which loses every digit for
    alpha and beta of 1e15: S(3) of alpha = beta = 1e15 came out 1.0, of 1e16 2.6e-56, for 0.125)."""
    with np.errstate(invalid="ignore", over="ignore"):
        return _log_gamma_ratio(b, t) - _log_gamma_ratio(c, t)


def _log_survival_far(a: Any, b: Any, t: Any) -> Any:
    """ln S(t) = ln[Gamma(b + t) Gamma(a + b) / (Gamma(b) Gamma(a + b + t))] as two ln(Gamma(y + delta) / Gamma(y))
    whose delta is the smaller of t and a: by t, :func:`_log_rising_ratio`; by a, ln(Gamma(a + b) / Gamma(b)) -
    ln(Gamma(a + b + t) / Gamma(b + t)), each about a ln(b + t), so their rounding stays that of a small number."""
    a, b, t = np.broadcast_arrays(*(np.asarray(v, dtype=np.float64) for v in (a, b, t)))
    by_t = np.less_equal(t, a)
    out = np.empty(a.shape)
    with np.errstate(invalid="ignore", over="ignore"):
        out[by_t] = _log_rising_ratio(b[by_t], a[by_t] + b[by_t], t[by_t])
        by_a = ~by_t
        out[by_a] = _log_gamma_ratio(b[by_a], a[by_a]) - _log_gamma_ratio(b[by_a] + t[by_a], a[by_a])
    return out


def sbg_retention(alpha: ArrayLike, beta: ArrayLike, t: ArrayLike) -> Any:
    """Retention rate of period t among customers active after t - 1: r(t) = (beta + t - 1) / (alpha + beta + t - 1).

    Source: Fader & Hardie (2007), "How to Project Customer Retention", Journal of Interactive Marketing 21(1).

    r(t) = S(t) / S(t - 1) rises with t: the customers who stay are the loyal ones.
    t is a whole period >= 1.

    >>> round(sbg_retention(0.704, 1.182, 1), 6)
    0.626723
    >>> np.round(sbg_retention(0.704, 1.182, [1, 2, 12]), 4).tolist()
    [0.6267, 0.7561, 0.9454]
    """
    x = Inputs(alpha=alpha, beta=beta, t=t)
    _positive(x, "alpha", "beta", summed=True)
    x.check_range("t", low=1, integer=True, what="a whole period >= 1")
    a, b, t_ = x["alpha"], x["beta"], x["t"]
    return x.wrap((b + t_ - 1) / (a + b + t_ - 1))


def sbg_churn_probability(alpha: ArrayLike, beta: ArrayLike, t: ArrayLike) -> Any:
    """Probability that a new customer churns in period t: P(T = t) = B(alpha + 1, beta + t - 1) / B(alpha, beta).

    Source: Fader & Hardie (2007), "How to Project Customer Retention", Journal of Interactive Marketing 21(1).

    Equal to S(t - 1) - S(t); t is a whole period >= 1.

    >>> round(sbg_churn_probability(0.704, 1.182, 1), 6)  # = alpha / (alpha + beta)
    0.373277
    >>> np.round(sbg_churn_probability(0.704, 1.182, [1, 2, 3]), 4).tolist()
    [0.3733, 0.1529, 0.0858]
    """
    x = Inputs(alpha=alpha, beta=beta, t=t)
    _positive(x, "alpha", "beta", summed=True)
    x.check_range("t", low=1, integer=True, what="a whole period >= 1")
    a, b = x["alpha"], x["beta"]
    from scipy.special import betaln

    # far: B(a + 1, b + t - 1) / B(a, b) = S(t - 1) x a / (a + b + t - 1)
    log_p = betaln(a + 1, b + x["t"] - 1) - betaln(a, b)

    def far(a_: np.ndarray, b_: np.ndarray, t_: np.ndarray) -> np.ndarray:
        return np.log(a_ / (a_ + b_ + t_ - 1)) + _log_survival_far(a_, b_, t_ - 1)  # S(t - 1) (1 - r(t))

    return x.wrap(np.exp(_where_far(a, b, x["t"], log_p, far)))


def _sbg_discount(x: Inputs) -> None:
    x.check_range("discount_rate", high=1, what="a discount rate from 0 to 1 per period (1% or 0.01, not 10)")
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
    out[~zero] = _sbg_hyp2f1(alpha[~zero], beta[~zero], 1.0 / (1.0 + d[~zero]), d[~zero] / (1.0 + d[~zero]))
    # below d = 1e-3 the continued fraction drifts (1.2e-10 at alpha = 0.001, beta = 0.0012, d = 3.6e-4; 1.0e-10 at
    # beta = 1.5e5, d = 1.2e-5, against mpmath) unless the expansion at z = 1 took it: E[1 / (y + z theta)] instead
    with np.errstate(invalid="ignore"):
        y = d / (1.0 + d)
        slow = (d > 0) & (d < _EXACT_DISCOUNT) & ~((y <= _NEAR_ONE) & (beta * y <= 0.5))
        slow |= (d > 0) & ~np.isfinite(out) & np.isfinite(alpha + beta)  # alpha = beta = 1e-12 gave NaN at d = 1e-6
    if slow.any():
        from ._beta_quadrature import discounted_sum

        out[slow] = discounted_sum(alpha[slow], beta[slow], 1.0 / (1.0 + d[slow]), y[slow])
    return out


#: discount rate below which :func:`_sbg_lifetime` integrates rather than trusting the continued fraction
_EXACT_DISCOUNT = 1e-3


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
    _positive(x, "alpha", "beta", summed=True)
    _sbg_discount(x)
    result = _sbg_lifetime(x["alpha"], x["beta"], x["discount_rate"])
    _raise_if_not_finite(x, ("alpha", "beta", "discount_rate"), result, "the discounted expected lifetime")
    return x.wrap(result)


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
    _positive(x, "alpha", "beta", summed=True)
    x.check_range("renewals", integer=True, what="a whole number of renewals >= 0")
    _sbg_discount(x)
    a, b, n = x["alpha"], x["beta"], x["renewals"] + 1.0
    retention = (b + n - 1) / (a + b + n - 1)
    result = retention * _sbg_lifetime(a, b + n, x["discount_rate"])
    _raise_if_not_finite(x, ("alpha", "beta", "discount_rate", "renewals"), result, "the residual lifetime")
    return x.wrap(result)


def sbg_clv(margin: ArrayLike, alpha: ArrayLike, beta: ArrayLike, discount_rate: ArrayLike) -> Any:
    """Expected lifetime value of a new customer: margin x DEL(d | alpha, beta).

    Source: Fader & Hardie (2010), "Customer-Base Valuation in a Contractual Setting: The Perils of Ignoring
    Heterogeneity", Marketing Science 29(1), eq. 4 (DEL).

    margin = the (constant) margin of one period, paid at its start; see :func:`sbg_del`.

    >>> round(sbg_clv(50, 0.704, 1.182, 0.10), 4)
    184.7574
    """
    x = Inputs(margin=margin, alpha=alpha, beta=beta, discount_rate=discount_rate)
    x.check_range("margin", what="an amount >= 0")
    _positive(x, "alpha", "beta", summed=True)
    _sbg_discount(x)
    with np.errstate(over="ignore", invalid="ignore"):
        result = x["margin"] * _sbg_lifetime(x["alpha"], x["beta"], x["discount_rate"])
    _raise_if_not_finite(x, ("alpha", "beta", "discount_rate", "margin"), result, "the lifetime value")
    return x.wrap(result)


#: Customers that every cohort still followed must hold, together, the month before they all fall to 0 for that to be
#: refused as a month not observed yet (:func:`_refuse_book_lost_at_once`): a few customers may all leave in one month.
_LOST_AT_ONCE = 10


def _lost_at_once(table: np.ndarray) -> tuple[np.ndarray, np.ndarray, float] | None:
    """The cohorts (rows, periods >= 1) of the first calendar month in which every cohort that had customers left the
    month before holds 0, two cohorts or more and :data:`_LOST_AT_ONCE` customers or more, ``table`` read the oldest
    cohort first (cell (i, k) is period i + k of the calendar); None where there is no such month."""
    rows, width = table.shape
    for month in range(1, rows + width - 1):
        i = np.arange(max(0, month - width + 1), min(rows, month))  # cohorts with a period k = month - i >= 1 ...
        k = month - i
        before, now = table[i, k - 1], table[i, k]
        followed = ~np.isnan(before) & ~np.isnan(now) & (before > 0)  # ... and customers left the period before
        if followed.sum() < 2 or np.any(now[followed] > 0) or before[followed].sum() < _LOST_AT_ONCE:
            continue
        return i[followed], k[followed], float(before[followed].sum())
    return None


def _refuse_book_lost_at_once(table: np.ndarray, labels: TableLabels | None = None) -> None:
    """A table of cohorts (rows of consecutive periods' cohorts) in which every cohort that had customers left in one
    calendar month holds 0 in the next, two cohorts or more and :data:`_LOST_AT_ONCE` customers or more, is refused:
    those are cells of a month not observed yet written as 0 (a pivot table's or BI tool's empty cells, the month in
    progress), not the whole book lost in one month, and fitted they would read as every customer lost at once (alpha
    0.75 fitted as 11.2, the lifetime a quarter of itself). Blank is where nothing is observed yet. The cohorts may
    run the oldest first (the template's Cohorts sheet and the import: cell (i, k) is period i + k of the calendar)
    or the newest first (a pivot table sorted descending: cell (i, k) is period rows - 1 - i + k, the staircase of
    0s running the other way; alpha 0.753 was fitted as 150.3 there)."""
    rows = table.shape[0]
    if rows < 2:
        return
    named = labels or TableLabels(None)
    for newest_first in (False, True):
        found = _lost_at_once(table[::-1] if newest_first else table)
        if found is None:
            continue
        i, k, customers = found
        if newest_first:
            i = rows - 1 - i
        first = int(np.argmin(i))  # the first such cell reading the table top down
        row, period = int(i[first]), int(k[first])
        order = " read newest first" if newest_first else ""
        raise OutOfRangeError(
            f"survivors are 0 in every cohort from the same month on, first in row {row + 1}, column {period + 1} "
            f"of survivors (cohort row {row + 1}{named.row(row)} at period {period}{named.period(period)}; "
            f"{i.size} cohorts{order}, "
            f"{customers:,.0f} customers the month before): cells of a month not observed yet written "
            "as 0? Leave them blank (0 is every customer lost)",
            "survivors",
            0.0,
        )


def _sbg_counts(survivors: Any, cohort_size: Any = None, model: str = "sBG") -> tuple[np.ndarray, np.ndarray, float]:
    """Churners and customers at risk in each period t (index t = 1..T, summed over the cohorts observed through
    t), and the number of customers followed for at least one period. With ``cohort_size``, ``survivors``
    are shares of each cohort (a retention curve starting at 1) and the counts are share x size: a count equal to
    the one before at 15 significant digits (869.0000000000001 after 869) is that count, no rise. ``model`` names the
    likelihood in refusals (the BdW fit reads the same counts). A DataFrame's cohort_size Series is matched to its
    rows by label (:func:`sizes_by_label`)."""
    refuse_text_ordered_columns("survivors", survivors)  # 'Month 0', 'Month 1', 'Month 10', 'Month 2' (H545's 06)
    if cohort_size is not None:
        cohort_size = sizes_by_label(survivors, cohort_size)
    table = _as_table("survivors", survivors)
    labels = TableLabels(survivors)  # a DataFrame's cohorts and periods named by their labels too
    if cohort_size is not None and np.isnan(to_float_array("cohort_size", cohort_size)).all():
        cohort_size = None  # a size column left blank in every row is the optional argument left out, as one blank cell
    whole = cohort_size is None
    if not whole:
        table = shares_to_counts(table, cohort_size, labels)
    refuse_date_column(table)  # the cohort-month column selected with the counts: its dates are no cohort sizes
    single = table.shape[0] == 1
    width = table.shape[1]
    churned = np.zeros(width)
    at_risk = np.zeros(width)
    followed = 0.0
    longest = 0
    empty = 0
    for row, values in enumerate(table, start=1):
        where = "" if single else f" in cohort row {row}{labels.row(row - 1)}"
        present = ~np.isnan(values)
        if not present.any():
            continue  # a blank row (a cohort not started yet)
        length = int(np.flatnonzero(present)[-1]) + 1
        if not present[:length].all():
            gap = int(np.flatnonzero(~present[:length])[0])
            raise NotANumberError(
                f"survivors has a blank at period {gap}{labels.period(gap)}{where} before later values: only the end "
                "of a cohort's row may be blank (periods count from 0, the cohort size)",
                "survivors",
                None,
            )
        counts = near_whole(values[:length]) if whole else held_falling(values[:length])  # =0.29*1000 is 290
        bad = (counts < 0) | np.isinf(counts)
        if whole:
            bad |= counts != np.round(counts)
        if bad.any():  # the first period that is not a whole count >= 0
            t = int(np.flatnonzero(bad)[0])
            value = float(counts[t])
            shares = whole and counts[0] == 1 and 0 <= value < 1  # a retention curve (1, 0.631, ...) without its size
            hint = (
                ": a retention curve of shares needs its cohort size (the second argument, cohort_size)"
                if shares
                else ""
            )
            shown = repr(value) if math.isfinite(value) and value != round(value) else f"{value:g}"  # 631.0000001
            raise OutOfRangeError(
                f"survivors must be whole counts >= 0, got {shown} at period {t}{labels.period(t)}{where}{hint}",
                "survivors",
                value,
            )
        if counts[0] == 0:
            if np.any(counts > 0):
                t = int(np.flatnonzero(counts > 0)[0])
                raise OutOfRangeError(
                    f"survivors rise from 0 at period 0{labels.period(0)} to {counts[t]:g} at period "
                    f"{t}{labels.period(t)}{where}: "
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
                f"survivors rise from {shown_apart(counts[t - 1])} at period {t - 1}{labels.period(t - 1)} to "
                f"{shown_apart(counts[t])} at period {t}{labels.period(t)}{where}: "
                "the customers of a cohort still active can only fall",
                "survivors",
                counts[t],
            )
        longest = max(longest, length)
        if length >= 2:
            churned[1:length] += counts[:-1] - counts[1:]
            at_risk[1:length] += counts[:-1]
            followed += counts[0]
    _refuse_book_lost_at_once(table, labels)  # a month not observed yet written as 0: every customer lost at once
    refuse_size_column_twice(table, labels)  # "Customers" selected beside a Month 0 repeating it: no loss in period 1
    if empty and longest == 0:
        raise ZeroDenominatorError(
            f"survivors holds only cohorts of size 0 ({empty} of them): there are no customers to follow",
            "survivors",
            0.0,
        )
    if longest < 3:
        cohorts = int((~np.isnan(table)).any(axis=1).sum())
        across = (  # periods down the rows, one cohort per column: read as many short cohorts
            f"; each row of survivors is read as a cohort ({cohorts} cohorts of at most {width} values here): for "
            "cohorts in columns (one period per row), give the table transposed (TRANSPOSE(range) in a workbook, "
            "survivors.T in Python)"
            if cohorts > width
            else ""
        )
        raise OutOfRangeError(
            f"survivors needs a cohort observed for at least 2 periods (3 values: its size, then the customers "
            f"still active after periods 1 and 2) to estimate alpha and beta; the longest has {longest} value(s)"
            f"{across}",
            "survivors",
            None,
        )
    if churned.sum() == 0:
        raise OutOfRangeError(
            f"survivors show no churn at all: the {model} likelihood has no finite maximum (beta -> infinity)",
            "survivors",
            None,
        )
    if at_risk[2:].sum() == 0:
        if churned[1] == at_risk[1]:
            reason = f"survivors show every customer churned in period 1: the {model} likelihood has no finite maximum "
            raise OutOfRangeError(reason + "(mean churn -> 1)", "survivors", 0.0)
        raise OutOfRangeError(  # e.g. one cohort lost everyone in period 1 and the others are observed 1 period
            f"survivors show no customer at risk after period 1 (the cohorts observed longer lost everyone in "
            f"period 1): only period 1's churn is observed ({churned[1]:g} of {at_risk[1]:g} customers), so the "
            "spread of churn between customers (alpha and beta) cannot be estimated; wait for a cohort with "
            "customers left after period 1",
            "survivors",
            0.0,
        )
    last = int(np.flatnonzero(at_risk)[-1]) + 1  # periods after the last one observed add nothing: dropped, so that
    return churned[:last], at_risk[:last], followed  # a triangle padded with blanks is fitted bit for bit as itself


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


_PHI_MAX = 1.0 - 1e-9  # polarization phi = 1 / (alpha + beta + 1) < 1


def sbg_fit(survivors: Any, cohort_size: Any = None) -> SBGFit:
    """Maximum-likelihood sBG fit of one or several cohorts' survivor counts (Fader & Hardie 2007).

    ``survivors``: one cohort's customers still active after periods 0, 1, ..., T (the
    first value is the cohort size), as a list or a row or a column; or a table of cohorts,
    one row each, ragged at the end (blank, None or NaN where not yet observed).
    ``cohort_size``: give it when ``survivors`` is a retention curve of shares, as papers and
    dashboards publish it (1, 0.869, 0.743, ...: the first share is 1); one number, or one
    per cohort row. The counts are then share x cohort_size, not rounded (a share printed
    to 3 decimals of a cohort of 1,000 gives the counts back exactly).

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
    >>> sbg_fit([1, 0.631, 0.468, 0.382, 0.326, 0.289, 0.262, 0.241], cohort_size=1000) == fit
    True
    """
    churned, at_risk, followed = _sbg_counts(survivors, cohort_size)

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
    params, ll, information = _maximize(loglik, start, bounds, followed, describe, "survivors", "sBG")
    mu, phi = 1.0 / (1.0 + math.exp(-params[0])), float(params[1])
    alpha, beta = mu * (1.0 - phi) / phi, (1.0 - mu) * (1.0 - phi) / phi
    # cov(ln alpha, ln beta) from the information in (u, phi): ln alpha = ln mu + ln(1 - phi) - ln phi,
    # ln beta = ln(1 - mu) + ln(1 - phi) - ln phi
    d_phi = -1.0 / (1.0 - phi) - 1.0 / phi
    jacobian = np.array([[1.0 - mu, d_phi], [-mu, d_phi]])
    return SBGFit(float(alpha), float(beta), ll)._with_information(_log_covariance(information, jacobian))
