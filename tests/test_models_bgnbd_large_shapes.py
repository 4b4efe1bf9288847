"""BGNBD_EXPECTED with large a and b (a BG/NBD near its homogeneous limit): values, not #NUM!.

Expected values: 40-digit mpmath evaluations of FHL (2005) eq. 10 through Pfaff's form
1 - 2F1(r + x, a - 1; a + b + x - 1; -t / (alpha + T)); the first two agree with lifetimes' BetaGeoFitter
(0.4407844, 0.4402624, H131's finding)."""

import pytest

from xl_retention import models as m
from xl_retention.errors import OutOfRangeError

CASES = [
    # refused before ('cannot be computed in floating point'): Euler's series blew up or cancelled
    ((0.243, 4.414, 1e3, 1e3, 39, 2, 30, 38), 0.44078439927031254),
    ((0.243, 4.414, 1e6, 1e6, 39, 2, 30, 38), 0.4402624243697634),
    ((0.243, 4.414, 1e3, 1e3, 1e5, 0, 0, 0), 1.7939066814911169),
    # wrong before in the 6th (1.2e-5 relative) and 9th digit: a short t summed by Euler's series
    ((0.243, 4.414, 1e6, 1e6, 0.01, 0, 0, 38), 5.728820624196572e-05),
    ((0.243, 4.414, 100, 1e5, 1, 0, 0, 38), 0.005729156478935214),
]


@pytest.mark.parametrize(("args", "expected"), CASES)
def test_bgnbd_expected_large_a_b(args: tuple[float, ...], expected: float) -> None:
    assert m.bgnbd_expected(*args) == pytest.approx(expected, rel=1e-10)


def test_bgnbd_expected_converges_to_the_homogeneous_limit_smoothly() -> None:
    values = [m.bgnbd_expected(0.243, 4.414, a, a, 39, 2, 30, 38) for a in (10, 100, 500, 1e3, 1e4, 1e6)]
    assert all(later < earlier for earlier, later in zip(values, values[1:], strict=False))


def test_bgnbd_clv_large_a_b() -> None:
    # was #NUM!; mpmath: 35 x sum_{i=1..12} [E(4.345 i) - E(4.345 (i - 1))] / 1.01^i
    got = m.bgnbd_clv(0.243, 4.414, 1e3, 1e3, 2, 30, 38, 35.0, 1.0, 12, 0.01, 4.345)
    assert got == pytest.approx(16.915150493739063, rel=1e-10)


def test_bgnbd_expected_never_returns_a_sum_its_own_terms_cancelled() -> None:
    # r 90.9, a 1.001, b 0.454, t 4,115 of a new customer: Euler's series (A = a + b - 1 - r < 0) lost every digit
    # and gave 1,363,224,101 where mpmath (40 and 80 digits) gives 6.170886572292044; a value or #NUM!, never that
    args = (90.87036417480323, 3.9327813904313143, 1.001, 0.4536309006126919, 4115.449914999465, 0, 0, 0)
    try:
        got = m.bgnbd_expected(*args)
    except OutOfRangeError as error:
        assert "cannot be computed in floating point" in str(error)
    else:
        assert got == pytest.approx(6.170886572292044, rel=1e-9)
