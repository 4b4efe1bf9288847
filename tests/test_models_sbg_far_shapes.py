"""sBG survival and churn probability for alpha and beta of 1e10 to 1e300 (a fit on the geometric edge, or typed):
S(t) = B(alpha, beta + t) / B(alpha, beta) as a difference of betaln lost every digit: alpha = beta = 1e15 gave
S(3) = 1.0, 1e16 2.6e-56, 1e10 0.124993, where S(3) = prod_{i<3} (beta + i) / (alpha + beta + i) = 0.125 (to 1e-15
relative beyond 1e15); now the product's logs (Stirling's series, within 1e-15 of mpmath)."""

import pytest

from xl_retention.cells import evaluate
from xl_retention.registry import BY_NAME


@pytest.mark.parametrize("shape", [1e10, 1e15, 1e16, 1e100, 1e300])
def test_survival_and_churn_of_a_constant_half_churn(shape):
    [[survival]] = evaluate(BY_NAME["SBG_SURVIVAL"], [[shape]], [[shape]], [[3]])
    [[churn]] = evaluate(BY_NAME["SBG_CHURN_PROBABILITY"], [[shape]], [[shape]], [[3]])
    # S(3) = 0.125 (1 + 1.5 / shape), P(T = 3) = 0.125 (1 - 0.5 / shape), to 1e-20 for these shapes
    assert survival == pytest.approx(0.125 * (1 + 1.5 / shape), rel=1e-12)
    assert churn == pytest.approx(0.125 * (1 - 0.5 / shape), rel=1e-12)


def test_one_million_keeps_its_digits():
    # (1e6 (1e6 + 1) (1e6 + 2)) / (2e6 (2e6 + 1) (2e6 + 2)), exact in fractions
    from fractions import Fraction

    exact = Fraction(10**6 * (10**6 + 1) * (10**6 + 2), 2 * 10**6 * (2 * 10**6 + 1) * (2 * 10**6 + 2))
    [[survival]] = evaluate(BY_NAME["SBG_SURVIVAL"], [[1e6]], [[1e6]], [[3]])
    assert survival == pytest.approx(float(exact), rel=1e-13)


@pytest.mark.parametrize("shape", [1e10, 1e15, 1e16])
def test_bdw_survival_and_churn_stay_probabilities(shape):
    # BdW's S(t) = B(alpha, beta + t^c) / B(alpha, beta): with c = 0.5 and t = 4, b (b + 1) / ((a + b)(a + b + 1));
    # the difference of betaln gave 54.6 (1e15) and 6.2e27 (1e16) for about 0.25, and P(T = 3) 6.2e27
    [[survival]] = evaluate(BY_NAME["BDW_SURVIVAL"], [[shape]], [[shape]], [[0.5]], [[4]])
    [[churn]] = evaluate(BY_NAME["BDW_CHURN_PROBABILITY"], [[shape]], [[shape]], [[1]], [[3]])
    assert survival == pytest.approx(0.25 * (1 + 0.5 / shape), rel=1e-12)
    assert churn == pytest.approx(0.125 * (1 - 0.5 / shape), rel=1e-12)


def test_bgbb_ln_beta_ratio_keeps_its_digits_for_large_shapes():
    # ln B(a + u, b + v) - ln B(a, b), mpmath at 50 digits: -4.158884583357797 (betaln's difference: ...581178)
    from xl_retention.models.bgbb import _lbeta_ratio

    assert float(_lbeta_ratio(1e6, 1e6, 3.0, 3.0)) == pytest.approx(-4.158884583357797, rel=1e-14)
    assert float(_lbeta_ratio(1e10, 1e10, 3.0, 300.0)) == pytest.approx(-210.02359351201346, rel=1e-14)


@pytest.mark.parametrize("shape", [1e15, 1e16])
def test_bgbb_expected_transactions_stay_below_the_opportunities(shape):
    # gamma = delta = shape: one dropout probability of 1/2; the limit 0.1451011124922 (shape 1e10 agrees to 1e-12);
    # the difference of betaln gave 0.21 (1e15) and 8.1e54 (1e16) expected transactions in 5 opportunities
    [[expected]] = evaluate(
        BY_NAME["BGBB_EXPECTED"], [[1.204]], [[0.75]], [[shape]], [[shape]], [[5]], [[3]], [[5]], [[6]]
    )
    assert expected == pytest.approx(0.1451011124922, rel=1e-11)


@pytest.mark.parametrize(
    ("name", "arguments"),
    [("SBG_DEL", (1e308, 1e308, 0.1)), ("SBG_DERL", (1e308, 1e308, 0.1, 2)), ("BDW_DEL", (1e308, 1e308, 1.0, 0.1))],
)
def test_shapes_whose_sum_overflows_are_refused(name, arguments):
    # alpha + beta = inf: SBG_DEL 1.0, SBG_DERL 0.0, BDW_DEL 1.0 with status ok, for 1.8333, 0.9167, 1.8333
    [[error]] = evaluate(BY_NAME[name], *[[[a]] for a in arguments])
    assert error.code == "#NUM!"
    assert error.message == (
        "alpha + beta is beyond the largest number a cell holds (about 1.8E+308): alpha = 1e+308, beta = 1e+308"
    )


def test_shapes_of_1e307_are_a_constant_half_churn():
    [[lifetime]] = evaluate(BY_NAME["SBG_DEL"], [[1e307]], [[1e307]], [[0.1]])
    assert lifetime == pytest.approx(1.1 / 0.6, rel=1e-12)
