"""Models' hypergeometric functions near z = 1: a long horizon t of BG/NBD, alpha and beta far apart in Pareto/NBD.

The expected values are mpmath's (50 to 400 digits) of the papers' formulas: Fader, Hardie & Lee 2005 eq. 10 for
BG/NBD, the Fader & Hardie 2005 note's eq. 18 and 41 for Pareto/NBD (2F1 of mpmath, not of this package). The work
is bounded by counting the lines run inside xl_retention.models (never by a clock): the series and continued
fractions used to take millions of steps (minutes) there, or refused after 200,000 terms.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import xl_retention as xr
from xl_retention.cells import evaluate
from xl_retention.registry import BY_NAME

MODELS = str(Path(xr.__file__).parent / "models")


def bounded(function, *args, lines: int = 50_000):
    """function(*args), failing once more than ``lines`` lines of xl_retention/models have run."""
    count = 0

    def local(frame, event, arg):
        nonlocal count
        if event == "line":
            count += 1
            if count > lines:
                raise AssertionError(f"more than {lines} lines of xl_retention.models ran")
        return local

    def calls(frame, event, arg):
        return local if frame.f_code.co_filename.startswith(MODELS) else None

    previous = sys.gettrace()
    sys.settrace(calls)
    try:
        return function(*args)
    finally:
        sys.settrace(previous)


def test_paretonbd_alpha_far_above_beta_is_computed_in_few_steps():
    # alpha = 1e300: 1 - z = 5e-300, the continued fraction's steps grow like 14 / sqrt(1 - z)
    got = bounded(xr.paretonbd_expected, 0.553, 1e300, 0.606, 11.669, 39, 2, 30.43, 38.86)
    assert got == pytest.approx(7.41003365131996e-299, rel=1e-12)
    got = bounded(xr.paretonbd_expected, 0.553, 1e12, 0.606, 11.669, 39, 2, 30.43, 38.86)
    assert got == pytest.approx(7.41003365102325e-11, rel=1e-12)
    # fitted parameters at the search's edges (e^18, e^-18): 1 - z = 1.5e-8 at t_x = 1, still the fraction
    got = xr.paretonbd_expected(0.553, 6.6e7, 0.606, 1.5e-8, 39, 3, 1, 38.86)
    assert got == pytest.approx(1.82003081602579e-7, rel=1e-12)
    got = bounded(xr.paretonbd_expected, 1.0, 1e9, 2.0, 0.5, 39, 0, 0, 38.86)  # c - 1 - b a whole number
    assert got == pytest.approx(3.16122250515753e-12, rel=1e-10)


def test_paretonbd_beta_far_above_alpha():
    # beta = 1e300: lifetimes have no end, E = t (r + x) / (alpha + T); was -0.0 (ln(beta + T) - ln(beta + T + t))
    got = bounded(xr.paretonbd_expected, 0.553, 10.578, 0.606, 1e300, 39, 2, 30.43, 38.86)
    assert got == pytest.approx(2.0139771026336018, rel=1e-12)
    got = bounded(xr.paretonbd_expected, 0.3, 2.0, 0.606, 1e15, 39, 5, 10, 38.86)
    assert got == pytest.approx(5.05873715124248, rel=1e-12)
    # the worksheet function: a number, not #NUM! after minutes
    assert bounded(evaluate, BY_NAME["PARETONBD_EXPECTED"], 0.553, 10.578, 0.606, 1e300, 39, 2, 30.43, 38.86) == (
        pytest.approx(2.0139771026336018, rel=1e-12)
    )


def test_bgnbd_expected_over_a_long_horizon():
    # t = 1e6 against alpha + T = 43.3: refused as 'did not converge in 200000 terms' after seconds
    got = bounded(xr.bgnbd_expected, 0.243, 4.414, 0.793, 2.426, 1e6, 2, 30.43, 38.86)
    assert got == pytest.approx(87.3280400465106, rel=1e-10)
    got = bounded(xr.bgnbd_expected, 0.243, 4.414, 0.793, 2.426, 1e300, 2, 30.43, 38.86)
    assert got == pytest.approx(7.36501272355935e62, rel=1e-10)
    # a - 1 - r - x a whole number (a = 2, r = 1, x = 0): the two terms' poles cancel
    got = bounded(xr.bgnbd_expected, 1.0, 4.414, 2.0, 50.0, 1e5, 0, 0, 38.86)
    assert got == pytest.approx(47.2943491220957, rel=1e-10)
    # a = 1 exactly (the bracket's limit) beside a = 1 + 1e-9
    one = bounded(xr.bgnbd_expected, 0.243, 4.414, 1.0, 2.426, 1e5, 2, 30.43, 38.86)
    near = bounded(xr.bgnbd_expected, 0.243, 4.414, 1.0 + 1e-9, 2.426, 1e5, 2, 30.43, 38.86)
    assert one == pytest.approx(near, rel=1e-8)
    # the paper's value over 39 weeks is unchanged (FHL 2005, p. 280: 1.226)
    assert round(xr.bgnbd_expected(0.243, 4.414, 0.793, 2.426, 39, 2, 30.43, 38.86), 3) == 1.226


def test_bgnbd_clv_of_ten_years_in_days():
    # 120 months of 30 days for a customer of 5 days: each month's series took ~40 / (1 - z) terms (14 s)
    got = bounded(xr.bgnbd_clv, 0.243, 4.414, 0.793, 2.426, 2, 3, 5, 35.0, 1.0, 120, 0.01, 30, lines=2_000_000)
    assert got == pytest.approx(769.4586830119448, rel=1e-9)


def test_bgnbd_expected_with_b_far_above_the_rest():
    # b = 1e300: nobody drops out, E = t (r + x) / (alpha + T) = 2.0215; the series in z cancelled to -5.6e284
    got = bounded(xr.bgnbd_expected, 0.243, 4.414, 0.793, 1e300, 39, 2, 30.43, 38.86)
    assert got == pytest.approx(39 * 2.243 / 43.274, rel=1e-14)
    got = bounded(xr.bgnbd_expected, 0.243, 4.414, 0.793, 1e12, 39, 2, 30.43, 38.86)
    assert got == pytest.approx(2.02146785598248, rel=1e-12)  # mpmath, 60 digits
    # a tiny horizon: (r + x) t / (alpha + T) to first order, was -3.3e-302
    got = bounded(xr.bgnbd_expected, 0.243, 4.414, 0.793, 2.426, 1e-300, 2, 30.43, 38.86)
    assert got == pytest.approx(3.766039036583051e-302, rel=1e-12)
    got = bounded(xr.bgnbd_expected, 0.243, 4.414, 0.793, 2.426, 10, 2, 30.43, 38.86)
    assert got == pytest.approx(0.3569733602656498, rel=1e-12)


def test_bgnbd_expected_with_a_of_1e12_is_the_direct_series():
    # was refused (Euler's terms grow without bound); 2F1 summed as it stands: mpmath (40 digits) 1.6085766229016183e-12
    got = bounded(xr.bgnbd_expected, 0.243, 4.414, 1e12, 2.426, 39, 2, 30.43, 38.86)
    assert got == pytest.approx(1.6085766229016183e-12, rel=1e-12)


def test_bgnbd_expected_with_r_of_1e12_is_computed_at_once():
    # the series' terms grow without bound (refused as 'cannot be computed in floating point'): now the quadrature
    # of E_p[(1 - (1 + p u)^-(r + x)) / p]; mpmath's quadrature of that integral at 40 digits: 2806.6878594334441
    got = bounded(xr.bgnbd_expected, 1e12, 4.414, 0.793, 2.426, 39, 0, 0, 38.86)
    assert got == pytest.approx(2806.6878594334441, rel=1e-10)
    # with 2 purchases by 30.43 of 38.86 the chance of being alive is e^(-2.4e11): 0 in a cell, not #NUM!
    args = [1e12, 4.414, 0.793, 2.426, 39, 2, 30.43, 38.86]
    assert bounded(xr.bgnbd_expected, *args) == 0.0
    cell = bounded(evaluate, BY_NAME["BGNBD_CLV"], *args[:4], 2, 30.43, 38.86, 35.0)
    assert cell == 0.0
