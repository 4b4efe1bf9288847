"""Metrics of lists, arrays and Series at their edges (H153 findings 19, 20): a result beyond the largest number is
inf without numpy's RuntimeWarning, as for plain numbers (docs/metrics.md "Bad input": in Python, "the value, inf");
a Series beside a (n, 1) column is refused naming the arguments and their shapes, not pandas' 'Data must be
1-dimensional' (numpy crossed them into n x n)."""

from __future__ import annotations

import math
import warnings

import numpy as np
import pandas as pd
import pytest

import xl_retention as xr
from xl_retention.errors import NotANumberError

OVERFLOWING = [
    ("clv list", lambda: xr.clv([1e308], 1, 0.001)),
    ("clv Series", lambda: xr.clv(pd.Series([1e308]), 1, 0.001)),
    ("clv keyword", lambda: xr.clv([1e308], 1, churn_rate=0.001, discount_rate=0.0)),
    ("quick_ratio", lambda: xr.quick_ratio([1e308], [1e308], [1])),
    ("customer_lifetime", lambda: xr.customer_lifetime([5e-324])),
    ("nrr", lambda: xr.nrr([0], [1e308], [1e-300])),
    ("customer_lifetime Series", lambda: xr.customer_lifetime(pd.Series([5e-324]))),
]


@pytest.mark.parametrize("call", [c for _, c in OVERFLOWING], ids=[n for n, _ in OVERFLOWING])
def test_an_overflow_is_inf_without_a_warning(call) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        result = call()
    assert float(pd.Series(result).iloc[0]) == math.inf


def test_counts_whose_sum_overflows_are_refused_without_a_warning() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(xr.OutOfRangeError, match=r"^promoters \+ detractors \(1e\+308 \+ 1e\+308\) exceed"):
            xr.metrics.nps_moe_defined([1e308], [1e308], [3.0])


def test_plain_numbers_stay_silent_and_exact() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert xr.clv(1e308, 1, 0.001) == math.inf
        assert xr.quick_ratio(1e308, 1e308, 1) == math.inf
    assert xr.clv(100, 0.8, 0.05) == 1600.0
    assert xr.clv([100.0, 50.0], 0.8, 0.05, discount_rate=0.0).tolist() == [1600.0, 800.0]


def test_a_series_beside_a_column_names_both_shapes() -> None:
    with pytest.raises(NotANumberError) as caught:
        xr.crr(pd.Series([5, 5, 5]), np.zeros((3, 1)), 10)
    assert str(caught.value) == (
        "customers_end is a Series (shape (3,)) and customers_gained has shape (3, 1): a Series' result has one value "
        "per label, so give customers_gained as one column (a 1-D array, e.g. array.ravel(), or df[column])"
    )
    assert caught.value.argument == "customers_gained"
    with pytest.raises(
        NotANumberError, match=r"^lost_mrr is a Series \(shape \(2,\)\) and start_mrr has shape \(2, 1\)"
    ):
        xr.gross_revenue_churn(pd.Series([1.0, 2.0]), np.array([[10.0], [20.0]]))


def test_arrays_of_two_dimensions_without_a_series_still_broadcast() -> None:
    got = xr.gross_revenue_churn(np.array([1.0, 2.0]), np.array([[10.0], [20.0]]))
    assert got.tolist() == [[0.1, 0.2], [0.05, 0.1]]
