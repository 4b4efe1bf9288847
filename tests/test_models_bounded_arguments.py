"""Arguments too large for the sums the models run are refused with #NUM! naming them, not a Python failure.

BG/BB sums one likelihood term per opportunity after the last transaction: n_periods of 1e12 was a MemoryError and
1e300 numpy's 'Maximum allowed size exceeded', both #VALUE! 'BGBB_P_ALIVE failed: ...'. BdW's DERL sums period by
period from the renewal on: renewals of 1e300 (periods no longer whole numbers apart as floats) was an IndexError.
"""

import pytest

import xl_retention as xr
from xl_retention.cells import evaluate
from xl_retention.errors import OutOfRangeError
from xl_retention.registry import BY_NAME

BGBB = (1.204, 0.750, 0.657, 2.783)


@pytest.mark.parametrize("n_periods", [1e12, 1e300, 100_001])
def test_bgbb_n_periods_beyond_100000_is_refused(n_periods):
    for name, extra in (("BGBB_P_ALIVE", ()), ("BGBB_EXPECTED", (10,)), ("BGBB_DERT", (0.1,))):
        cell = evaluate(BY_NAME[name], *BGBB, *extra, 3, 5, n_periods)
        assert (cell.code, cell.message) == (
            "#NUM!",
            f"n_periods must be a whole number of transaction opportunities up to 100,000, got {n_periods:g}",
        )
    with pytest.raises(OutOfRangeError, match="n_periods must be a whole number"):
        xr.bgbb_fit([0, 1, 2], [0, 1, 3], [6, 6, n_periods])


def test_bgbb_n_periods_of_100000_is_computed():
    # 3 transactions, the last at opportunity 5, then 99,995 without one: all but surely inactive
    assert 0 <= xr.bgbb_p_alive(*BGBB, 3, 5, 100_000) < 1e-12 < xr.bgbb_p_alive(*BGBB, 3, 5, 6) < 1


def test_bdw_derl_renewals_beyond_1e15_is_refused():
    cell = evaluate(BY_NAME["BDW_DERL"], 0.704, 1.182, 1.2, 0.1, 1e300)
    assert (cell.code, cell.message) == (
        "#NUM!",
        "renewals must be a whole number of renewals from 0 to 1e15, got 1e+300",
    )
    # up to 1e15 the residual lifetime tends to 1 + 1 / d = 11 (a customer that old stays)
    assert xr.bdw_derl(0.704, 1.182, 1.2, 0.1, 1e15) == pytest.approx(11.0, rel=1e-12)
