"""BG/NBD, Pareto/NBD and Gamma-Gamma fits of data in large units (ages in milliseconds, amounts x 1e7) were refused
with "the likelihood has no finite maximum ... alpha -> infinity": the search ran within e^18 (6.6e7) and alpha
(beta, v) lay beyond it. The models are invariant in the unit: times (amounts) k times larger give alpha and beta
(v) k times larger, the other parameters the same, the log-likelihood lower by ln k per purchase (per customer's mean
value). They are now fitted in a power-of-two unit near the data's scale and mapped back (H296's finding 01)."""

from __future__ import annotations

import math

import numpy as np
import pytest

import xl_retention as xr

FREQUENCY = [1, 1, 1, 9, 8, 1, 1, 0, 3, 2, 1, 2]
RECENCY = [1, 10, 2, 25, 10, 12, 1, 0, 13, 28, 11, 28]
AGE = [38, 33, 39, 28, 34, 32, 37, 29, 37, 34, 38, 33]
MS = 604_800_000  # a week in milliseconds


def test_bgnbd_in_milliseconds_is_the_weeks_fit_scaled() -> None:
    weeks = xr.bgnbd_fit(FREQUENCY, RECENCY, AGE)
    # the parameters where L-BFGS-B stops: their digits past the 7th follow the CPU's floating-point kernels (a start
    # 1e-10 away moves them by up to 3.5e-8); the log-likelihood there is the peak's to 15 digits
    assert tuple(weeks)[:4] == pytest.approx((1.1358971824404147, 5.046863074528568, 0.5960774356344678,
                                              0.6302228717819346), rel=1e-6)  # fmt: skip
    assert weeks.log_likelihood == pytest.approx(-91.24786733988215, rel=1e-12)
    ms = xr.bgnbd_fit(FREQUENCY, [r * MS for r in RECENCY], [t * MS for t in AGE])
    assert (ms.r, ms.alpha / MS, ms.a, ms.b) == pytest.approx((weeks.r, weeks.alpha, weeks.a, weeks.b), rel=1e-6)
    assert ms.log_likelihood == pytest.approx(weeks.log_likelihood - math.log(MS) * sum(FREQUENCY), rel=1e-9)
    assert ms.standard_errors["alpha"] / MS == pytest.approx(weeks.standard_errors["alpha"], rel=1e-4)


def _simulated() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    rng = np.random.default_rng(7)
    lam, mu = rng.gamma(0.55, 1 / 10.58, 2000), rng.gamma(0.61, 1 / 11.67, 2000)
    active = np.minimum(rng.exponential(1 / mu), 39.0)
    x = rng.poisson(lam * active)
    recency = np.where(x > 0, active * rng.beta(np.maximum(x, 1), 1), 0.0)
    return x, recency, np.full(2000, 39.0)


def test_paretonbd_in_milliseconds_is_the_weeks_fit_scaled() -> None:
    x, recency, age = _simulated()
    weeks = xr.paretonbd_fit(x, recency, age)
    assert [round(v, 2) for v in weeks] == [0.51, 10.37, 1.37, 41.27, -9431.15]
    ms = xr.paretonbd_fit(x, recency * MS, age * MS)
    assert (ms.r, ms.alpha / MS, ms.s, ms.beta / MS) == pytest.approx(tuple(weeks)[:4], rel=1e-5)
    assert ms.log_likelihood == pytest.approx(weeks.log_likelihood - math.log(MS) * x.sum(), rel=1e-9)


def test_a_refusal_quotes_the_parameters_in_the_data_unit() -> None:
    # these 12 customers show no spread of lifetimes: s and beta run off together, quoted in milliseconds
    with pytest.raises(xr.errors.OutOfRangeError, match=r"stopped at s = 217\.1\d*, beta = 3\.278\d*e\+12;"):
        xr.paretonbd_fit(FREQUENCY, [r * MS for r in RECENCY], [t * MS for t in AGE])


@pytest.mark.parametrize("factor", [1e7, 1e-7])
def test_gammagamma_in_large_and_tiny_money_units(factor: float) -> None:
    frequency = [6, 5, 4, 2, 3, 1, 1, 1, 2, 6, 0]
    values = [22.6, 22.3, 81.2, 32.6, 21.7, 36.8, 52.7, 5.4, 14.4, 24.8, 0.0]
    plain = xr.gammagamma_fit(frequency, values)
    # p, q, v where L-BFGS-B stops (a start 1e-13 away moves them by up to 3.2e-8; so does the scaled data's other
    # rounding): 6 digits; the log-likelihood there is the peak's to 15
    assert tuple(plain)[:3] == pytest.approx((2.224193107828606, 7.487668232522001, 91.44097932027388), rel=1e-6)
    assert plain.log_likelihood == pytest.approx(-41.497383980627525, rel=1e-12)
    scaled = xr.gammagamma_fit(frequency, [v * factor for v in values])
    assert (scaled.p, scaled.q, scaled.v / factor) == pytest.approx((plain.p, plain.q, plain.v), rel=1e-6)
    assert scaled.log_likelihood == pytest.approx(plain.log_likelihood - 10 * math.log(factor), rel=1e-9)
