"""SBG_DEL, SBG_DERL and SBG_CLV at discount rates below 1e-3 per period: Gauss's continued fraction drifted
(1.15e-10 and 1.0e-10 relative against mpmath, H147's sweep); now E[1 / (y + z theta)], theta ~ Beta(alpha, beta),
by quadrature (xl_retention/models/_beta_quadrature.py). Expected values: mpmath's 2F1(1, beta; alpha + beta;
1 / (1 + d)) at 40 digits (80 agree to 1e-37)."""

from __future__ import annotations

import pytest

import xl_retention as xr

TINY = (0.0010219224921223205, 0.0012308919689655211, 0.00035534169105901314)
LOYAL = (0.007065472734560735, 149383.11446055467, 1.1573150865976042e-05)


def test_sbg_del_of_small_shapes_at_a_small_discount() -> None:
    # was 1526.193192346121 (1.15e-10 off)
    assert xr.sbg_del(*TINY) == pytest.approx(1526.1931921708009, rel=1e-12, abs=0)
    assert xr.sbg_clv(50, *TINY) == pytest.approx(50 * 1526.1931921708009, rel=1e-12, abs=0)


def test_sbg_del_and_derl_of_a_large_beta_at_a_small_discount() -> None:
    # were 86162.07929428903 and 86162.09367347027 (1.0e-10 and 1.2e-10 off)
    assert xr.sbg_del(*LOYAL) == pytest.approx(86162.079303290995, rel=1e-12, abs=0)
    assert xr.sbg_derl(*LOYAL, 14) == pytest.approx(86162.09368356457, rel=1e-12, abs=0)


def test_sbg_del_at_common_rates_is_unchanged() -> None:
    assert round(xr.sbg_del(0.704, 1.182, 0.10), 6) == 3.695147  # Fader & Hardie 2010's example
    assert xr.sbg_del([0.704, 0.704], [1.182, 1.182], [0.10, 1e-4]).tolist() == pytest.approx(
        [xr.sbg_del(0.704, 1.182, 0.10), 45.06153205145117], rel=1e-13, abs=0
    )


def test_sbg_del_of_tiny_shapes_is_a_value_not_nan() -> None:
    # alpha = beta = 1e-12 at d = 1e-6: the expansion at z = 1 gave NaN, returned as the cell's value
    assert xr.sbg_del(1e-12, 1e-12, 1e-6) == pytest.approx(500000.9999930922668, rel=1e-12, abs=0)
