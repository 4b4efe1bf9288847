"""BG/BB (Fader, Hardie & Shang 2010): the paper's donation estimates, an independent likelihood, lifetimes per history.

The donation data (11,104 first-time donors of 1995, 6 later opportunities) are the paper's
Table of (x, t_x, n) histories with counts, written out here; lifetimes ships the same table.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

import xl_retention as xr
from xl_retention import models as m
from xl_retention.errors import OutOfRangeError

X = [0, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 5, 5, 6]
TX = [0, 1, 2, 3, 4, 5, 6, 2, 3, 4, 5, 6, 3, 4, 5, 6, 4, 5, 6, 5, 6, 6]
COUNTS = [
    3464,
    1091,
    277,
    129,
    78,
    119,
    129,
    613,
    255,
    155,
    173,
    234,
    322,
    181,
    225,
    357,
    240,
    284,
    512,
    335,
    728,
    1203,
]
N = [6] * len(X)


def lbeta(x: float, y: float) -> float:
    return math.lgamma(x) + math.lgamma(y) - math.lgamma(x + y)


def bgbb_likelihood(a: float, b: float, g: float, d: float, x: int, tx: int, n: int) -> float:
    """The paper's likelihood of one history, term by term with math.lgamma."""
    total = math.exp(lbeta(a + x, b + n - x) - lbeta(a, b) + lbeta(g, d + n) - lbeta(g, d))
    for i in range(n - tx):
        total += math.exp(lbeta(a + x, b + tx - x + i) - lbeta(a, b) + lbeta(g + 1, d + tx + i) - lbeta(g, d))
    return total


@pytest.fixture(scope="module")
def donations():
    return m.bgbb_fit(X, TX, N, COUNTS)


def test_bgbb_reproduces_the_donation_estimates(donations):
    """FHS 2010: alpha 1.204, beta 0.750, gamma 0.657, delta 2.783, LL -33,225.6."""
    assert sum(COUNTS) == 11104
    assert [round(v, 3) for v in donations[:4]] == [1.204, 0.750, 0.657, 2.783]
    assert round(donations.log_likelihood, 1) == -33225.6
    direct = sum(
        c * math.log(bgbb_likelihood(*donations[:4], x, tx, n)) for x, tx, n, c in zip(X, TX, N, COUNTS, strict=True)
    )
    assert donations.log_likelihood == pytest.approx(direct, abs=1e-8)
    assert xr.bgbb_fit(X, TX, N, COUNTS) == donations


def test_bgbb_one_row_per_customer_equals_counts(donations):
    rows = [(x, tx, n) for x, tx, n, c in zip(X, TX, N, COUNTS, strict=True) for _ in range(c // 10)]
    x, tx, n = (np.array(v, dtype=float) for v in zip(*rows, strict=True))
    per_customer = m.bgbb_fit(x, tx, n)
    counted = m.bgbb_fit(X, TX, N, [c // 10 for c in COUNTS])
    assert per_customer == pytest.approx(counted, rel=1e-9)


def test_bgbb_projections_against_direct_sums(donations):
    a, b, g, d = donations[:4]
    for x, tx, n in [(0, 0, 6), (3, 4, 6), (6, 6, 6), (2, 9, 12)]:
        like = bgbb_likelihood(a, b, g, d, x, tx, n)
        alive = math.exp(lbeta(a + x, b + n - x) - lbeta(a, b) + lbeta(g, d + n + 1) - lbeta(g, d)) / like
        assert m.bgbb_p_alive(a, b, g, d, x, tx, n) == pytest.approx(alive, rel=1e-12)
        # expected transactions: paper's closed form (eq. 13) with gamma != 1
        closed = (
            math.exp(lbeta(a + x + 1, b + n - x) - lbeta(a, b))
            * d
            / (g - 1)
            * math.exp(math.lgamma(g + d) - math.lgamma(1 + d))
            * (
                math.exp(math.lgamma(1 + d + n) - math.lgamma(g + d + n))
                - math.exp(math.lgamma(1 + d + n + 5) - math.lgamma(g + d + n + 5))
            )
            / like
        )
        assert m.bgbb_expected(a, b, g, d, 5, x, tx, n) == pytest.approx(closed, rel=1e-10)
        # DERT = sum over future opportunities of the expected transaction, discounted (1.1^-400 ~ 3e-17)
        cumulative = m.bgbb_expected(a, b, g, d, np.arange(0, 401), x, tx, n)
        dert = float(np.sum(np.diff(cumulative) / 1.1 ** np.arange(1, 401)))
        assert m.bgbb_dert(a, b, g, d, 0.1, x, tx, n) == pytest.approx(dert, rel=1e-9)


def test_bgbb_elementwise_and_errors():
    got = m.bgbb_p_alive(1.2, 0.75, 0.66, 2.78, [0, 3], [0, 4], 6)
    assert got.shape == (2,) and got[0] == pytest.approx(m.bgbb_p_alive(1.2, 0.75, 0.66, 2.78, 0, 0, 6))
    with pytest.raises(OutOfRangeError, match="exceeds n_periods"):
        m.bgbb_p_alive(1.2, 0.75, 0.66, 2.78, 3, 7, 6)
    with pytest.raises(OutOfRangeError, match="frequency .5. exceeds recency .4."):
        m.bgbb_p_alive(1.2, 0.75, 0.66, 2.78, 5, 4, 6)
    with pytest.raises(OutOfRangeError, match="recency .2. must be 0 when frequency is 0"):
        m.bgbb_fit([0, 1], [2, 1], [6, 6])
    with pytest.raises(OutOfRangeError, match="frequency is 0 for every customer"):
        m.bgbb_fit([0, 0], [0, 0], [6, 6])
    with pytest.raises(OutOfRangeError, match="discount rate from 1e-6 to 1"):
        m.bgbb_dert(1.2, 0.75, 0.66, 2.78, 0, 3, 4, 6)


def test_bgbb_agrees_with_lifetimes(donations):
    lifetimes = pytest.importorskip("lifetimes", reason="lifetimes is not installed (pip install lifetimes)")
    import pandas as pd

    frame = pd.DataFrame({"frequency": X, "recency": TX, "periods": N, "weights": COUNTS})
    peer = lifetimes.BetaGeoBetaBinomFitter().fit(frame.frequency, frame.recency, frame.periods, frame.weights)
    ours = dict(zip(("alpha", "beta", "gamma", "delta"), donations[:4], strict=True))
    for name, value in ours.items():
        assert peer.params_[name] == pytest.approx(value, rel=1e-4)
        assert peer.standard_errors_[name] == pytest.approx(donations.standard_errors[name], rel=1e-3)
    params = [peer.params_[k] for k in ("alpha", "beta", "gamma", "delta")]
    x, tx, n = frame.frequency.to_numpy(), frame.recency.to_numpy(), frame.periods.to_numpy()
    np.testing.assert_allclose(
        m.bgbb_p_alive(*params, x, tx, n), peer.conditional_probability_alive(1, x, tx, n), rtol=1e-10
    )
    np.testing.assert_allclose(
        m.bgbb_expected(*params, 10, x, tx, n),
        peer.conditional_expected_number_of_purchases_up_to_time(10, x, tx, n),
        rtol=1e-10,
    )
