"""BGBB_EXPECTED and BGBB_DERT with alpha + beta or gamma + delta between 1e3 and 1e6: ln B(a + u, b + v) - ln B(a, b)
as a difference of scipy's betaln lost digits there (2.2e-10 relative at alpha + beta = 1.95e5, 4e-11 at 3.4e4);
now the rising products' ratio from 1e3 on, as the sBG's. Expected values: mpmath at 40 digits (80 agree to 1e-36)
of FHS 2010 eq. 13 and 14 with the likelihood of eq. 5."""

from __future__ import annotations

import pytest

import xl_retention as xr

CASES = [
    # (alpha, beta, gamma, delta, n*, x, t_x, n): mpmath; before
    ((1.204, 0.750, 6570.0, 27830.0, 5, 3, 4, 6), 0.3562592174188773),  # 0.3562592174314711
    ((12040.0, 7500.0, 6570.0, 27830.0, 5, 3, 4, 6), 0.47439148258023696),  # 0.47439148260013164
    ((120000.0, 75000.0, 0.657, 2.783, 5, 3, 4, 6), 1.3212388287385285),  # 1.3212388290288597
]


@pytest.mark.parametrize(("args", "expected"), CASES)
def test_bgbb_expected_of_large_shapes(args: tuple[float, ...], expected: float) -> None:
    assert xr.bgbb_expected(*args) == pytest.approx(expected, rel=1e-12, abs=0)


def test_bgbb_dert_of_large_shapes_and_of_a_small_rate() -> None:
    # 0.5424922588534175 before (3.9e-11 off)
    got = xr.bgbb_dert(1.204, 0.750, 6570.0, 27830.0, 1e-3, 3, 4, 6)
    assert got == pytest.approx(0.54249225883274337, rel=1e-12, abs=0)
    # below a rate of 1e-3 the sBG's sum (integrated there)
    got = xr.bgbb_dert(1.204, 0.750, 0.00102, 0.00123, 3.55e-4, 3, 4, 6)
    assert got == pytest.approx(1476.2523126688164, rel=1e-12, abs=0)
    assert round(xr.bgbb_dert(1.204, 0.750, 0.657, 2.783, 0.1, 3, 4, 6), 4) == 1.6287  # FHS 2010's example
