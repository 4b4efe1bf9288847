"""sBG and BdW survival for alpha + beta of 1e3 to 1e6: betaln's difference lost digits (1.1e-9 relative at
alpha + beta = 4.8e5, 2.4e-10 at 1e4) where the rising ratio of Stirling's series keeps them. Expected values:
mpmath at 40 digits, B(alpha, beta + t^c) / B(alpha, beta)."""

import pytest

from xl_retention.models import bdw_survival, sbg_churn_probability, sbg_survival


@pytest.mark.parametrize(
    ("alpha", "beta", "t", "expected"),
    [
        (378349.725858083, 103120.46820960229, 7.0, 2.0677488297959455e-05),
        (2500.0, 7500.0, 30.0, 0.00018118438260170507),
    ],
)
def test_sbg_survival_moderate_shapes(alpha, beta, t, expected):
    assert sbg_survival(alpha, beta, t) == pytest.approx(expected, rel=1e-11)


def test_bdw_survival_moderate_shapes():
    got = bdw_survival(285277.5093743092, 137438.85972122935, 0.6562257159507767, 1.0)
    assert got == pytest.approx(0.3251325706059106, rel=1e-11)


def test_sbg_churn_probability_moderate_shapes():
    assert sbg_churn_probability(2500.0, 7500.0, 30.0) == pytest.approx(6.0162167154238636e-05, rel=1e-11)
