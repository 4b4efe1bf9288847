"""Uncertainty as formulas: standard errors of each fit and confidence intervals of the projections.

In Python every fit result carries its uncertainty (``fit.standard_errors``, ``fit.intervals()``,
``fit.summary()``, ``fit.interval(projection, **arguments)``: see
:class:`~xl_retention.models._optimize.FitResult`). A spreadsheet cell cannot hold a fit, so the
functions here take the same data as the fit, fit it, and return one row: the standard errors
(``*_FIT_SE``) or a projection's estimate and interval (``*_INTERVAL``). Standard errors come from
the observed information at the optimum (delta method: se(p) = p se(ln p)); intervals are
taken on the logit scale for probabilities (survival, retention: they stay inside (0, 1)) and
on the log scale otherwise (CLV, expected purchases: they stay > 0). Repeated calls on the same range are fitted once
(the formula layer caches aggregate results).
"""

from __future__ import annotations

import math
from typing import Any

from ..errors import OutOfRangeError, RetentionInputError, renamed
from ._common import ArrayLike
from ._optimize import Interval
from .bdw import bdw_clv, bdw_fit, bdw_retention, bdw_survival
from .bgbb import bgbb_fit
from .bgnbd import bgnbd_expected, bgnbd_fit
from .gammagamma import gammagamma_fit
from .paretonbd import paretonbd_expected, paretonbd_fit
from .sbg import sbg_clv, sbg_fit, sbg_retention, sbg_survival


def _se(fit: Any, argument: str) -> tuple[float, ...]:
    """The fit's standard errors; ``#NUM!`` rather than NaN where the information is not positive definite."""
    se = tuple(fit.standard_errors.values())
    if not all(math.isfinite(v) and v > 0 for v in se):
        estimates = ", ".join(f"{k} = {v:.6g}" for k, v in fit.parameters.items())
        raise OutOfRangeError(
            "the observed information is not positive definite at this fit: the data do not give standard errors "
            f"(estimates {estimates})",
            argument,
            None,
        )
    return se


def sbg_fit_se(survivors: Any, cohort_size: Any = None) -> tuple[float, ...]:
    """Standard errors of the sBG fit's alpha and beta (see :func:`~xl_retention.models.sbg.sbg_fit`).

    Source: the observed information at the optimum, se(p) = p se(ln p), as lifetimes' ``summary`` (docs/models.md,
    'Fitting, standard errors, intervals'); the model of Fader & Hardie (2007), Journal of Interactive Marketing 21(1).

    >>> [round(v, 4) for v in sbg_fit_se([1000, 631, 468, 382, 326, 289, 262, 241])]
    [0.0656, 0.1525]
    """
    return _se(sbg_fit(survivors, cohort_size), "survivors")


def bdw_fit_se(survivors: Any, cohort_size: Any = None) -> tuple[float, ...]:
    """Standard errors of the BdW fit's alpha, beta and c (see :func:`~xl_retention.models.bdw.bdw_fit`).

    Source: the observed information at the optimum, se(p) = p se(ln p), as lifetimes' ``summary`` (docs/models.md,
    'Fitting, standard errors, intervals'); the model of Fader, Hardie, Liu, Davin & Steenburgh (2018), Journal of
    Interactive Marketing 43.

    >>> [round(v, 4) for v in bdw_fit_se([1000, 631, 468, 382, 326, 289, 262, 241])]
    [0.167, 0.2827, 0.2981]
    """
    return _se(bdw_fit(survivors, cohort_size), "survivors")


def bgnbd_fit_se(frequency: ArrayLike, recency: ArrayLike, T: ArrayLike) -> tuple[float, ...]:
    """Standard errors of the BG/NBD fit's r, alpha, a and b (see :func:`~xl_retention.models.bgnbd.bgnbd_fit`).

    Source: the observed information at the optimum, se(p) = p se(ln p), as lifetimes' ``summary`` (docs/models.md,
    'Fitting, standard errors, intervals'); the model of Fader, Hardie & Lee (2005), Marketing Science 24(2).

    >>> se = bgnbd_fit_se([1, 1, 1, 9, 8, 1, 1, 0, 3, 2, 1, 2], [1, 10, 2, 25, 10, 12, 1, 0, 13, 28, 11, 28],
    ...                   [38, 33, 39, 28, 34, 32, 37, 29, 37, 34, 38, 33])
    >>> len(se), all(v > 0 for v in se)
    (4, True)
    """
    return _se(bgnbd_fit(frequency, recency, T), "frequency")


