"""Maximum likelihood shared by the models: L-BFGS-B with analytic gradients, edge and ridge checks."""

from __future__ import annotations

from typing import Any

import numpy as np

from ..errors import OutOfRangeError
from ._common import _LOG_BOUND


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
