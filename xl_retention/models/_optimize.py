"""Maximum likelihood shared by the models: L-BFGS-B with analytic gradients, edge and ridge checks."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any, NamedTuple

import numpy as np

from .._imports import scipy_minimize
from .._validation import scalar, two_sided_z
from ..errors import NotANumberError, OutOfRangeError
from ._blas_threads import one_blas_thread
from ._common import _LOG_BOUND, check_projection
from ._units import shift_shown


def _maximize(
    loglik: Any,
    start: np.ndarray,
    bounds: list[tuple[float, float]],
    scale: float,
    describe: Any,
    argument: str,
    model: str,
    check_ridge: bool = False,
    ridges: tuple[tuple[tuple[int, int, str], ...], tuple[str, ...]] | None = None,
    along: Ridge | None = None,
    stalled: bool = False,
) -> tuple[np.ndarray, float, np.ndarray]:
    """Maximise ``loglik`` (value and gradient) with L-BFGS-B within ``bounds`` from ``start``.

    Returns the parameters, the log-likelihood and the observed information there (minus
    the Hessian, :func:`_information`). Raises ``#NUM!`` when the optimiser
    does not converge (the projected gradient is not ~0) or the maximum lies on a bound
    (a parameter at 0 or infinity: no finite maximum-likelihood estimate).
    ``describe(theta)`` names the parameters reached, for the messages. ``check_ridge``:
    also refuse a maximum along a flat ridge (:func:`_check_identified`). ``ridges``: (pairs, names) of
    :func:`_check_ridges`, refused as soon as an iterate is far along such a ridge (:func:`_far_along_a_ridge`)
    rather than after the walk to the search's edge. ``along``: a direction in which the likelihood may rise without
    bound (:class:`Ridge`), said in its words where the search stops short of a maximum (not "did not converge").
    ``stalled``: where the search stops short (its line search finds no higher point: the gradient is not accurate
    enough there), the likelihood's own values tell a flat peak or a ridge (:func:`._stalled._stalled_reason`), not
    "did not converge" with the optimizer's status. BLAS runs on one thread meanwhile (:func:`one_blas_thread`).
    """
    with one_blas_thread():
        return _maximize_now(
            loglik, start, bounds, scale, describe, argument, model, check_ridge, ridges, along, stalled
        )


def _maximize_now(
    loglik: Any,
    start: np.ndarray,
    bounds: list[tuple[float, float]],
    scale: float,
    describe: Any,
    argument: str,
    model: str,
    check_ridge: bool,
    ridges: tuple[tuple[tuple[int, int, str], ...], tuple[str, ...]] | None = None,
    along: Ridge | None = None,
    stalled: bool = False,
) -> tuple[np.ndarray, float, np.ndarray]:
    """:func:`_maximize` itself, called with BLAS kept to one thread."""
    minimize = scipy_minimize()  # (without scipy.optimize's other solvers: .._imports)
    shown = describe

    def describe(theta: np.ndarray, *edges: Any) -> str:  # the parameters in the data's unit (.._units.shown_in)
        return shown(shift_shown(theta), *edges)

    seen: dict[bytes, float] = {}

    def objective(theta: np.ndarray) -> tuple[float, np.ndarray]:
        ll, grad = loglik(theta)
        seen.clear()
        seen[np.asarray(theta, dtype=np.float64).tobytes()] = float(ll)
        return -ll / scale, -grad / scale

    def callback(theta: np.ndarray) -> None:
        if ridges is not None:
            theta = np.asarray(theta, dtype=np.float64)
            ll = seen.get(theta.tobytes())
            if ll is None:
                ll = float(loglik(theta)[0])
            _far_along_a_ridge(loglik, theta, ll, ridges[0], ridges[1], argument, model)

    with np.errstate(over="ignore", under="ignore", divide="ignore", invalid="ignore"):
        result = minimize(
            objective,
            start,
            jac=True,
            method="L-BFGS-B",
            bounds=bounds,
            options={"maxiter": 3000, "ftol": 1e-15, "gtol": 1e-10, "maxcor": 20},
            callback=callback if ridges is not None else None,
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
        if ridges is not None:  # far along a flat ridge (homogeneous): said so, not "did not converge"
            _far_along_a_ridge(loglik, theta, float(ll), ridges[0], ridges[1], argument, model)
        if along is not None:  # stopped while the likelihood still rises along a known ridge: said so
            along.check(loglik, theta, float(ll), argument, model)
        if stalled:  # a flat peak or a ridge, told by the likelihood's values (H370's finding 04)
            from ._stalled import _stalled_reason

            _stalled_reason(loglik, theta, float(ll), describe, argument, model)
        status = str(result.message).strip().rstrip(":;").strip() or "stopped"  # scipy's 'ABNORMAL: ': no reason
        raise OutOfRangeError(
            f"{model} fit did not converge ({status}; reached {describe(theta)}, log-likelihood {ll:.6g}, "
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
    if along is not None:  # converged where the likelihood still rises along a known ridge (a tolerance's stop)
        along.check(loglik, theta, float(ll), argument, model, rise=True)
    information = _information(loglik, theta)
    if check_ridge:
        _check_identified(information, theta, describe, argument, model, loglik, float(ll))
    return theta, float(ll), information


def _information(loglik: Any, theta: np.ndarray, step: float = 1e-4) -> np.ndarray:
    """Observed information at ``theta``: minus the Hessian of the log-likelihood, by central differences
    of the analytic gradient (error O(step^2), about 1e-8 relative), symmetrised."""
    k = theta.size
    hessian = np.empty((k, k))
    with np.errstate(over="ignore", under="ignore", divide="ignore", invalid="ignore"):
        for j in range(k):
            e = np.zeros(k)
            e[j] = step
            hessian[:, j] = (loglik(theta + e)[1] - loglik(theta - e)[1]) / (2 * step)
    return -(hessian + hessian.T) / 2


def _check_identified(
    information: np.ndarray,
    theta: np.ndarray,
    describe: Any,
    argument: str,
    model: str,
    loglik: Any = None,
    ll: float | None = None,
) -> None:
    """``#NUM!`` when the data do not determine the parameters: a ridge running off to 0 or infinity, or a peak so
    flat that the parameters could be anywhere on it.

    The observed information in the log-parameters gives the standard error of each
    log-parameter; one above 5 (a 95% interval wider than a factor e^20) or an
    information that is not positive definite means the data do not determine the
    parameters. Which of the two it is, is told by the likelihood itself (given ``loglik`` and ``ll``, its value at
    ``theta``): a move of :data:`_RIDGE_STEP` along the flattest direction, either way, that lowers it both ways is a
    finite peak, said with its log-likelihood (another model's can still be compared with it: BdW's against sBG's,
    H213's 12 cohorts: alpha 12.97, beta 46.74, c 0.7557, log-likelihood -898.924, a standard error of log alpha of
    7.07); otherwise the search stopped somewhere along a ridge.
    """
    k = theta.size
    try:
        covariance = np.linalg.inv(information)
        eigenvalues, vectors = np.linalg.eigh(information)
    except np.linalg.LinAlgError:
        covariance, eigenvalues, vectors = np.full((k, k), np.inf), np.zeros(k), np.eye(k)
    se = np.sqrt(np.where(np.diag(covariance) > 0, np.diag(covariance), np.inf))
    if eigenvalues.min() > 0 and np.all(np.isfinite(se)) and se.max() <= 5.0:
        return
    if loglik is not None and ll is not None and eigenvalues.min() > 0 and _a_peak(loglik, theta, ll, vectors[:, 0]):
        raise OutOfRangeError(
            f"{model} fit: the likelihood's peak is too flat to determine the parameters (at {describe(theta)}, "
            f"log-likelihood {ll:.6f}; largest standard error of a log-parameter {se.max():.3g}, a 95% interval "
            f"wider than a factor e^20): the log-likelihood may still be compared with another model's",
            argument,
            None,
        )
    raise OutOfRangeError(
        f"{model} fit: the likelihood has no finite peak; it rises along a ridge towards 0 or infinity, so the "
        f"data do not determine the parameters (stopped at {describe(theta)}; largest standard error of a "
        f"log-parameter {se.max():.3g})",
        argument,
        None,
    )


def _a_peak(loglik: Any, theta: np.ndarray, ll: float, direction: np.ndarray) -> bool:
    """Whether the log-likelihood ``ll`` at ``theta`` is above its values :data:`_RIDGE_STEP` away along
    ``direction`` (a unit vector in the log-parameters), both ways, within the search's bounds: a finite peak."""
    for sign in (1.0, -1.0):
        there = theta + sign * _RIDGE_STEP * direction
        if np.any(np.abs(there) > _LOG_BOUND):
            return False
        with np.errstate(over="ignore", under="ignore", divide="ignore", invalid="ignore"):
            value = float(loglik(there)[0])
        if not (np.isfinite(value) and ll - value > 1e-6):
            return False
    return True


