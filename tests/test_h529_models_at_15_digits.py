"""Model inputs compared at 15 significant digits as Excel compares them, and BdW refusals naming the BdW (H529 05-07).

- a recency one binary digit above the age (two formulas' weeks, 38.00000000000001 and 38) was refused "recency (38)
  exceeds age (38)" by every BG/NBD and Pareto/NBD function: it is the age now; one really above is refused with the
  digits that tell the two apart;
- SBG_FIT/BDW_FIT with shares refused a cohort size of =0.29*100 ("must be a whole number ..., got 29"), and shares
  869 then 869.0000000000001 per 1,000 as "a rise from 869 to 869": the size is 29 and the counts equal;
- BDW_FIT refused a cohort with no churn naming "the sBG likelihood".
"""

from __future__ import annotations

import pytest

import xl_retention as xr
from xl_retention.cells import CellError, evaluate
from xl_retention.errors import OutOfRangeError
from xl_retention.registry import BY_NAME

BGNBD = (0.243, 4.414, 0.793, 2.426)
PARETO = (0.55, 10.58, 0.61, 11.67)
ABOVE = 38.00000000000001  # 38 at 15 digits, one binary digit above


@pytest.mark.parametrize(
    "function",
    [xr.bgnbd_p_alive, xr.bgnbd_expected, xr.paretonbd_p_alive],
)
def test_recency_equal_to_age_at_15_digits_is_the_age(function) -> None:
    params = BGNBD if function.__name__.startswith("bgnbd") else PARETO
    extra = (10,) if function is xr.bgnbd_expected else ()
    assert function(*params, *extra, 2, ABOVE, 38) == function(*params, *extra, 2, 38, 38)


def test_recency_equal_to_age_at_15_digits_values() -> None:
    assert round(xr.bgnbd_p_alive(*BGNBD, 2, ABOVE, 38), 6) == 0.812041
    assert round(xr.paretonbd_clv(*PARETO, 2, ABOVE, 38, 50), 2) == 405.08
    cell = evaluate(BY_NAME["BGNBD_P_ALIVE"], *BGNBD, 2, ABOVE, 38)
    assert round(cell, 6) == 0.812041


def test_recency_above_age_at_15_digits_is_refused_with_its_digits() -> None:
    with pytest.raises(OutOfRangeError) as raised:
        xr.bgnbd_p_alive(*BGNBD, 2, 38.0000000000001, 38)
    assert str(raised.value) == (
        "recency (38.0000000000001) exceeds T (38): the last purchase cannot come after the end of observation"
    )
    cell = evaluate(BY_NAME["BGNBD_P_ALIVE"], *BGNBD, 2, 38.0000000000001, 38)
    assert isinstance(cell, CellError)
    assert cell.code == "#NUM!"
    assert cell.message.startswith("recency (38.0000000000001) exceeds age (38)")


def test_cohort_size_computed_whole_with_binary_rounding_is_that_number() -> None:
    shares = [1, 0.8, 0.6, 0.5]
    size = 0.29 * 100
    assert size != 29
    for name in ("SBG_FIT", "BDW_FIT"):
        assert evaluate(BY_NAME[name], shares, size) == evaluate(BY_NAME[name], shares, 29)
    fit = xr.sbg_fit(shares, size)
    assert (round(fit.alpha, 4), round(fit.beta, 4)) == (4.4892, 16.255)


def test_shares_equal_at_15_digits_are_no_rise() -> None:
    fit = xr.sbg_fit([1, 0.869, 0.8690000000000001, 0.743, 0.653, 0.593, 0.551], 1000)
    assert fit == xr.sbg_fit([1, 0.869, 0.869, 0.743, 0.653, 0.593, 0.551], 1000)
    assert (round(fit.alpha, 4), round(fit.beta, 4)) == (7.2464, 66.8768)
    with pytest.raises(OutOfRangeError) as raised:
        xr.sbg_fit([1, 0.869, 0.869000000000001, 0.743, 0.653, 0.593, 0.551], 1000)
    assert str(raised.value).startswith(
        "survivors rise from 869 at period 1 to 869.000000000001 at period 2: the customers of a cohort still active"
    )


@pytest.mark.parametrize(
    ("survivors", "reason"),
    [
        ([100, 100, 100, 100], "survivors show no churn at all: the BdW likelihood has no finite maximum"),
        ([100, 0, 0, 0], "survivors show every customer churned in period 1: the BdW likelihood has no finite maximum"),
    ],
)
def test_bdw_refusals_name_the_bdw(survivors, reason) -> None:
    for name in ("BDW_FIT", "BDW_FIT_SE"):
        cell = evaluate(BY_NAME[name], survivors)
        assert isinstance(cell, CellError)
        assert cell.message.startswith(reason)
    sbg = evaluate(BY_NAME["SBG_FIT"], survivors)
    assert sbg.message.startswith(reason.replace("BdW", "sBG"))


@pytest.mark.parametrize("first", [1.0000000000000002, 0.9999999999999999])
def test_share_of_one_at_15_digits_is_one(first: float) -> None:
    """H529's finding 04, its shares: a first share of 1 one binary digit off (a formula's 869/869 summed otherwise)
    was refused 'must lie between 0 and 1, got 1' or 'start at 1 ..., got 1'."""
    shares = [first, 0.869, 0.743, 0.653, 0.593, 0.551]
    assert xr.sbg_fit(shares, 1000) == xr.sbg_fit([1, *shares[1:]], 1000)
    assert evaluate(BY_NAME["SBG_FIT"], shares, 1000) == evaluate(BY_NAME["SBG_FIT"], [1, *shares[1:]], 1000)


@pytest.mark.parametrize(
    ("first", "message"),
    [
        (1.00000000000001, "must lie between 0 and 1, got 1.00000000000001"),
        (0.99999999999999, "start at 1 (everyone is active at period 0), got 0.99999999999999"),
    ],
)
def test_share_off_one_at_15_digits_is_refused_with_its_digits(first: float, message: str) -> None:
    with pytest.raises(OutOfRangeError) as raised:
        xr.sbg_fit([first, 0.869, 0.743, 0.653], 1000)
    assert message in str(raised.value)