def paretonbd_fit_se(frequency: ArrayLike, recency: ArrayLike, T: ArrayLike) -> tuple[float, ...]:
    """Standard errors of the Pareto/NBD fit's r, alpha, s and beta (see :func:`~xl_retention.models.paretonbd_fit`).

    Source: the observed information at the optimum, se(p) = p se(ln p), as lifetimes' ``summary`` (docs/models.md,
    'Fitting, standard errors, intervals'); the model of Schmittlein, Morrison & Colombo (1987), Management Science
    33(1). 500 customers simulated from the CDNOW estimates (r 0.55, alpha 10.58, s 0.61, beta 11.67), observed for 39
    weeks:

    >>> import numpy as np
    >>> rng = np.random.default_rng(7)
    >>> lam, mu = rng.gamma(0.55, 1 / 10.58, 500), rng.gamma(0.61, 1 / 11.67, 500)
    >>> active = np.minimum(rng.exponential(1 / mu), 39.0)
    >>> x = rng.poisson(lam * active)
    >>> recency = np.where(x > 0, active * rng.beta(np.maximum(x, 1), 1), 0.0)
    >>> [round(v, 2) for v in paretonbd_fit_se(x, recency, np.full(500, 39.0))]
    [0.11, 1.94, 0.38, 14.69]
    """
    return _se(paretonbd_fit(frequency, recency, T), "frequency")


def bgbb_fit_se(frequency: ArrayLike, recency: ArrayLike, n_periods: ArrayLike, counts: ArrayLike = None) -> tuple:
    """Standard errors of the BG/BB fit's alpha, beta, gamma and delta (see :func:`~xl_retention.models.bgbb_fit`).

    Source: the observed information at the optimum, se(p) = p se(ln p), as lifetimes' ``summary`` (docs/models.md,
    'Fitting, standard errors, intervals'); the model of Fader, Hardie & Shang (2010), Marketing Science 29(6). The
    donations data of :func:`~xl_retention.models.bgbb_fit`:

    >>> [round(v, 4) for v in bgbb_fit_se([0, 1, 1, 2, 2, 3, 3, 4, 5, 6], [0, 1, 4, 2, 5, 3, 6, 6, 6, 6], [6] * 10,
    ...                                   [3464, 1091, 78, 243, 68, 170, 79, 176, 209, 212])]
    [0.2777, 0.0874, 0.0404, 0.0441]
    """
    return _se(bgbb_fit(frequency, recency, n_periods, counts), "frequency")


def gammagamma_fit_se(frequency: ArrayLike, monetary_value: ArrayLike) -> tuple[float, ...]:
    """Standard errors of the Gamma-Gamma fit's p, q and v (see :func:`~xl_retention.models.gammagamma_fit`).

    Source: the observed information at the optimum, se(p) = p se(ln p), as lifetimes' ``summary`` (docs/models.md,
    'Fitting, standard errors, intervals'); the model of Fader & Hardie (2013), "The Gamma-Gamma Model of Monetary
    Value".

    >>> [round(v, 4) for v in gammagamma_fit_se([6, 5, 4, 2, 3, 1, 1, 1, 2, 6, 0],
    ...                                         [22.6, 22.3, 81.2, 32.6, 21.7, 36.8, 52.7, 5.4, 14.4, 24.8, 0.0])]
    [1.5767, 6.6286, 130.8098]
    """
    return _se(gammagamma_fit(frequency, monetary_value), "frequency")