#: a move of both log-parameters of a pair by this much (each times e^3, about 20) ...
_RIDGE_STEP = 3.0
#: ... that lowers the log-likelihood by less than this is a flat ridge: a standard error of the pair's common
#: log-scale above 5, as :func:`_check_identified` refuses (a quadratic drop of 3^2 / (2 x 5^2))
_RIDGE_DROP = 3.0**2 / (2 * 5.0**2)


def _check_ridges(
    loglik: Any,
    theta: np.ndarray,
    ll: float,
    pairs: tuple[tuple[int, int, str], ...],
    names: tuple[str, ...],
    argument: str,
    model: str,
) -> None:
    """``#NUM!`` when the likelihood stays flat as a gamma or beta mixing's two log-parameters grow together (their
    ratio, the mean rate, kept): the homogeneous limit, where the data show no spread between customers and the
    parameters are any point far along the ridge. The observed information by differences of a numerical gradient
    does not see it (its noise is larger than the ridge's curvature), so the likelihood itself is compared.
    ``pairs``: (index, index, what their ratio is) in the log-parameters ``theta``."""
    for i, j, meaning in pairs:
        further = theta.copy()
        further[[i, j]] += _RIDGE_STEP
        if np.any(further > _LOG_BOUND):
            continue  # at the bound: :func:`_maximize` has refused it already
        with np.errstate(over="ignore", under="ignore", divide="ignore", invalid="ignore"):
            there = float(loglik(further)[0])
        if not (ll - there >= _RIDGE_DROP):
            a, b = names[i], names[j]
            values = np.exp(shift_shown(theta))
            raise OutOfRangeError(
                no_finite_peak(
                    model,
                    f"stays flat as {a} and {b} grow together",
                    f"{a} = {values[i]:.6g}, {b} = {values[j]:.6g}; times {math.exp(_RIDGE_STEP):.3g} both",
                    there - ll,
                    f"the data show no spread between customers in {meaning} ({a} / {b} = "
                    f"{values[i] / values[j]:.6g}), so {a} and {b} are not determined",
                ),
                argument,
                None,
            )


