"""SBG_SURVIVAL, SBG_CHURN_PROBABILITY and BDW_SURVIVAL at long times: betaln(alpha, beta + t) - betaln(alpha, beta)
lost digits as t grew (2.0e-7 relative at t = 5.8e7), and the rising products' ratio by t, taken for alpha + beta
above 1e3, lost all of them for t^c = 1.8e14 (BdW gave 1.0 for 0.931). Now ln S(t) by two ratios
ln(Gamma(y + delta) / Gamma(y)) whose delta is the smaller of t and alpha (sbg._log_survival_far). Expected values:
mpmath at 40 digits (80 agree to 1e-39) of B(alpha, beta + t^c) / B(alpha, beta) and B(alpha + 1, beta + t - 1) /
B(alpha, beta)."""

from __future__ import annotations

import pytest

import xl_retention as xr


def test_sbg_survival_and_churn_far_out() -> None:
    # were 3.7643357057986103e-19 and 2.8799176784926775e-26
    got = xr.sbg_survival(4.462735017444177, 4337.66648912517, 58327992)
    assert got == pytest.approx(3.7643349472864185e-19, rel=1e-12, abs=0)
    got = xr.sbg_churn_probability(4.462735017444177, 4337.66648912517, 58327992)
    assert got == pytest.approx(2.8799174952696233e-26, rel=1e-12, abs=0)
    # Fader & Hardie's regular cohort after 100,000 periods: was 0.0003130819992034429 (1.8e-10 off)
    assert xr.sbg_survival(0.704, 1.182, 100_000) == pytest.approx(0.00031308199925845642, rel=1e-12, abs=0)
    assert xr.sbg_churn_probability(0.704, 1.182, 100_000) == pytest.approx(2.2040932633297938e-9, rel=1e-12, abs=0)


def test_bdw_survival_far_out() -> None:
    got = xr.bdw_survival(0.0032662521220719284, 61646.27477385805, 2.8133678008064225, 117468)
    assert got == pytest.approx(0.93122941650068456, rel=1e-12, abs=0)  # was 1.0
    assert xr.bdw_survival(0.3, 0.2, 2.0, 300) == pytest.approx(0.01260114162083635, rel=1e-12, abs=0)


def test_short_times_keep_their_published_values() -> None:
    assert xr.sbg_survival(0.704, 1.182, [0, 1, 2, 7, 100, 101]).tolist()[:4] == pytest.approx(
        [1.0, 0.626723, 0.4738, 0.2391], abs=1e-4
    )
    # S(t) - S(t + 1) = P(T = t + 1) across the switch at t = 1000
    s = xr.sbg_survival(0.704, 1.182, [1000, 1001])
    assert s[0] - s[1] == pytest.approx(xr.sbg_churn_probability(0.704, 1.182, 1001), rel=1e-12)
