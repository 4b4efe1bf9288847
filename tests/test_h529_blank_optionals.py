"""A blank where an optional argument or a cohort size goes, and a rate one binary digit past its bound (H529).

- ``paretonbd_clv`` with ``months`` NaN gave a lifetime value of 0.0 (no horizon summed nothing): NaN, as bgnbd_clv;
- an optional argument given as None (``clv(50, 0.7, 0.03, None)``) gave NaN where a blank Excel cell takes the
  default: the default now (a blank element of a Series stays a blank input: NaN for that element);
- ``=SBG_FIT(B2:E3, A2:A3)`` with a blank size beside a filled cohort row was ``#NUM!`` "got nan"; a size column
  blank in every row (the argument left empty) the same: ``#VALUE!`` naming the row, and the fit without sizes;
- a rate of 199.60000000000002 / 199.6 (1 in Excel, which compares at 15 digits) was refused "between 0 and 1, got 1".
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

import xl_retention as xr
from xl_retention.cells import CellError, evaluate
from xl_retention.errors import OutOfRangeError
from xl_retention.registry import BY_NAME

PARETO = (0.55, 10.58, 0.61, 11.67, 2, 30, 38, 50)
BGNBD = (0.243, 4.414, 0.793, 2.426, 2, 30, 38, 50)


def test_paretonbd_clv_blank_months_is_blank_not_zero() -> None:
    whole = xr.paretonbd_clv(*PARETO)
    assert round(whole, 4) == 354.0766
    assert math.isnan(xr.paretonbd_clv(*PARETO, 1.0, math.nan))
    by_customer = xr.paretonbd_clv(*PARETO, months=pd.Series([12, np.nan], index=["a", "b"]))
    assert by_customer.loc["a"] == whole
    assert math.isnan(by_customer.loc["b"])


@pytest.mark.parametrize(
    ("call", "default"),
    [
        (lambda: xr.clv(50, 0.7, 0.03, None), lambda: xr.clv(50, 0.7, 0.03)),
        (lambda: xr.bgnbd_clv(*BGNBD, None), lambda: xr.bgnbd_clv(*BGNBD)),
        (lambda: xr.bgnbd_clv(*BGNBD, months=None, periods_per_month=None), lambda: xr.bgnbd_clv(*BGNBD)),
        (lambda: xr.paretonbd_clv(*PARETO, discount_rate=None), lambda: xr.paretonbd_clv(*PARETO)),
        (lambda: xr.paretonbd_clv(*PARETO, 1.0, None), lambda: xr.paretonbd_clv(*PARETO)),
    ],
)
def test_optional_argument_none_takes_its_default(call, default) -> None:
    assert call() == default()


def test_optional_argument_none_values() -> None:
    assert xr.clv(50, 0.7, 0.03, None) == pytest.approx(1166.6666666666667, rel=1e-15)
    assert round(xr.bgnbd_clv(*BGNBD, margin=None), 4) == 288.7116
    # a blank element of a Series is a blank input, as pandas: NaN for that element only
    s = xr.clv(pd.Series([50.0, 60.0]), 0.7, pd.Series([0.03, 0.03]), pd.Series([0.01, np.nan]))
    assert s.iloc[0] == pytest.approx(883.75, rel=1e-15)
    assert math.isnan(s.iloc[1])


def test_sbg_fit_blank_cohort_size_beside_a_cohort_is_value_error_naming_the_row() -> None:
    shares = [[1, 0.869, 0.743, 0.65], [1, 0.8, 0.7, None]]
    for name in ("SBG_FIT", "BDW_FIT", "SBG_FIT_SE"):
        result = evaluate(BY_NAME[name], shares, [[1000], [None]])
        assert isinstance(result, CellError)
        assert result.code == "#VALUE!"
        assert result.message == (
            "cohort_size is blank in cohort row 2 beside its survivors: give each cohort's size (customers at "
            "period 0), or leave the whole size column empty to give survivors as counts"
        )


def test_sbg_fit_size_column_blank_in_every_row_is_the_argument_left_out() -> None:
    counts = [[1000, 869, 743, 650], [500, 400, 350, None]]
    for name in ("SBG_FIT", "BDW_FIT"):
        omitted = evaluate(BY_NAME[name], counts)
        assert not isinstance(omitted, CellError)
        assert evaluate(BY_NAME[name], counts, [[None], [None]]) == omitted
    fit = xr.sbg_fit(np.array(counts, dtype=float), [np.nan, np.nan])
    plain = xr.sbg_fit(np.array(counts, dtype=float))
    assert (fit.alpha, fit.beta) == (plain.alpha, plain.beta)
    # shares with no size at all: the message says a curve of shares needs its sizes
    result = evaluate(BY_NAME["SBG_FIT"], [[1, 0.869, 0.743, 0.65], [1, 0.8, 0.7, None]], [[None], [None]])
    assert isinstance(result, CellError)
    assert result.code == "#NUM!"
    assert "needs its cohort size" in result.message


def test_rate_past_one_by_a_binary_digit_is_one_as_excel_compares() -> None:
    churn = 199.60000000000002 / 199.6
    assert churn > 1
    assert xr.customer_lifetime(churn) == 1.0
    assert xr.clv(50, 0.7, churn) == 35.0
    assert xr.clv(50, churn, 0.03) == xr.clv(50, 1.0, 0.03)
    assert xr.sbg_del(2, 3, churn) == xr.sbg_del(2, 3, 1.0)
    assert xr.customer_lifetime(np.array([churn, 0.5])).tolist() == [1.0, 2.0]
    s = xr.customer_lifetime(pd.Series([0.5, churn], index=["x", "y"]))
    assert s.tolist() == [2.0, 1.0]


@pytest.mark.parametrize(("rate", "shown"), [(1.00000000000001, "1.00000000000001"), (1.0000001, "1.0000001")])
def test_rate_past_one_at_15_digits_is_refused_showing_its_digits(rate: float, shown: str) -> None:
    with pytest.raises(OutOfRangeError) as raised:
        xr.customer_lifetime(rate)
    assert str(raised.value) == f"churn_rate must be a rate between 0 and 1, got {shown}"