def sbg_survival_interval(survivors: Any, t: float, confidence: float = 0.95, cohort_size: Any = None) -> Interval:
    """sBG survival after t periods, fitted to ``survivors``, with its confidence interval (delta method).

    Source: the delta method on the logit of the survival (docs/models.md, 'Fitting, standard errors, intervals'); the
    model of Fader & Hardie (2007), Journal of Interactive Marketing 21(1).

    >>> [round(v, 4) for v in sbg_survival_interval([1000, 631, 468, 382, 326, 289, 262, 241], 12)]
    [0.17, 0.1456, 0.1976]
    """
    return sbg_fit(survivors, cohort_size).interval(sbg_survival, confidence, t=t)


def sbg_retention_interval(survivors: Any, t: float, confidence: float = 0.95, cohort_size: Any = None) -> Interval:
    """sBG retention rate of period t, fitted to ``survivors``, with its confidence interval (delta method).

    Source: the delta method on the logit of the rate (docs/models.md, 'Fitting, standard errors, intervals'); the model
    of Fader & Hardie (2007), Journal of Interactive Marketing 21(1).

    >>> [round(v, 4) for v in sbg_retention_interval([1000, 631, 468, 382, 326, 289, 262, 241], 12)]
    [0.9454, 0.9364, 0.9531]
    """
    return sbg_fit(survivors, cohort_size).interval(sbg_retention, confidence, t=t)


def bdw_retention_interval(survivors: Any, t: float, confidence: float = 0.95, cohort_size: Any = None) -> Interval:
    """BdW retention rate of period t, fitted to ``survivors``, with its confidence interval (delta method).

    Source: the delta method on the logit of the rate (docs/models.md, 'Fitting, standard errors, intervals'); the model
    of Fader, Hardie, Liu, Davin & Steenburgh (2018), Journal of Interactive Marketing 43.

    >>> [round(v, 4) for v in bdw_retention_interval([1000, 631, 468, 382, 326, 289, 262, 241], 12)]
    [0.9514, 0.9391, 0.9614]
    """
    return bdw_fit(survivors, cohort_size).interval(bdw_retention, confidence, t=t)


def sbg_clv_interval(
    survivors: Any, margin: float, discount_rate: float, confidence: float = 0.95, cohort_size: Any = None
) -> Interval:
    """sBG lifetime value of a new customer (:func:`~xl_retention.models.sbg.sbg_clv`) with its interval.

    Source: the delta method on the log of the value (docs/models.md, 'Fitting, standard errors, intervals'); the model
    of Fader & Hardie (2010), Marketing Science 29(1), eq. 4.

    >>> [round(v, 2) for v in sbg_clv_interval([1000, 631, 468, 382, 326, 289, 262, 241], 50, 0.1)]
    [184.75, 173.63, 196.58]
    """
    return sbg_fit(survivors, cohort_size).interval(sbg_clv, confidence, margin=margin, discount_rate=discount_rate)


def bdw_survival_interval(survivors: Any, t: float, confidence: float = 0.95, cohort_size: Any = None) -> Interval:
    """BdW survival after t periods, fitted to ``survivors``, with its confidence interval (delta method).

    Source: the delta method on the logit of the survival (docs/models.md, 'Fitting, standard errors, intervals'); the
    model of Fader, Hardie, Liu, Davin & Steenburgh (2018), Journal of Interactive Marketing 43.

    >>> [round(v, 4) for v in bdw_survival_interval([1000, 631, 468, 382, 326, 289, 262, 241], 12)]
    [0.1773, 0.1509, 0.2073]
    """
    return bdw_fit(survivors, cohort_size).interval(bdw_survival, confidence, t=t)


def bdw_clv_interval(
    survivors: Any, margin: float, discount_rate: float, confidence: float = 0.95, cohort_size: Any = None
) -> Interval:
    """BdW lifetime value of a new customer (:func:`~xl_retention.models.bdw.bdw_clv`) with its interval.

    Source: the delta method on the log of the value (docs/models.md, 'Fitting, standard errors, intervals'); the model
    of Fader, Hardie, Liu, Davin & Steenburgh (2018), Journal of Interactive Marketing 43.

    >>> [round(v, 2) for v in bdw_clv_interval([1000, 631, 468, 382, 326, 289, 262, 241], 50, 0.1)]
    [186.46, 174.97, 198.69]
    """
    return bdw_fit(survivors, cohort_size).interval(bdw_clv, confidence, margin=margin, discount_rate=discount_rate)


