"""Process-wide numeric settings are left as they were found, by the library and by the tests (H458).

test_models_paretonbd::test_paretonbd_clv_with_gammagamma_agrees_with_lifetimes failed once in a full run (-n auto
--dist loadfile), never alone or beside its neighbours: state left by an earlier test file in the same xdist worker
was suspected. test_models_paretonbd_ridge_speed set ``mpmath.mp.dps = 40`` and left it for every later file of its
worker; lifetimes' Pareto/NBD search started from a draw of numpy's global random state (now a fixed start,
test_models_paretonbd.START). The library itself changes none of these settings (``np.errstate``,
``decimal.localcontext`` inside) and gives the same figures whatever a caller set; tests/conftest.py's
``_numeric_state_kept`` fails any test that leaves such a change behind.
"""

from __future__ import annotations

import contextlib
import decimal
import importlib
from collections.abc import Iterator

import mpmath
import numpy as np
import pytest

import xl_retention as xr
from xl_retention.recalculation.excel_functions import payments

REGULAR = [1000, 631, 468, 382, 326, 289, 262, 241]  # Fader & Hardie 2007, years 0-7
FREQUENCY = [1, 1, 1, 9, 8, 1, 1, 0, 3, 2, 1, 2]
RECENCY = [1, 10, 2, 25, 10, 12, 1, 0, 13, 28, 11, 28]
AGE = [38, 33, 39, 28, 34, 32, 37, 29, 37, 34, 38, 33]
SPEND = ([6, 5, 4, 2, 3, 1, 1, 1, 2, 6, 0], [22.6, 22.3, 81.2, 32.6, 21.7, 36.8, 52.7, 5.4, 14.4, 24.8, 0.0])


@contextlib.contextmanager
def callers_settings() -> Iterator[None]:
    """A caller's own settings, unlike the defaults: numpy raising on every floating-point event, mpmath at 30
    digits, decimal at 10 digits rounding down. Restored afterwards whatever happens."""
    err, prec, context = np.geterr(), mpmath.mp.prec, decimal.getcontext().copy()
    np.seterr(all="raise")
    mpmath.mp.dps = 30
    decimal.setcontext(decimal.Context(prec=10, rounding=decimal.ROUND_DOWN))
    try:
        yield
    finally:
        np.seterr(**err)
        mpmath.mp.prec = prec
        decimal.setcontext(context)


def figures() -> list[object]:
    """Fits, lifetime values and a payment, each computed by the library."""
    return [
        tuple(xr.sbg_fit(REGULAR)),
        tuple(xr.bdw_fit(REGULAR)),
        tuple(xr.bgnbd_fit(FREQUENCY, RECENCY, AGE)),
        tuple(xr.gammagamma_fit(*SPEND)),
        xr.paretonbd_clv(0.553, 10.578, 0.606, 11.669, 2, 30.43, 38.86, 35.0, 1.0, 12, 0.01, 4.345),
        xr.sbg_clv(50.0, 0.704, 1.182, 0.1),
        payments.pmt(0.08 / 12, 10, 10000),
    ]


def test_the_library_leaves_a_callers_numeric_settings_and_gives_the_same_figures_under_them() -> None:
    plain = figures()
    assert (round(plain[0][0], 3), round(plain[0][1], 3)) == (0.704, 1.182)  # Fader & Hardie 2007's estimates
    assert plain[-1] == -1037.0320893591522  # Excel's stored =PMT(0.08/12,10,10000)
    with callers_settings():
        chosen = figures()
        assert np.geterr() == {"divide": "raise", "over": "raise", "under": "raise", "invalid": "raise"}
        assert (mpmath.mp.dps, decimal.getcontext().prec, decimal.getcontext().rounding) == (
            30,
            10,
            decimal.ROUND_DOWN,
        )
    assert chosen == plain


@pytest.mark.filterwarnings("ignore:divide by zero encountered in log:RuntimeWarning")  # inside lifetimes
def test_the_lifetimes_agreement_after_the_mpmath_check_in_one_process() -> None:
    """The mpmath check that set mp.dps = 40, then the lifetimes agreement, in this process: mpmath is back at its 15
    digits between them (it stayed at 40 for the rest of the worker) and the agreement holds after it."""
    pytest.importorskip("lifetimes", reason="lifetimes is not installed (pip install lifetimes)")
    ridge = importlib.import_module("test_models_paretonbd_ridge_speed")
    paretonbd = importlib.import_module("test_models_paretonbd")
    ridge.test_the_2f1_near_z_one_matches_mpmath(250.0, 251.6, 5.5e-7)
    assert (mpmath.mp.dps, mpmath.mp.prec) == (15, 53)
    paretonbd.test_paretonbd_clv_with_gammagamma_agrees_with_lifetimes()
