"""BGNBD_EXPECTED where the hypergeometric series cannot vouch for ten digits: the quadrature of
E_p[(1 - (1 + p t / (alpha + T))^-(r + x)) / p], p ~ Beta(a, b + x) (xl_retention/models/_beta_quadrature.py).

Expected values: mpmath at 50 digits (80 agree to 1e-48) of FHL (2005) eq. 10 through Pfaff's form,
(a + b + x - 1) / (a - 1) [1 - 2F1(r + x, a - 1; a + b + x - 1; -t / (alpha + T))] x P(alive). Before: refused
('cannot be computed in floating point', 'did not converge in 200000 terms') or wrong from the 9th digit on.
"""

from __future__ import annotations

import pytest

import xl_retention as xr

# (r, alpha, a, b, t, x, t_x, T), mpmath
REFUSED = [
    # H140's finding 01: Euler's series cancelled, the direct one would take ~200,000 terms
    ((90.87036417480323, 3.9327813904313143, 1.001, 0.4536309006126919, 4115.449914999465, 0, 0, 0), 6.170886572292044),
    (
        (
            2.2608887216967593,
            0.10101168120055047,
            3871.042626282835,
            33.316314865384896,
            6609.906083247112,
            90,
            0.5758827972752735,
            1,
        ),
        1.050105545722471e-21,
    ),
    # a random sweep against mpmath (H147): refused
    (
        (
            363.77363029249716,
            54.18513781470455,
            0.008583785455102353,
            0.008042540940845106,
            206.38899565890154,
            0,
            0.0,
            1.8891519768349883,
        ),
        611.72924887221395,
    ),
    (
        (
            99.67095347744238,
            0.020419430937920237,
            4176.007893252344,
            3176.8532034027885,
            447.51468189857195,
            0,
            0.0,
            0.0,
        ),
        1.7609214843730535,
    ),
    (
        (
            0.0011447463718876824,
            6.894986958603643,
            51.688055181002525,
            12705.435318954676,
            45935.72600619017,
            0,
            0.0,
            1.70597022173873,
        ),
        0.88921783428959085,
    ),
    (
        (
            0.01677233719661407,
            0.6548213518440128,
            4.897904647707238,
            2463.416461568654,
            15643.345467741525,
            2,
            1.1339601812086892,
            1.3265285227517885,
        ),
        624.90166762806009,
    ),
    (
        (
            286.62202264955914,
            50.122926518465746,
            0.03545667561615176,
            0.605107363414983,
            66573.99871991618,
            72,
            48.404436599646814,
            90.84464504426414,
        ),
        4.3858936599932255e-48,
    ),
    (
        (
            436.44290823872234,
            0.08294665892134394,
            12506.463350922053,
            0.33582695920969663,
            7913.841891862245,
            0,
            0.0,
            0.0,
        ),
        1.0000268544195274,
    ),
]

WRONG = [
    # H140's finding 02: 26.261092290 (5.9e-9): 5 digits cancelled against the drift of 30,000 running products
    (
        (0.03407005162842668, 0.6361175566948472, 0.5425194308641793, 70916.6804750735, 491.80462236863457, 0, 0, 0),
        26.26109213564668,
    ),
    # a random sweep against mpmath (H147): 1.9e-9, 2.0e-10 and 4.1e-10 off
    (
        (
            1.7675069627240863,
            0.4585083237734067,
            0.0192848413402781,
            57464.9860656275,
            2733.8948091355333,
            0,
            0.0,
            2.2263674168030017,
        ),
        1798.9446792693278,
    ),
    (
        (
            0.014151168439339366,
            16.666042210165415,
            4.05799109223436,
            45536.006251618885,
            3765.5010520788733,
            0,
            0.0,
            0.0,
        ),
        3.1651910082958867,
    ),
    # the expansion at z = 1 (long t): interpolated across a - 1 - r - x = -1 with a = 2.5e-6 moved a below 0 and
    # gave 1.0079283230064053; with shapes of 1e5 its gammaln logs were 1.9e-7, 7.6e-9 and 2.5e-9 off
    (
        (
            1.8930652298402219e-06,
            0.5270511019100681,
            2.480583365201246e-06,
            3.959107814830129e-05,
            7818.595774576938,
            0,
            0.0,
            0.0,
        ),
        0.026427594169726036,
    ),
    (
        (
            1.887196207653329e-06,
            0.0007684292486508054,
            0.0002138696719197837,
            139373.8110586807,
            99919.92179084594,
            0,
            0.0,
            0.0,
        ),
        245.11714435941365,
    ),
    (
        (
            6.860739371189566e-06,
            0.0012925315561269886,
            340.5398640252576,
            557.5148030694513,
            43819.81142391409,
            0,
            0.0,
            0.0,
        ),
        0.00029664148776150838,
    ),
    (
        (
            2.7913703354890096e-06,
            0.14239939506180002,
            63.04796596509351,
            7.297545988296776e-06,
            135367.4537328213,
            0,
            0.0,
            24.842217641266974,
        ),
        2.3999002409833912e-5,
    ),
    # a + b = 1 for a new customer: a + b + x - 1 = 0 times the series gave 0.0
    ((1.0, 1.0, 0.3, 0.7, 0.5, 0, 0, 0), 0.44273374664777806),
]


