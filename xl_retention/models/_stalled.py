"""Why a maximum-likelihood search stalled short of its peak (L-BFGS-B's 'ABNORMAL: ', its line search finding no
higher point where the analytic gradient is not accurate enough): told by the likelihood's own values, a flat peak or
a ridge (H370's finding 04: BdW's sums at c = 7.7), as :func:`~._optimize._check_identified` tells them of a search
that converged."""

from __future__ import annotations

from typing import Any

import numpy as np

from ..errors import OutOfRangeError
from ._optimize import _a_peak, _check_identified

__all__ = ["_stalled_information", "_stalled_reason"]


def _stalled_information(loglik: Any, theta: np.ndarray, step: float = 1e-2) -> np.ndarray:
    """Observed information at ``theta`` by central second differences of the log-likelihood's values (step
    ``step`` in the log-parameters), symmetric: where a search stalled because the analytic gradient is not accurate
    enough (BdW's hypergeometric sums at c = 7.7), differences of it are noise (an eigenvalue of -16 or -292 by
    :func:`_information` where the values say a ridge of curvature 0.026), while a step of 0.01 sees the curvature.

    >>> def quadratic(t):
    ...     return -(t[0] ** 2 + 4 * t[1] ** 2 + t[0] * t[1]), None
    >>> np.round(_stalled_information(quadratic, np.zeros(2)), 6).tolist()
    [[2.0, 1.0], [1.0, 8.0]]
    """
    k = theta.size
    out = np.empty((k, k))
    steps = np.eye(k) * step
    with np.errstate(over="ignore", under="ignore", divide="ignore", invalid="ignore"):
        for i in range(k):
            for j in range(i, k):
                a, b = steps[i], steps[j]
                value = (
                    loglik(theta + a + b)[0] - loglik(theta + a - b)[0] - loglik(theta - a + b)[0]
                    + loglik(theta - a - b)[0]
                )  # fmt: skip
                out[i, j] = out[j, i] = -float(value) / (4 * step * step)
    return out if np.all(np.isfinite(out)) else np.zeros((k, k))


def _stalled_reason(loglik: Any, theta: np.ndarray, ll: float, describe: Any, argument: str, model: str) -> None:
    """``#NUM!`` naming why a search stalled short of the peak at ``theta`` (log-likelihood ``ll``), told by the
    likelihood's values (:func:`_stalled_information`): no peak (a curvature of 0 or below: a ridge, by
    :func:`_check_identified`), or a peak so flat along some direction (a standard error above 5 along it: a 95%
    interval wider than a factor e^20) that the parameters are not determined, said with the log-likelihood reached
    (the peak's is at least that: another model's, sBG's, may be compared with it), or, where a move of
    :data:`~._optimize._RIDGE_STEP` that way does not lower it both ways, a ridge. A peak the values determine
    returns (the search's own status is said then). H370's 23 cohorts: a standard error of 6.2 along (alpha, beta)
    up and c down, the log-likelihood -102.1056 at c = 7.7, -102.1042 at c = 10, -102.1228 at c = 100."""
    information = _stalled_information(loglik, theta)
    try:
        eigenvalues, vectors = np.linalg.eigh(information)
    except np.linalg.LinAlgError:
        eigenvalues, vectors = np.zeros(theta.size), np.eye(theta.size)
    if not eigenvalues.min() > 0:
        _check_identified(information, theta, describe, argument, model)  # no finite peak: a ridge
        return
    spread = 1.0 / float(np.sqrt(eigenvalues.min()))
    if spread <= 5.0:
        return
    if _a_peak(loglik, theta, ll, vectors[:, 0]):
        raise OutOfRangeError(
            f"{model} fit: the likelihood's peak is too flat to determine the parameters (the search stalled on it "
            f"at {describe(theta)}, log-likelihood {ll:.6f}, the peak's at least that; standard error along its "
            f"flattest direction in the log-parameters {spread:.3g}, a 95% interval wider than a factor e^20): the "
            "log-likelihood may still be compared with another model's",
            argument,
            None,
        )
    raise OutOfRangeError(
        f"{model} fit: the likelihood has no finite peak; it rises along a ridge towards 0 or infinity, so the "
        f"data do not determine the parameters (stopped at {describe(theta)}; standard error along the ridge in "
        f"the log-parameters {spread:.3g})",
        argument,
        None,
    )
