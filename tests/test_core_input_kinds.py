"""The core's inputs as pandas/numpy users pass them (H153's findings 01-03, 05-09): dates, masked arrays, polars
frames, pd.NA, huge integers, zero denominators of Series, nps_moe_defined's checks. Each value is docs/metrics.md's
formula worked by hand."""

from __future__ import annotations

import re
import warnings

import numpy as np
import pandas as pd
import pytest

import xl_retention as xr
from xl_retention import metrics
from xl_retention.errors import NotANumberError, OutOfRangeError, ZeroDenominatorError


@pytest.mark.parametrize(
    "value, what",
    [
        (np.array(["2024-01-01", "2024-02-01"], dtype="datetime64[ns]"), "dates (datetime64[ns])"),
        (pd.Series(pd.to_datetime(["2024-01-01", "2024-02-01"])), "dates (datetime64["),
        (np.array([5, 6], dtype="timedelta64[ns]"), "durations (timedelta64[ns])"),
        (pd.Series(pd.to_timedelta([5, 6])), "durations (timedelta64[ns])"),
    ],
)
def test_dates_and_durations_are_refused_not_read_as_nanoseconds(value, what):
    # was: crr(dates in ns, 0, 2e18) = [0.852, 0.853], a date read as its count of nanoseconds
    with pytest.raises(NotANumberError, match=re.escape("customers_end must hold numbers, got " + what)):
        xr.crr(value, [0, 0], [2e18, 2e18])


def test_a_date_element_among_numbers_is_refused():
    with pytest.raises(NotANumberError, match=r"customers_end must be a number, got np.datetime64.* at position 0"):
        xr.crr(np.array([np.datetime64("2024-01-01", "ns"), 5], dtype=object), 0, 10)
    with pytest.raises(NotANumberError, match=r"got np.timedelta64\(5,'ns'\) at position 0"):
        xr.crr(np.array([np.timedelta64(5, "ns"), 5], dtype=object), 0, 10)
    with pytest.raises(NotANumberError, match=r"scores must hold numbers, got dates"):
        xr.nps(np.array([9, 10], dtype="datetime64[ns]"))  # was 100.0


def test_masked_elements_are_blanks():
    # CRR = (E - N) / S: (535 - 75) / 500 = 0.92; the masked month is blank (was 0.857 from the value under the mask)
    result = xr.crr(np.ma.array([535, 90], mask=[False, True]), [75, 30], [500, 70])
    assert result[0] == 0.92 and np.isnan(result[1])
    # NPS of 10, 9, 3 (the masked 0 skipped): (2 - 1) / 3 x 100 = 33.33 (was 0.0, the 0 counted as a detractor)
    assert xr.nps(np.ma.array([10, 9, 0, 3], mask=[0, 0, 1, 0])) == pytest.approx(100 / 3, rel=1e-15)


def test_pandas_na_is_a_blank():
    result = xr.crr([535, pd.NA], [75, 30], [500, 70])
    assert result[0] == 0.92 and np.isnan(result[1])
    assert xr.nps([10, pd.NA, 3]) == 0.0  # one promoter, one detractor of two answers
    series = xr.crr(
        pd.Series([535, pd.NA], dtype=object, index=["jan", "feb"]), pd.Series([75, 30], index=["jan", "feb"]), 500
    )
    assert series.index.tolist() == ["jan", "feb"] and series["jan"] == 0.92 and np.isnan(series["feb"])


@pytest.mark.parametrize("call", [lambda: xr.crr(10**400, 0, 10**400), lambda: xr.crr([10**400], 0, 1)])
def test_an_integer_beyond_a_float_is_out_of_range_naming_it(call):
    with pytest.raises(
        OutOfRangeError,
        match=r"customers_end is beyond a float's range \(above 1.8e308\), got an integer of 401 digits",
    ):
        call()
    with pytest.raises(OutOfRangeError, match=r"^scores is beyond"):
        xr.nps([10**400])


def test_a_polars_dataframe_is_read_as_pandas():
    pl = pytest.importorskip("polars")
    # one column: that column, as df.to_pandas() gives ((100 - 10) / 200, (100 - 20) / 200); was a 2 x 2 cross-table
    result = xr.crr(pl.DataFrame({"customers_end": [100, 100]}), [10, 20], [200, 200])
    assert isinstance(result, pd.Series) and result.tolist() == [0.45, 0.4]
    with pytest.raises(NotANumberError, match=r"customers_end is a table of 2 columns \('customers_end', 'other'\)"):
        xr.crr(pl.DataFrame({"customers_end": [100, 100], "other": [1, 2]}), 0, 200)
    assert xr.nps(pl.DataFrame({"score": [10, 9, 0, 3]})) == 0.0  # a range: 2 promoters, 2 detractors


def test_clv_of_series_with_churn_and_discount_both_0_is_nan_there():
    # docs/metrics.md "Bad input": a zero denominator with Series is NaN for that element only
    # 50 x 0.7 / 0.03 = 1166.67 (discount 0: m / churn); was ZeroDenominatorError at index 1
    result = xr.clv(pd.Series([50, 50], index=["a", "b"]), 0.7, pd.Series([0.03, 0.0], index=["a", "b"]))
    assert result["a"] == pytest.approx(35 / 0.03, rel=1e-15) and np.isnan(result["b"])
    with pytest.raises(ZeroDenominatorError, match=r"churn_rate is 0 and discount_rate is 0.* at position 1"):
        xr.clv([50, 50], 0.7, [0.03, 0.0])  # arrays (Excel's ranges) keep #DIV/0!


def test_nps_moe_from_counts_of_a_series_with_no_responses_is_nan_without_a_warning():
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # was numpy's RuntimeWarning: invalid value encountered in divide
        result = metrics.nps_moe_from_counts(pd.Series([3, 0]), pd.Series([2, 0]), pd.Series([7, 0]))
    assert result[0] == pytest.approx(metrics.nps_moe_from_counts(3, 2, 7), rel=1e-15) and np.isnan(result[1])
    # 1.959964 x 100 x sqrt(((3 + 2) / 7 - ((3 - 2) / 7) ** 2) / 7) = 61.707861
    assert round(result[0], 6) == 61.707861


def test_nps_moe_defined_checks_its_counts_and_keeps_the_kind():
    index = pd.Index(["2026-01", "2026-02"])
    result = metrics.nps_moe_defined(
        pd.Series([3, 2], index=index), pd.Series([2, 0], index=index), pd.Series([7, 2], index=index)
    )
    assert result.index.equals(index) and result.tolist() == [True, False]
    assert metrics.nps_moe_defined(3, 2, 7) is True and metrics.nps_moe_defined(0, 0, 0) is False
    with pytest.raises(NotANumberError, match=r"promoters must be a number, got 'a'"):
        metrics.nps_moe_defined("a", 1, 2)
    with pytest.raises(NotANumberError, match=r"promoters must be a number, got True"):
        metrics.nps_moe_defined(True, False, 10)
    with pytest.raises(OutOfRangeError, match=r"promoters \+ detractors \(6 \+ 5\) exceed responses \(7\)"):
        metrics.nps_moe_defined(6, 5, 7)