@pytest.mark.parametrize(("args", "expected"), REFUSED + WRONG)
def test_bgnbd_expected_against_mpmath(args: tuple[float, ...], expected: float) -> None:
    assert xr.bgnbd_expected(*args) == pytest.approx(expected, rel=1e-11, abs=0)


def test_bgnbd_expected_of_several_customers_takes_the_quadrature_for_some_only() -> None:
    args = [list(v) for v in zip(*(case[0] for case in WRONG[:2]), strict=True)]
    cdnow = (0.243, 4.414, 0.793, 2.426, 39, 2, 30.43, 38.86)
    columns = [column + [value] for column, value in zip(args, cdnow, strict=True)]
    got = xr.bgnbd_expected(*columns)
    assert got.tolist() == pytest.approx([26.26109213564668, 1798.9446792693278, 1.2260281747671444], rel=1e-11, abs=0)


def test_bgnbd_p_alive_of_a_long_silence_is_not_floored() -> None:
    # 340 purchases by 1 of 38.86 weeks: 1 / (1 + e^703); was floored at 1 / (1 + e^700) = 9.9e-305
    got = xr.bgnbd_p_alive(0.243, 4.414, 0.793, 2.426, 340, 1, 38.86)
    assert got == pytest.approx(3.1165694023594417e-305, rel=1e-11, abs=0)


def test_bgnbd_expected_of_numbers_far_apart_is_refused_not_a_traceback() -> None:
    # r 1e300 beside b 1e-300: the quadrature divided by 0 (ZeroDivisionError) or scipy said "Infinity inputs cannot
    # be used with break points."
    from xl_retention.errors import OutOfRangeError

    for args in [(1e300, 1e12, 1e12, 1e-300, 1.0, 0, 0, 0), (1e-300, 1e-300, 1e300, 1e300, 1e300, 0, 0, 0)]:
        with pytest.raises(OutOfRangeError, match="cannot be computed in floating point"):
            xr.bgnbd_expected(*args)


# a = 1e-8: Euler's ratio (a + k - 1) ... is 1e-8 at k = 1 only, and the series stopped there (8e-10, 1.2e-9 off);
# a = b = 1e-8: C + 1 = 2e-8 carried 5e-9 of itself (4.8e-9 off). mpmath, 50 digits.
SMALL_A = [
    ((1.0, 10.0, 1e-08, 3.0, 39.0, 0, 0.0, 0.0), 3.899999970660161),
    ((1.0, 10000.0, 1e-08, 3.0, 100000.0, 0, 0.0, 0.0), 9.999999869854673),
    ((0.001, 10000.0, 1e-08, 3.0, 100000.0, 3, 20.0, 38.0), 29.896393249553707),
    ((3.0, 10.0, 1e-08, 1e-08, 39.0, 0, 0.0, 0.0), 6.345749950368252),
    ((3.0, 10.0, 1e-08, 0.001, 39.0, 3, 20.0, 38.0), 4.874999559867032),
]


@pytest.mark.parametrize(("args", "expected"), SMALL_A)
def test_bgnbd_expected_with_a_near_0(args: tuple[float, ...], expected: float) -> None:
    assert xr.bgnbd_expected(*args) == pytest.approx(expected, rel=1e-11, abs=0)