def no_finite_peak(model: str, how: str, stopped: str, change: float, reason: str) -> str:
    """The words of a fit whose likelihood has no finite peak along a ridge, one for every model: ``how`` it goes
    along it, where the search ``stopped`` (and the move tried from there), the log-likelihood's ``change`` by that
    move, and the ``reason`` in the data.

    >>> no_finite_peak("sBG", "stays flat as a and b grow together", "a = 1e6, b = 2e6", 1e-4, "why")
    'sBG fit: the likelihood has no finite peak; it stays flat as a and b grow together (stopped at a = 1e6, b = 2e6, \
the log-likelihood changes by 0.0001): why'
    """
    return (
        f"{model} fit: the likelihood has no finite peak; it {how} (stopped at {stopped}, the log-likelihood changes "
        f"by {change:.3g}): {reason}"
    )


class Ridge(NamedTuple):
    """A direction in the log-parameters along which a model's likelihood may rise without bound, and its words:
    ``how`` the parameters move (``rises as p grows and v falls``), ``stopped`` (the log-parameters and whether
    the move tried was forward -> where the search stopped and that move), ``reason`` (what the data lack)."""

    direction: tuple[float, ...]
    how: str
    stopped: Any
    reason: str

    def check(self, loglik: Any, theta: np.ndarray, ll: float, argument: str, model: str, rise: bool = False) -> None:
        """``#NUM!`` in :func:`no_finite_peak`'s words where a move of :data:`_RIDGE_STEP` along the direction from
        ``theta`` does not lower the log-likelihood ``ll`` by :data:`_RIDGE_DROP` (it rises, or stays flat); where
        that move leaves the search's bounds, where the same move backwards lowers it, by less than that (it rose
        to ``theta`` and is still rising at the edge). ``rise``: only where it rises (a search that converged: a
        peak that falls less than that is said by :func:`_check_identified`)."""
        step = _RIDGE_STEP * np.asarray(self.direction, dtype=np.float64)
        forward = not np.any(np.abs(theta + step) > _LOG_BOUND)
        there_at = theta + step if forward else theta - step
        if np.any(np.abs(there_at) > _LOG_BOUND):
            return
        with np.errstate(over="ignore", under="ignore", divide="ignore", invalid="ignore"):
            there = float(loglik(there_at)[0])
        low = 0.0 if rise else -_RIDGE_DROP
        flat = low < there - ll if forward else 0.0 <= ll - there < _RIDGE_DROP
        if np.isfinite(there) and flat:
            raise OutOfRangeError(
                no_finite_peak(model, self.how, self.stopped(shift_shown(theta), forward), there - ll, self.reason),
                argument,
                None,
            )


