"""Special functions the models need where scipy's are not accurate enough."""

from __future__ import annotations

import math

import numpy as np

from ..errors import OutOfRangeError


def _sbg_hyp2f1(alpha: np.ndarray, beta: np.ndarray, z: np.ndarray) -> np.ndarray:
    """2F1(1, beta; alpha + beta; z) for 0 < z < 1, by Gauss's continued fraction.

    2F1(1, b; a + b; z) = 1 / (1 - m1 z / (1 - m2 z / (1 - m3 z / ...))) with
    m1 = b / (a + b), m_2i = i (a + i - 1) / ((a + b + 2i - 2)(a + b + 2i - 1)) and
    m_2i+1 = (a + b + i - 1)(b + i) / ((a + b + 2i - 1)(a + b + 2i)): a Stieltjes fraction
    (every m > 0), which converges for every z < 1 and is evaluated forward (modified
    Lentz) until a step changes nothing. scipy.special.hyp2f1 returns inf or NaN for
    b >= 100 and z > 0.9 (scipy 1.17), which DERL reaches after 100 renewals at a discount
    under 11%. Steps grow like 14 / sqrt(1 - z) (1,400 at a discount rate of 1e-4, 14,000
    at 1e-6); the relative error stays near 1e-14 for d >= 0.01, 1e-11 at d = 1e-5 and
    1e-9 at d = 1e-6 (against mpmath), where the function itself is ill-conditioned in z.
    """
    a, b, zz = (np.array(v, dtype=np.float64).ravel() for v in np.broadcast_arrays(alpha, beta, z))
    out = np.full(a.shape, np.nan)
    todo = np.flatnonzero(~(np.isnan(a) | np.isnan(b) | np.isnan(zz)))
    a, b, zz = a[todo], b[todo], zz[todo]
    s = a + b
    tiny = 1e-300
    # modified Lentz on g = 1 + c1 / (1 + c2 / (1 + ...)), c_j = -m_j z; the function is 1 / g
    f = np.ones(todo.size)
    c_ = np.ones(todo.size)
    d_ = np.zeros(todo.size)
    max_iter = int(50.0 / math.sqrt(max(1.0 - float(np.max(zz, initial=0.0)), 1e-300))) + 1000
    j = 1
    while todo.size and j <= max_iter:
        if j == 1:
            m = b / s
        elif j % 2 == 0:
            i = j // 2
            m = i * (a + i - 1) / ((s + 2 * i - 2) * (s + 2 * i - 1))
        else:
            i = (j - 1) // 2
            m = (s - 1 + i) * (b + i) / ((s - 1 + 2 * i) * (s + 2 * i))
        c = -m * zz
        d_ = 1.0 + c * d_
        d_[d_ == 0] = tiny
        c_ = 1.0 + c / c_
        c_[c_ == 0] = tiny
        d_ = 1.0 / d_
        delta = c_ * d_
        f = f * delta
        done = np.abs(delta - 1.0) <= 1e-14  # converged: delta may stall a few ulps off 1 (seen at 1.2e-15)
        if done.any():
            out[todo[done]] = 1.0 / f[done]
            keep = ~done
            todo, a, b, zz, s, f, c_, d_ = (v[keep] for v in (todo, a, b, zz, s, f, c_, d_))
        j += 1
    if todo.size:  # pragma: no cover - the fraction converges for z < 1; this guards the iteration cap
        raise OutOfRangeError(
            f"the hypergeometric series of DEL/DERL did not converge in {max_iter} steps", "discount_rate"
        )
    return out.reshape(np.broadcast_shapes(np.shape(alpha), np.shape(beta), np.shape(z)))
