"""Retention metrics: pure functions, one per formula of the metrics contract, ``docs/metrics.md``.

Elementwise metrics take scalars, lists, numpy arrays or pandas Series and return the
same kind (a Series keeps its index); arguments broadcast together. Aggregates (the
NPS family, :func:`repeat_purchase_rate` with one argument) take a whole 1-D or 2-D
range and return one value. Rates are fractions (0.92, not 92); NPS is a score from
-100 to 100. Invalid input raises a :class:`~xl_retention.errors.RetentionInputError`
that names the argument and the value and carries the Excel error it maps to.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable
from typing import Any, NamedTuple, TypeVar

import numpy as np

from ._validation import Inputs, flatten_range, or_default, scalar, two_sided_z
from .errors import OutOfRangeError, RetentionInputError, ZeroDenominatorError

ArrayLike = Any  # a number, a sequence of numbers, an ndarray or a pandas Series

COUNT = "a count >= 0"
AMOUNT = "an amount >= 0"
RATE = "a rate between 0 and 1"

_Metric = TypeVar("_Metric", bound=Callable[..., Any])


def _overflow_is_inf(metric: _Metric) -> _Metric:
    """``metric`` giving a result beyond the largest number as inf without numpy's ``RuntimeWarning`` (an exception
    under ``-W error``) for lists, arrays and Series, as Python's arithmetic gives it for numbers (docs/metrics.md
    "Bad input": in Python, "the value, inf"). Plain numbers skip numpy's error state (its cost is a scalar call's)."""

    @functools.wraps(metric)
    def quiet(*args: Any, **kwargs: Any) -> Any:
        for value in args:
            if type(value) is not float and type(value) is not int:
                break
        else:
            if not kwargs:
                return metric(*args)
        with np.errstate(over="ignore"):
            return metric(*args, **kwargs)

    return quiet  # type: ignore[return-value]


# -- customers ---------------------------------------------------------------------
def _customer_flow(customers_end: ArrayLike, customers_gained: ArrayLike, customers_start: ArrayLike) -> Inputs:
    x = Inputs(customers_end=customers_end, customers_gained=customers_gained, customers_start=customers_start)
    x.check_range("customers_end", "customers_gained", "customers_start", what=COUNT)
    return x


def _check_flow_consistent(x: Inputs) -> None:
    # compared as Excel compares: an end equal to start + gained at 15 digits (a start of =0.29*100) is that sum
    x.hold_at_least("customers_end", x["customers_gained"])
    x.hold_at_most("customers_end", x["customers_start"] + x["customers_gained"])
    e, n, s = x["customers_end"], x["customers_gained"], x["customers_start"]
    x.fail_where(
        e < n,
        OutOfRangeError,
        "customers_end ({customers_end:~g}) is below customers_gained ({customers_gained:~g}): "
        "the customers at the end include everyone gained who stayed",
        "customers_end",
    )
    x.fail_where(
        e > s + n,
        OutOfRangeError,
        "customers_end ({customers_end:~g}) exceeds customers_start + customers_gained "
        "({customers_start:~g} + {customers_gained:~g}): customers lost would be negative",
        "customers_end",
    )


@_overflow_is_inf
def crr(customers_end: ArrayLike, customers_gained: ArrayLike, customers_start: ArrayLike) -> Any:
    """Customer retention rate: CRR = (E - N) / S.

    E = customers at the end of the period, N = customers gained during it,
    S = customers at the start.

    >>> crr(535, 75, 500)
    0.92
    """
    x = _customer_flow(customers_end, customers_gained, customers_start)
    x.check_nonzero("customers_start", " (no customers at the start)")
    _check_flow_consistent(x)
    return x.wrap(x.ratio(x["customers_end"] - x["customers_gained"], "customers_start"))


@_overflow_is_inf
def churn_rate(customers_end: ArrayLike, customers_gained: ArrayLike, customers_start: ArrayLike) -> Any:
    """Customer churn rate: (S + N - E) / S = L / S = 1 - CRR.

    >>> round(churn_rate(535, 75, 500), 12)
    0.08
    """
    x = _customer_flow(customers_end, customers_gained, customers_start)
    x.check_nonzero("customers_start", " (no customers at the start)")
    _check_flow_consistent(x)
    e, n, s = x["customers_end"], x["customers_gained"], x["customers_start"]
    return x.wrap(x.ratio(s + n - e, "customers_start"))


@_overflow_is_inf
def customers_lost(customers_end: ArrayLike, customers_gained: ArrayLike, customers_start: ArrayLike) -> Any:
    """Customers lost during the period: L = S + N - E.

    >>> customers_lost(535, 75, 500)
    40.0
    """
    x = _customer_flow(customers_end, customers_gained, customers_start)
    _check_flow_consistent(x)
    e, n, s = x["customers_end"], x["customers_gained"], x["customers_start"]
    return x.wrap(s + n - e)


# -- revenue -----------------------------------------------------------------------
def _revenue(lost_mrr: ArrayLike, start_mrr: ArrayLike, **others: ArrayLike) -> Inputs:
    x = Inputs(lost_mrr=lost_mrr, start_mrr=start_mrr, **others)
    x.check_range("lost_mrr", "start_mrr", *others, what=AMOUNT)
    x.check_nonzero("start_mrr", " (no MRR at the start)")
    # two SUMs of the same plans in another order (either way): equal at 15 digits, as in Excel, so all was lost
    x.hold_at_most("lost_mrr", x["start_mrr"])
    x.hold_at_least("lost_mrr", x["start_mrr"])
    x.fail_where(
        x["lost_mrr"] > x["start_mrr"],
        OutOfRangeError,
        "lost_mrr ({lost_mrr:~g}) exceeds start_mrr ({start_mrr:~g}): "
        "customers cannot lose more MRR than they started with",
        "lost_mrr",
    )
    return x


@_overflow_is_inf
def net_revenue_churn(lost_mrr: ArrayLike, expansion_mrr: ArrayLike, start_mrr: ArrayLike) -> Any:
    """Net revenue churn: (lost_mrr - expansion_mrr) / start_mrr.

    lost_mrr = churned + contraction MRR of the customers who existed at the start.
    Negative means net negative churn (expansion beats losses).

    >>> round(net_revenue_churn(800, 500, 10000), 12)
    0.03
    """
    x = _revenue(lost_mrr, start_mrr, expansion_mrr=expansion_mrr)
    return x.wrap(x.ratio(x["lost_mrr"] - x["expansion_mrr"], "start_mrr"))


@_overflow_is_inf
def gross_revenue_churn(lost_mrr: ArrayLike, start_mrr: ArrayLike) -> Any:
    """Gross revenue churn: lost_mrr / start_mrr.

    >>> gross_revenue_churn(800, 10000)
    0.08
    """
    x = _revenue(lost_mrr, start_mrr)
    return x.wrap(x.ratio(x["lost_mrr"], "start_mrr"))


@_overflow_is_inf
def nrr(lost_mrr: ArrayLike, expansion_mrr: ArrayLike, start_mrr: ArrayLike) -> Any:
    """Net revenue retention: NRR = 1 - net revenue churn; may exceed 1.

    >>> round(nrr(800, 500, 10000), 12)
    0.97
    """
    x = _revenue(lost_mrr, start_mrr, expansion_mrr=expansion_mrr)
    return x.wrap(x.ratio(x["start_mrr"] - x["lost_mrr"] + x["expansion_mrr"], "start_mrr"))


@_overflow_is_inf
def grr(lost_mrr: ArrayLike, start_mrr: ArrayLike) -> Any:
    """Gross revenue retention: GRR = 1 - gross revenue churn; never above 1.

    >>> grr(800, 10000)
    0.92
    """
    x = _revenue(lost_mrr, start_mrr)
    return x.wrap(x.ratio(x["start_mrr"] - x["lost_mrr"], "start_mrr"))


@_overflow_is_inf
def quick_ratio(new_mrr: ArrayLike, expansion_mrr: ArrayLike, lost_mrr: ArrayLike) -> Any:
    """SaaS quick ratio: (new_mrr + expansion_mrr) / lost_mrr.

    >>> quick_ratio(1500, 500, 800)
    2.5
    """
    x = Inputs(new_mrr=new_mrr, expansion_mrr=expansion_mrr, lost_mrr=lost_mrr)
    x.check_range("new_mrr", "expansion_mrr", "lost_mrr", what=AMOUNT)
    x.check_nonzero("lost_mrr", " (nothing lost)")
    return x.wrap(x.ratio(x["new_mrr"] + x["expansion_mrr"], "lost_mrr"))


# -- purchases and visits ----------------------------------------------------------
def _share(returning: ArrayLike, total: ArrayLike, of: str, said: str = "") -> Any:
    """returning / total; ``said`` follows the refusal of ``returning`` above ``total`` with what they count, where the
    argument's word is not its concept (REPEAT_PURCHASE_RATE's ``returning`` are the repeat purchasers)."""
    x = Inputs(returning=returning, total=total)
    x.check_range("returning", "total", what=COUNT)
    x.check_nonzero("total", f" (no {of})")
    x.hold_at_most("returning", x["total"])
    x.fail_where(
        x["returning"] > x["total"],
        OutOfRangeError,
        "returning ({returning:~g}) exceeds total ({total:~g})" + said,
        "returning",
    )
    return x.wrap(x.ratio(x["returning"], "total"))


@_overflow_is_inf
def repeat_purchase_rate(returning: ArrayLike, total: ArrayLike | None = None) -> Any:
    """Repeat purchase rate: returning / total.

    returning = customers who bought more than once, total = all customers who bought.
    With one argument, ``returning`` is each customer's number of orders and the
    result is the share of buyers (count >= 1) with 2 or more orders; blanks are skipped.

    >>> repeat_purchase_rate(30, 120)
    0.25
    >>> repeat_purchase_rate([1, 2, 1, 3, None])
    0.5

    ``returning`` above ``total`` is out of range (``returning (50) exceeds total (40): more repeat purchasers than
    customers who bought``); ``total`` 0 or one argument without a buyer is a zero denominator. One number without
    ``total`` is refused, as the Excel formula refuses one cell: ``repeat_purchase_rate(30)`` is the count of repeat
    purchasers with its total forgotten far more often than one customer's 30 orders (1.0 silently); a blank one
    (None, NaN) is NaN, as any blank input.
    """
    if total is not None:
        return _share(returning, total, "customers who bought", ": more repeat purchasers than customers who bought")
    one = returning.item() if isinstance(returning, (np.ndarray, np.generic)) and np.ndim(returning) == 0 else returning
    if one is None or (isinstance(one, float) and math.isnan(one)):
        return math.nan
    if isinstance(one, (int, float)) and not isinstance(one, bool):
        raise RetentionInputError(
            f"repeat_purchase_rate without total takes each customer's number of orders (a list, array or Series), "
            f"got one number ({one:g}): give total too, repeat_purchase_rate({one:g}, total)",
            "returning",
            one,
        )
    # one argument: ``returning`` holds each customer's number of orders (refusals name it as the caller wrote it)
    counts = flatten_range("returning", returning, integer=True, what="a whole number of orders >= 0")
    buyers = int(np.count_nonzero(counts >= 1))
    if buyers == 0:
        raise ZeroDenominatorError("returning (the order counts) has no customer with an order", "returning", 0)
    return int(np.count_nonzero(counts >= 2)) / buyers


@_overflow_is_inf
def returning_customer_rate(returning: ArrayLike, total: ArrayLike) -> Any:
    """Returning customer rate: returning / total (buyers who ordered in an earlier period / all buyers).

    Not the repeat purchase rate: a customer with two orders in one month is a repeat
    purchaser that month, and a returning customer only in a later month with an order.
    Errors as :func:`returning_visitor_rate`: ``total`` 0 is a zero denominator, ``returning``
    above ``total`` or a negative count is out of range.

    >>> returning_customer_rate(45, 180)
    0.25
    """
    return _share(returning, total, "customers who bought")


@_overflow_is_inf
def returning_visitor_rate(returning: ArrayLike, total: ArrayLike) -> Any:
    """Returning visitor rate: returning / total (visitors seen before / all visitors).

    >>> returning_visitor_rate(300, 1200)
    0.25
    """
    return _share(returning, total, "visitors")


# -- net promoter score ------------------------------------------------------------
class NPSBreakdown(NamedTuple):
    """Counts of one survey: promoters (9-10), passives (7-8), detractors (0-6), responses."""

    promoters: int
    passives: int
    detractors: int
    responses: int


def nps_breakdown(scores: ArrayLike) -> NPSBreakdown:
    """Promoters (9-10), passives (7-8), detractors (0-6) and responses; blanks skipped.

    >>> nps_breakdown([10, 9, 9, 8, 7, 6, 3])
    NPSBreakdown(promoters=3, passives=2, detractors=2, responses=7)
    """
    values = flatten_range("scores", scores, high=10, integer=True, what="a whole score from 0 to 10")
    promoters = int(np.count_nonzero(values >= 9))
    detractors = int(np.count_nonzero(values <= 6))
    return NPSBreakdown(promoters, values.size - promoters - detractors, detractors, values.size)


def _responses(scores: ArrayLike) -> NPSBreakdown:
    b = nps_breakdown(scores)
    if b.responses == 0:
        raise ZeroDenominatorError("scores has no responses", "scores", 0)
    return b


def nps(scores: ArrayLike) -> float:
    """Net promoter score: 100 x (promoters - detractors) / responses, from -100 to 100.

    >>> round(nps([10, 9, 9, 8, 7, 6, 3]), 10)
    14.2857142857
    """
    b = _responses(scores)
    return nps_from_counts(b.promoters, b.detractors, b.responses)


def _nps_counts(promoters: ArrayLike, detractors: ArrayLike, responses: ArrayLike) -> Inputs:
    x = Inputs(promoters=promoters, detractors=detractors, responses=responses)
    x.check_range("promoters", "detractors", "responses", integer=True, what=COUNT)
    x.check_nonzero("responses", " (no responses)")
    x.fail_where(
        x["promoters"] + x["detractors"] > x["responses"],
        OutOfRangeError,
        "promoters + detractors ({promoters:g} + {detractors:g}) exceed responses ({responses:g})",
        "responses",
    )
    return x


@_overflow_is_inf
def nps_from_counts(promoters: ArrayLike, detractors: ArrayLike, responses: ArrayLike) -> Any:
    """Net promoter score from a survey's counts: 100 x (promoters - detractors) / responses (elementwise).

    The formula of :func:`nps`, for tables that hold the counts (one row per month).

    >>> round(nps_from_counts(3, 2, 7), 10)
    14.2857142857
    """
    x = _nps_counts(promoters, detractors, responses)
    return x.wrap(x.ratio(100.0 * (x["promoters"] - x["detractors"]), "responses"))


def nps_moe(scores: ArrayLike, confidence: float = 0.95) -> float:
    """Margin of error of the NPS, in points: z x 100 x sqrt(((p + d) - (p - d)^2) / n).

    p, d = promoter and detractor shares, n = responses, z = the two-sided normal
    quantile of ``confidence`` (1.959964 for 0.95).

    The formula as docs/metrics.md defines it, at any number of answers: with 1-3 answers (fewer than z^2) it can
    pass 100 points, and with every answer in one group it is 0 (:func:`nps_moe_defined` tells where it means
    something; the template leaves those months blank).

    >>> round(nps_moe([10, 9, 9, 8, 7, 6, 3]), 6)
    61.707861
    """
    level = scalar("confidence", confidence, 0.95)
    if not 0 < level < 1:
        raise OutOfRangeError(f"confidence must be between 0 and 1 (exclusive), got {level:g}", "confidence", level)
    b = _responses(scores)
    return nps_moe_from_counts(b.promoters, b.detractors, b.responses, level)


def nps_moe_min_responses(confidence: float = 0.95) -> int:
    """The fewest answers with a margin of error: ceil(z^2), below which z x 100 x sqrt(var / n) can pass 100 points.

    The variance of one answer (+1, 0, -1) is at most 1, so the margin is at most z x 100 / sqrt(n): at most 100
    points from n >= z^2 on. Errors: ``confidence`` outside (0, 1) raises :class:`OutOfRangeError`.

    >>> nps_moe_min_responses(), nps_moe_min_responses(0.99)
    (4, 7)
    """
    level = scalar("confidence", confidence, 0.95)
    if not 0 < level < 1:
        raise OutOfRangeError(f"confidence must be between 0 and 1 (exclusive), got {level:g}", "confidence", level)
    return math.ceil(two_sided_z(level, 0.5 + level / 2) ** 2)


@_overflow_is_inf
def nps_moe_defined(promoters: ArrayLike, detractors: ArrayLike, responses: ArrayLike, confidence: float = 0.95) -> Any:
    """Where the margin of error means something (elementwise booleans; the template shows it there): at least
    :func:`nps_moe_min_responses` answers, not all of them in one group (passives = responses - promoters -
    detractors). The counts are checked as :func:`nps_from_counts` checks them (whole, >= 0, promoters + detractors
    within responses; a month of no responses is False); a bool, an ndarray or a Series with the input's index.

    >>> nps_moe_defined([3, 2, 3, 0], [2, 0, 0, 0], [7, 2, 3, 5]).tolist()
    [True, False, False, False]
    >>> nps_moe_defined(3, 2, 7)
    True
    """
    x = Inputs(promoters=promoters, detractors=detractors, responses=responses)
    x.check_range("promoters", "detractors", "responses", integer=True, what=COUNT)
    p, d, n = x["promoters"], x["detractors"], x["responses"]
    x.fail_where(
        p + d > n, OutOfRangeError, "promoters + detractors ({promoters:g} + {detractors:g}) exceed responses "
        "({responses:g})", "responses",
    )  # fmt: skip
    return x.wrap((n >= nps_moe_min_responses(confidence)) & (p < n) & (d < n) & (p + d > 0), bool)


@_overflow_is_inf
def nps_moe_from_counts(
    promoters: ArrayLike, detractors: ArrayLike, responses: ArrayLike, confidence: float = 0.95
) -> Any:
    """Margin of error of the NPS from a survey's counts (elementwise): the formula of :func:`nps_moe`.

    >>> round(nps_moe_from_counts(3, 2, 7), 6)
    61.707861
    """
    level = scalar("confidence", confidence, 0.95)
    if not 0 < level < 1:
        raise OutOfRangeError(f"confidence must be between 0 and 1 (exclusive), got {level:g}", "confidence", level)
    x = _nps_counts(promoters, detractors, responses)
    p, d = x.ratio(x["promoters"], "responses"), x.ratio(x["detractors"], "responses")
    z = two_sided_z(level, 0.5 + level / 2)
    return x.wrap(z * 100.0 * np.sqrt(x.ratio((p + d) - (p - d) ** 2, "responses")))


# -- lifetime ----------------------------------------------------------------------
@_overflow_is_inf
def customer_lifetime(churn_rate: ArrayLike) -> Any:
    """Expected customer lifetime in periods: 1 / churn_rate.

    >>> customer_lifetime(0.05)
    20.0
    """
    x = Inputs(churn_rate=churn_rate)
    x.check_range("churn_rate", high=1, what=RATE)
    x.check_nonzero("churn_rate", " (customers never leave)")
    return x.wrap(x.ratio(1.0, "churn_rate"))


@_overflow_is_inf
def clv(arpa: ArrayLike, gross_margin: ArrayLike, churn_rate: ArrayLike, discount_rate: ArrayLike = 0.0) -> Any:
    """Customer lifetime value: m x (1 + d) / (1 + d - r) = m x (1 + d) / (d + churn_rate).

    m = arpa x gross_margin, r = 1 - churn_rate (retention), d = discount rate per
    period. With d = 0 this is m / churn_rate. Payment at the start of each period,
    the first one certain. The denominator d + churn_rate is 0 only when both are 0:
    that is ``#DIV/0!`` (with a pandas Series, NaN for that element only, as every zero denominator).

    ``discount_rate`` None is the default 0, as a blank optional cell in Excel (a blank element of a list or Series
    is a blank input: NaN for that element).

    >>> clv(100, 0.8, 0.05)
    1600.0
    >>> clv(100, 0.8, 0.05, None)
    1600.0
    """
    discount_rate = or_default(discount_rate, 0.0)
    x = Inputs(arpa=arpa, gross_margin=gross_margin, churn_rate=churn_rate, discount_rate=discount_rate)
    x.check_range("arpa", what=AMOUNT)
    x.check_range("gross_margin", "churn_rate", "discount_rate", high=1, what=RATE)
    d, c = x["discount_rate"], x["churn_rate"]
    x.undefined_where(
        (d + c) == 0, "churn_rate is 0 and discount_rate is 0: customers never leave and the value is unbounded",
        "churn_rate",
    )  # fmt: skip
    m = x["arpa"] * x["gross_margin"]
    return x.wrap(x.ratio(m * (1 + d), d + c))
