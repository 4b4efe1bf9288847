"""Expectations over a Beta-distributed probability by quadrature, where the models' series cannot vouch for ten
digits: BG/NBD's expected purchases (over the drop-out probability p) and the sBG's discounted sums (over the churn
probability theta).

Given alive with x repeat purchases in an age T, a customer's purchase rate is Gamma(r + x, alpha + T) and the
drop-out probability p is Beta(a, B), B = b + x; with rate lambda and p fixed, the purchases expected in the next t
are (1 - e^(-lambda p t)) / p (FHL 2005, section 4), so over the rate

    I = E_p[phi(p) / p],   phi(p) = 1 - (1 + p u)^-(r + x),   u = t / (alpha + T),

which is (a + b + x - 1) / (a - 1) [1 - 2F1(r + x, a - 1; a + b + x - 1; -u)] (FHL 2005 eq. 10 through Pfaff's form)
with no cancellation: every term is positive, phi by expm1. This module sums it by adaptive quadrature where the
series of :func:`~xl_retention.models.bgnbd._bgnbd_bracket` cannot vouch for ten digits, and returns NaN (-> #NUM!)
where the quadrature's own error estimate is above 1e-11 relative.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np

from ._special import _STIRLING

#: relative error the quadrature must vouch for (its estimate), else NaN
_TOLERANCE = 1e-11
#: a tail of the integral is one term of its expansion where p (or 1 - p) x the largest scale is below this
_TAIL = 1e-14
_HALF_LOG_2PI = 0.5 * math.log(2 * math.pi)


def _stirling_rest(x: float) -> float:
    """ln Gamma(x) - (x - 1/2) ln x + x - ln(2 pi) / 2, without the difference of large numbers for x >= 10."""
    if x >= 10:
        return sum(c * x ** -(2 * k + 1) for k, c in enumerate(_STIRLING))
    return math.lgamma(x) - (x - 0.5) * math.log(x) + x - _HALF_LOG_2PI


def _log_mode_density(a: float, big_b: float) -> float:
    """K = ln[p*^a (1 - p*)^(B - 1) / B(a, B)] at p* = a / (a + B): by Stirling's series the large logs cancel
    exactly, K = (ln a + ln(a + B) - ln B - ln(2 pi)) / 2 + S(a + B) - S(a) - S(B)."""
    return (
        0.5 * (math.log(a) + math.log1p(a / big_b))
        - _HALF_LOG_2PI
        + _stirling_rest(a + big_b)
        - _stirling_rest(a)
        - _stirling_rest(big_b)
    )


def _beta_expectation(
    a: float, big_b: float, g: Callable[[float], float], scale_s: float, scale_v: float, features: tuple[float, ...]
) -> float:
    """E[g(p)] for p ~ Beta(a, B) and a positive g, by adaptive quadrature in s = ln p over p <= 1/2 and in
    v = ln(1 - p) over p >= 1/2, the Beta density written from its mode p* = a / (a + B) (no large logs cancel).
    Below p = 1e-14 / scale_s (and 1 - p = 1e-14 / scale_v) the density is c e^(a s) (c' e^(B v)) and g constant
    to 1e-14: those tails are summed exactly. ``features``: values of s where g turns (breakpoints). NaN where
    the quadrature's error estimate is above _TOLERANCE of the result, or a step overflows or divides by 0."""
    import warnings

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # scipy's IntegrationWarning: its error estimate says as much, below
            return _beta_expectation_steps(a, big_b, g, scale_s, scale_v, features)
    except (ArithmeticError, ValueError):  # 1e300 and 1e-300 side by side: #NUM! rather than a traceback
        return math.nan


def _beta_expectation_steps(
    a: float, big_b: float, g: Callable[[float], float], scale_s: float, scale_v: float, features: tuple[float, ...]
) -> float:
    """:func:`_beta_expectation`'s work."""
    from scipy import integrate
    from scipy.special import polygamma

    log_k = _log_mode_density(a, big_b)
    s_star = -math.log1p(big_b / a)  # ln p*
    v_star = -math.log1p(a / big_b)  # ln(1 - p*)
    p_star, q_star = math.exp(s_star), math.exp(v_star)

    def lower(s: float) -> float:  # p = e^s, dp = p ds: p^a (1 - p)^(B - 1) / B(a, B) x g(p)
        delta = s - s_star
        log_q = math.log1p(-p_star * math.expm1(delta) / q_star)  # ln((1 - p) / (1 - p*))
        exponent = log_k + a * delta + (big_b - 1) * log_q
        return math.exp(exponent) * g(p_star * math.exp(delta)) if exponent > -745 else 0.0

    def upper(v: float) -> float:  # q = 1 - p = e^v, dp = -q dv: p^(a - 1) q^B / B(a, B) x g(p)
        eta = v - v_star
        ratio = -q_star * math.expm1(eta) / p_star  # p / p* - 1
        p = p_star * (1.0 + ratio)
        exponent = log_k + a * math.log1p(ratio) + (big_b - 1) * eta + v
        return math.exp(exponent) * g(p) / p if exponent > -745 else 0.0

    half = -math.log(2.0)
    if not (math.isfinite(log_k) and 0 < scale_s < math.inf and 0 < scale_v < math.inf):
        return math.nan
    s_low = min(math.log(_TAIL) - math.log(scale_s), half - 1.0)
    v_low = min(math.log(_TAIL) - math.log(scale_v), half - 1.0)
    sigma_s = math.sqrt(max(float(polygamma(1, a) - polygamma(1, a + big_b)), 0.0))
    sigma_v = math.sqrt(max(float(polygamma(1, big_b) - polygamma(1, a + big_b)), 0.0))
    total = lower(s_low) / a + upper(v_low) / big_b  # the tails: c e^(a s) and c' e^(B v) to 1e-14
    error = 0.0
    for function, low, centre, sigma, marks in (
        (lower, s_low, s_star, sigma_s, features),
        (upper, v_low, v_star, sigma_v, ()),
    ):
        marks = tuple(centre + k * sigma for k in (-16, -8, -4, -2, -1, 0, 1, 2, 4, 8, 16)) + marks
        points = sorted({m for m in marks if low < m < half and math.isfinite(m)})
        value, estimate = integrate.quad(
            function, low, half, points=points or None, epsabs=0.0, epsrel=1e-13, limit=1000
        )
        total += value
        error += estimate
    if not (math.isfinite(total) and total > 0) or error > _TOLERANCE * total:
        return math.nan
    return total


def _future_alive(big_a: float, a: float, big_b: float, u: float) -> float:
    """I = E_p[(1 - (1 + p u)^-A) / p], p ~ Beta(a, B), for one customer; NaN where not vouched for."""
    if u == 0:
        return 0.0
    if not all(math.isfinite(v) and v > 0 for v in (big_a, a, big_b, u)):
        return math.nan

    def phi_over(p: float) -> float:
        return -math.expm1(-big_a * math.log1p(p * u)) / p

    features = (-math.log(max(big_a * u, 1e-300)), -math.log(u))
    return _beta_expectation(a, big_b, phi_over, max(1.0, big_b, big_a * u, u), max(1.0, a, big_a), features)


def future_alive(big_a: np.ndarray, a: np.ndarray, big_b: np.ndarray, u: np.ndarray) -> np.ndarray:
    """:func:`_future_alive` element by element (flat arrays of one length)."""
    return np.array([_future_alive(*map(float, v)) for v in zip(big_a, a, big_b, u, strict=True)], dtype=np.float64)


def _discounted_sum(alpha: float, beta: float, z: float, y: float) -> float:
    """2F1(1, beta; alpha + beta; z) = sum_t (beta)_t / (alpha + beta)_t z^t = E_theta[1 / (y + z theta)],
    theta ~ Beta(alpha, beta) (the sBG's churn probability: E[(1 - theta)^t] = (beta)_t / (alpha + beta)_t), y = 1 - z
    given without the rounding of z. NaN where not vouched for."""
    if not all(math.isfinite(v) and v > 0 for v in (alpha, beta, z, y)):
        return math.nan

    def g(theta: float) -> float:
        return 1.0 / (y + z * theta)

    return _beta_expectation(alpha, beta, g, max(1.0, beta, z / y), max(1.0, alpha), (math.log(y / z),))


def discounted_sum(alpha: np.ndarray, beta: np.ndarray, z: np.ndarray, y: np.ndarray) -> np.ndarray:
    """:func:`_discounted_sum` element by element (flat arrays of one length)."""
    return np.array([_discounted_sum(*map(float, v)) for v in zip(alpha, beta, z, y, strict=True)], dtype=np.float64)