#: an iterate whose two log-parameters of a pair are both above this (each above e^5, about 150) is tested for a
#: ridge by :func:`_far_along_a_ridge`
_FAR = 5.0


def _far_along_a_ridge(
    loglik: Any,
    theta: np.ndarray,
    ll: float,
    pairs: tuple[tuple[int, int, str], ...],
    names: tuple[str, ...],
    argument: str,
    model: str,
) -> None:
    """``#NUM!`` of :func:`_check_ridges` at an iterate of the search where a pair's two log-parameters are both
    above :data:`_FAR` and the likelihood changes by less than :data:`_RIDGE_DROP` moving the pair by
    :data:`_RIDGE_STEP` either way: it neither drops ahead nor rose behind, so the search is walking along a flat
    ridge towards infinity (each step of it there slower: the likelihood's 2F1 at 1 - z of 1e-6). A peak that
    :func:`_check_ridges` keeps (a drop of at least _RIDGE_DROP past it, a curvature of at least
    2 _RIDGE_DROP / _RIDGE_STEP^2) never passes both tests at one point of its quadratic: their sum would need
    a lower curvature."""
    for i, j, meaning in pairs:
        if theta[i] < _FAR or theta[j] < _FAR:
            continue
        ahead, behind = theta.copy(), theta.copy()
        ahead[[i, j]] += _RIDGE_STEP
        behind[[i, j]] -= _RIDGE_STEP
        if np.any(ahead > _LOG_BOUND):
            continue  # at the bound: :func:`_maximize_now` refuses it
        with np.errstate(over="ignore", under="ignore", divide="ignore", invalid="ignore"):
            rose = ll - float(loglik(behind)[0])
            if not rose < _RIDGE_DROP:
                continue
        _check_ridges(loglik, theta, ll, ((i, j, meaning),), names, argument, model)


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


# == uncertainty ======================================================================
class Interval(NamedTuple):
    """An estimate and the bounds of its confidence interval."""

    estimate: float
    lower: float
    upper: float


def _z(confidence: Any) -> float:
    """The normal quantile of a two-sided interval: 1.959964 for 0.95. ``confidence`` is one number (a range of one
    cell, as xlwings passes it, is that cell; blank is 0.95): text or a boolean ``#VALUE!``, outside (0, 1) ``#NUM!``.

    >>> round(_z(0.95), 6), round(_z([[0.9]]), 6)
    (1.959964, 1.644854)
    """
    level = scalar("confidence", confidence, 0.95)
    if not 0 < level < 1:
        raise OutOfRangeError(f"confidence must be a number between 0 and 1, got {level:g}", "confidence", level)
    return two_sided_z(level, (1 + level) / 2)