#: the fit's argument names -> the interval functions' (their own frequency, recency, age are one customer's)
_FIT_NAMES = {"frequency": "frequencies", "recency": "recencies", "T": "ages"}


def _customer_interval(
    fit: Any, expected: Any, frequencies: ArrayLike, recencies: ArrayLike, ages: ArrayLike, t: float,
    frequency: float, recency: float, age: float, confidence: float,
) -> Interval:  # fmt: skip
    """``expected`` of one customer (frequency, recency, age) with its interval, ``fit`` to all customers'
    (frequencies, recencies, ages): a refusal names the argument as given (the fit's ``frequency`` of the range was
    named where ``frequencies`` was meant, its ``T`` where ``ages`` or ``age`` was)."""
    try:
        result = fit(frequencies, recencies, ages)
    except RetentionInputError as error:
        raise renamed(error, _FIT_NAMES) from None
    try:
        return result.interval(expected, confidence, t=t, frequency=frequency, recency=recency, T=age)
    except RetentionInputError as error:
        raise renamed(error, {"T": "age"}) from None


def bgnbd_expected_interval(
    frequencies: ArrayLike,
    recencies: ArrayLike,
    ages: ArrayLike,
    t: float,
    frequency: float,
    recency: float,
    age: float,
    confidence: float = 0.95,
) -> Interval:
    """BG/NBD expected purchases in the next t of one customer (frequency, recency, age), fitted to all customers'
    (frequencies, recencies, ages), with its confidence interval (delta method).

    Source: the delta method on the log of the expectation (docs/models.md, 'Fitting, standard errors, intervals');
    Fader, Hardie & Lee (2005), Marketing Science 24(2), eq. 10. The twelve customers of :func:`bgnbd_fit_se`, the next
    10 weeks of one with 2 repeat purchases, the last in week 28 of 33:

    >>> [round(v, 4) for v in bgnbd_expected_interval(
    ...     [1, 1, 1, 9, 8, 1, 1, 0, 3, 2, 1, 2], [1, 10, 2, 25, 10, 12, 1, 0, 13, 28, 11, 28],
    ...     [38, 33, 39, 28, 34, 32, 37, 29, 37, 34, 38, 33], 10, 2, 28, 33)]
    [0.4801, 0.2624, 0.8783]
    """
    return _customer_interval(bgnbd_fit, bgnbd_expected, frequencies, recencies, ages, t, frequency, recency, age,
                              confidence)  # fmt: skip


def paretonbd_expected_interval(
    frequencies: ArrayLike,
    recencies: ArrayLike,
    ages: ArrayLike,
    t: float,
    frequency: float,
    recency: float,
    age: float,
    confidence: float = 0.95,
) -> Interval:
    """Pareto/NBD expected purchases in the next t of one customer (frequency, recency, age), fitted to all
    customers' (frequencies, recencies, ages), with its confidence interval (delta method).

    Source: the delta method on the log of the expectation (docs/models.md, 'Fitting, standard errors, intervals');
    Schmittlein, Morrison & Colombo (1987), as in Fader & Hardie's note (2005), eq. 41. The 500 simulated customers of
    :func:`paretonbd_fit_se`, the next 10 weeks of one with 2 repeat purchases, the last in week 30 of 39:

    >>> import numpy as np
    >>> rng = np.random.default_rng(7)
    >>> lam, mu = rng.gamma(0.55, 1 / 10.58, 500), rng.gamma(0.61, 1 / 11.67, 500)
    >>> active = np.minimum(rng.exponential(1 / mu), 39.0)
    >>> x = rng.poisson(lam * active)
    >>> recency = np.where(x > 0, active * rng.beta(np.maximum(x, 1), 1), 0.0)
    >>> [round(v, 2) for v in paretonbd_expected_interval(x, recency, np.full(500, 39.0), 10, 2, 30, 39)]
    [0.41, 0.35, 0.48]
    """
    return _customer_interval(paretonbd_fit, paretonbd_expected, frequencies, recencies, ages, t, frequency, recency,
                              age, confidence)  # fmt: skip
