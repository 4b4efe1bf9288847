"""Data in large (or tiny) units fitted in a unit near their own scale, the parameters mapped back.

The BG/NBD and Pareto/NBD are invariant in the unit of time, the Gamma-Gamma in the unit of money: times (amounts) k
times larger give alpha and beta (v) k times larger, the other parameters the same and the log-likelihood lower by
ln k per repeat purchase (per customer's mean value). The search runs in log-parameters within [e^-18, e^18]
(:data:`~xl_retention.models._common._LOG_BOUND`), so CDNOW's ages in milliseconds (alpha 2.67e9) were refused as
"the likelihood has no finite maximum ... alpha -> infinity" (H296's finding 01). :func:`unit_of` gives the power of
two a fit divides its times (amounts) by where their mean lies outside [2^-20, 2^20] (dividing by a power of two is
exact), 1 otherwise (the fits of data in ordinary units are untouched); :func:`shown_in` makes the optimizer's
messages quote the parameters in the data's own unit.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

import numpy as np

__all__ = ["shift_shown", "shown_in", "unit_of"]

#: mean times (amounts) from 2^-20 to 2^20 are fitted as they are
_PLAIN = 20

#: added to the log-parameters the optimizer quotes in its messages (:func:`shown_in`)
_SHIFT: ContextVar[np.ndarray | None] = ContextVar("_SHIFT", default=None)


def unit_of(values: np.ndarray, weights: np.ndarray) -> float:
    """The power of two nearest the weighted mean of ``values`` (> 0) where that mean lies outside [2^-20, 2^20],
    else 1.0.

    >>> unit_of(np.array([30.0, 38.0]), np.array([1.0, 1.0])), unit_of(np.array([3e10]), np.array([1.0]))
    (1.0, 34359738368.0)
    """
    mean = float(np.dot(weights, values) / weights.sum())
    if not (mean > 0 and math.isfinite(mean)) or abs(math.log2(mean)) <= _PLAIN:
        return 1.0
    return math.ldexp(1.0, round(math.log2(mean)))


@contextmanager
def shown_in(shift: np.ndarray) -> Iterator[None]:
    """The optimizer's messages within: the log-parameters quoted plus ``shift`` (ln of the unit for the scale
    parameters, 0 for the others), the parameters in the data's own unit."""
    token = _SHIFT.set(shift)
    try:
        yield
    finally:
        _SHIFT.reset(token)


def shift_shown(theta: np.ndarray) -> np.ndarray:
    """``theta`` as a message quotes it (see :func:`shown_in`)."""
    shift = _SHIFT.get()
    return theta if shift is None else theta + shift