class FitResult:
    """Uncertainty of a maximum-likelihood fit, for the models' fit results (NamedTuples ending in log_likelihood).

    The covariance of the log-parameters is the inverse of the observed information (minus
    the Hessian of the log-likelihood at the optimum, central differences of the analytic
    gradient). Standard errors of the parameters follow by the delta method,
    se(p) = p se(ln p), as in ``lifetimes``' ``summary``. Intervals are Wald intervals on
    the log scale, p exp(+-z se(ln p)), so they stay > 0 (lifetimes prints p +- 1.96 se(p)).
    Where the information is not positive definite the standard errors are NaN and the
    intervals raise ``#NUM!``.
    """

    __slots__ = ()

    def _with_information(self, log_covariance: np.ndarray | None) -> Any:
        object.__setattr__(self, "_log_covariance", log_covariance)
        return self

    @property
    def parameters(self) -> dict[str, float]:
        """The estimates by name (without the log-likelihood)."""
        return dict(zip(self._fields[:-1], self[:-1], strict=True))  # type: ignore[attr-defined]

    @property
    def log_covariance(self) -> np.ndarray:
        """Covariance matrix of the logs of the parameters (NaN where the information is singular)."""
        k = len(self) - 1  # type: ignore[arg-type]
        covariance = getattr(self, "_log_covariance", None)
        return np.full((k, k), np.nan) if covariance is None else covariance.copy()

    @property
    def covariance(self) -> np.ndarray:
        """Covariance matrix of the parameters: diag(p) cov(ln p) diag(p)."""
        p = np.array(list(self.parameters.values()))
        return self.log_covariance * np.outer(p, p)

    @property
    def standard_errors(self) -> dict[str, float]:
        """Standard error of each parameter, se(p) = p se(ln p)."""
        se = np.sqrt(np.diag(self.covariance))
        return dict(zip(self.parameters, (float(v) for v in se), strict=True))

    def _checked_log_covariance(self) -> np.ndarray:
        covariance = self.log_covariance
        if not np.all(np.isfinite(covariance)) or np.any(np.diag(covariance) <= 0):
            raise OutOfRangeError(
                "the observed information is not positive definite at this fit: no standard errors or intervals",
                "confidence",
                None,
            )
        return covariance

    def intervals(self, confidence: float = 0.95) -> dict[str, tuple[float, float]]:
        """Confidence interval of each parameter: p exp(-z se(ln p)) to p exp(z se(ln p))."""
        z = _z(confidence)
        se_log = np.sqrt(np.diag(self._checked_log_covariance()))
        return {
            name: (float(p * math.exp(-z * s)), float(p * math.exp(z * s)))
            for (name, p), s in zip(self.parameters.items(), se_log, strict=True)
        }

    def summary(self, confidence: float = 0.95) -> Any:
        """A pandas DataFrame, one row per parameter: coef, se(coef), lower and upper bound of the interval."""
        import pandas as pd

        bounds = self.intervals(confidence)
        percent = f"{100 * confidence:g}%"
        return pd.DataFrame(
            {
                "coef": self.parameters,
                "se(coef)": self.standard_errors,
                f"lower {percent} bound": {n: b[0] for n, b in bounds.items()},
                f"upper {percent} bound": {n: b[1] for n, b in bounds.items()},
            }
        )

    def interval(
        self, function: Callable[..., Any], confidence: float = 0.95, scale: str = "auto", **arguments: Any
    ) -> Interval:
        """Interval of a projection ``function(**parameters, **arguments)`` by the delta method.

        ``function`` is one of the model's projecting functions (survival, retention,
        expected purchases, CLV...) called with the fit's parameters by name. Its value f
        is transformed to h(f), h = ln f (``scale="log"``, f > 0) or h = ln(f / (1 - f))
        (``"logit"``, 0 < f < 1: probabilities, whose bounds then stay inside (0, 1));
        ``"auto"`` takes the logit for the survival, retention, churn and P(alive)
        functions. se(h) = sqrt(g' cov(ln p) g), g = dh / d ln p by central differences
        (step 1e-5), and the interval is h^-1(h(f) -+ z se(h)).

        >>> from xl_retention.models import sbg_clv, sbg_fit, sbg_survival
        >>> fit = sbg_fit([1000, 631, 468, 382, 326, 289, 262, 241])
        >>> [round(v, 4) for v in fit.interval(sbg_survival, t=12)]
        [0.17, 0.1456, 0.1976]
        >>> [round(v, 2) for v in fit.interval(sbg_clv, margin=50, discount_rate=0.1)]
        [184.75, 173.63, 196.58]
        """
        z = _z(confidence)
        covariance = self._checked_log_covariance()
        name = getattr(function, "__name__", "the projection")
        if scale == "auto":
            probability = any(w in name for w in ("survival", "retention", "churn_probability", "p_alive"))
            scale = "logit" if probability else "log"
        if scale not in ("log", "logit"):
            raise OutOfRangeError(f"scale must be 'log', 'logit' or 'auto', got {scale!r}", "scale", None)
        for key, argument in arguments.items():  # one projection: SBG_SURVIVAL_INTERVAL(B2:I2, J2:J5) is no interval
            if np.ndim(argument) > 0 and np.size(argument) != 1:
                raise NotANumberError(f"{key} must be a single value, got {np.size(argument)} values", key, None)
        check_projection(self, function, self.parameters, arguments)  # a name, another model's: refused (H545 04)
        names = list(self.parameters)
        log_p = np.log(np.array(list(self.parameters.values())))

        def f(point: np.ndarray | None) -> float:
            if point is None:
                parameters = self.parameters
            else:
                parameters = dict(zip(names, (float(v) for v in np.exp(point)), strict=True))
            value = function(**parameters, **arguments)
            return float(np.asarray(value, dtype=np.float64).reshape(-1)[0])

        def checked(value: float) -> float:
            inside = value > 0 and (scale == "log" or value < 1)
            if not (math.isfinite(value) and inside):
                need = "> 0" if scale == "log" else "strictly between 0 and 1"
                raise OutOfRangeError(
                    f"{name} gives {value:g} near the fit: an interval on the {scale} scale needs one finite value "
                    f"{need}",
                    "function",
                    value,
                )
            return value

        def h(value: float) -> float:
            return math.log(value) if scale == "log" else math.log(value / (1.0 - value))

        def h_inverse(value: float) -> float:
            return math.exp(value) if scale == "log" else 1.0 / (1.0 + math.exp(-value))

        value = f(None)  # at the estimates themselves
        step = 1e-5
        steps = [np.where(np.arange(log_p.size) == j, step, 0.0) for j in range(log_p.size)]
        near = [(f(log_p + e), f(log_p - e)) for e in steps]
        if math.isfinite(value) and all(up == value == down for up, down in near):
            # a projection the parameters do not move (survival after 0 periods, 1; a CLV of margin 0): exact
            return Interval(value, value, value)
        checked(value)
        gradient = np.array([(h(checked(up)) - h(checked(down))) / (2 * step) for up, down in near])
        se = math.sqrt(max(float(gradient @ covariance @ gradient), 0.0))
        return Interval(value, h_inverse(h(value) - z * se), h_inverse(h(value) + z * se))


def _log_covariance(information: np.ndarray, jacobian: np.ndarray | None = None) -> np.ndarray | None:
    """cov(ln p) = J I^-1 J' from the information I in the optimiser's parameters (J = d ln p / d theta; none:
    the optimiser's parameters are ln p); None when I is not positive definite."""
    try:
        np.linalg.cholesky(information)
        covariance = np.linalg.inv(information)
    except np.linalg.LinAlgError:
        return None
    if jacobian is not None:
        covariance = jacobian @ covariance @ jacobian.T
    return (covariance + covariance.T) / 2
